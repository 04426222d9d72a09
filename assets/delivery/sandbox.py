"""SVG drawings are documents that can hold script and links: opened directly on our origin they
would run with the visitor's session. Every door that serves one sends it as an attachment with a
sandboxing policy, so a browser that navigates to it saves it and runs nothing; an <img> ignores
both headers and still draws it. (S3 cannot send the policy: the presigned URL asks for the
attachment, and the bucket is another origin.)"""

SVG_MIME = "image/svg+xml"
SVG_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def is_svg(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() == SVG_MIME


def sandbox_svg(response, content_type: str | None):
    if is_svg(content_type):
        response["Content-Security-Policy"] = SVG_POLICY
        response["X-Content-Type-Options"] = "nosniff"
        disposition = response.get("Content-Disposition", "")
        if not disposition.startswith("attachment"):
            name = disposition.partition(";")[2].strip()
            response["Content-Disposition"] = f"attachment; {name}" if name else "attachment"
    return response
