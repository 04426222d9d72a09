"""Short-lived download addresses for files in a private bucket."""

from django.conf import settings
from django.core.files.storage import Storage


def is_remote(storage: Storage) -> bool:
    return bool(getattr(storage, "is_remote", False))


def s3_client(storage: Storage):
    return storage.connection.meta.client


def presigned_download_url(
    storage: Storage,
    name: str,
    expire: int | None = None,
    *,
    content_type: str = "",
    disposition: str = "",
) -> str:
    """A signed GET for one object that stops working after `expire` seconds; S3 answers it
    with ranges, the file's type and (when given) the download name."""
    seconds = expire if expire is not None else getattr(settings, "AWS_QUERYSTRING_EXPIRE", 300)
    params = {"Bucket": storage.bucket_name, "Key": storage.object_key(name)}
    if content_type:
        # Objects are stored without a type; the signed URL asks S3 to send the right one.
        params["ResponseContentType"] = content_type
    if disposition:
        params["ResponseContentDisposition"] = disposition
    return s3_client(storage).generate_presigned_url("get_object", Params=params, ExpiresIn=seconds)
