"""Response headers for an asset's bytes, whatever door serves them.

An SVG is a document that can hold script and links: opened directly on our origin it would run
with the visitor's session. It is sent as an attachment with a sandboxing policy, so a browser
that navigates to it saves it and runs nothing; an <img> ignores both headers and still draws it.
"""

SVG_MIME = "image/svg+xml"
SVG_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def is_svg(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() == SVG_MIME


def harden_file_response(response, content_type: str | None):
    """nosniff everywhere; an SVG downloads in a sandbox instead of opening on our origin."""
    response["X-Content-Type-Options"] = "nosniff"
    if is_svg(content_type):
        response["Content-Security-Policy"] = SVG_POLICY
        disposition = response.get("Content-Disposition", "")
        filename = disposition.partition(";")[2].strip()
        response["Content-Disposition"] = f"attachment; {filename}" if filename else "attachment"
    return response
