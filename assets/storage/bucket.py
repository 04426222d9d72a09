"""What the library's S3 bucket should be, applied by `manage.py configure_bucket`.

- Private: no anonymous access at all. Every download goes through /assets/files/..., which checks
  visibility and redirects to a presigned URL that expires (bytes never pass through Django).
- Versioned: an overwritten or deleted object keeps its previous version (the storage half of a
  backup, beside the PostgreSQL dump; README "Backups and restore").
- Lifecycle: incomplete multipart uploads (a web or worker process killed while sending a large
  file) are aborted after a day; old versions expire after NCRL_S3_NONCURRENT_DAYS days; objects
  under the uploads' staging prefix (`uploads/`: an upload completed there lives only until it is
  copied to its content key) expire a week after the longest an upload may stay open.
- Over TLS only when the endpoint is https (a policy that denies plain-HTTP requests).
"""

import json

from botocore.exceptions import ClientError

ABORT_INCOMPLETE_DAYS = 1
NONCURRENT_VERSION_DAYS = 30
STAGING_MARGIN_DAYS = 7


# What S3-compatible servers answer for a lifecycle rule they do not implement.
UNSUPPORTED_RULE = ("InvalidArgument", "MalformedXML", "NotImplemented", "InvalidRequest")


def abort_rule(days: int) -> dict:
    return {
        "ID": "abort-incomplete-multipart-uploads",
        "Status": "Enabled",
        "Filter": {"Prefix": ""},
        "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": days},
    }


def old_versions_rule(days: int) -> dict:
    return {
        "ID": "expire-old-versions",
        "Status": "Enabled",
        "Filter": {"Prefix": ""},
        "NoncurrentVersionExpiration": {"NoncurrentDays": days},
    }


def staging_rule(prefix: str, days: int) -> dict:
    return {
        "ID": "expire-upload-staging",
        "Status": "Enabled",
        "Filter": {"Prefix": prefix},
        "Expiration": {"Days": days},
    }


def staging_days(upload_expiry_hours: int) -> int:
    """Longer than any upload may stay open (a staging object waits for its upload's retry)."""
    return -(-upload_expiry_hours // 24) + STAGING_MARGIN_DAYS


def tls_only_policy(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DenyPlainHttp",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }
        ],
    }


def configure_bucket(
    client,
    bucket: str,
    *,
    require_tls: bool,
    staging: dict,
    abort_days: int = ABORT_INCOMPLETE_DAYS,
    noncurrent_days: int = NONCURRENT_VERSION_DAYS,
) -> list[str]:
    """Apply the settings above; returns one line per step, for the operator. `staging` is the
    rule for the uploads' staging prefix (`staging_rule`)."""
    done = []
    client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    done.append("versioning: enabled")
    done += _apply_lifecycle(client, bucket, abort_days, noncurrent_days, staging)
    if require_tls:
        client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(tls_only_policy(bucket)))
        done.append("policy: requests over plain HTTP are denied")
    else:
        _remove_policy(client, bucket)
        done.append("policy: none (private: only signed requests are served)")
    return done


def _apply_lifecycle(
    client, bucket: str, abort_days: int, noncurrent_days: int, staging: dict
) -> list[str]:
    versions = (
        f"old versions expire after {noncurrent_days} days, objects under "
        f"{staging['Filter']['Prefix']} after {staging['Expiration']['Days']} days"
    )
    kept = [old_versions_rule(noncurrent_days), staging]
    try:
        _put_rules(client, bucket, [abort_rule(abort_days), *kept])
        return [
            f"lifecycle: incomplete multipart uploads aborted after {abort_days} day(s), {versions}"
        ]
    except ClientError as error:
        if error.response["Error"]["Code"] not in UNSUPPORTED_RULE:
            raise
    # MinIO, for one, has no such rule: it drops incomplete uploads itself after its
    # `api stale_uploads_expiry` setting (24 hours unless changed).
    _put_rules(client, bucket, kept)
    return [
        "lifecycle: this server refuses the rule for incomplete multipart uploads (on MinIO "
        "set `mc admin config set ALIAS api stale_uploads_expiry=24h` instead)",
        f"lifecycle: {versions}",
    ]


def _put_rules(client, bucket: str, rules: list[dict]) -> None:
    client.put_bucket_lifecycle_configuration(
        Bucket=bucket, LifecycleConfiguration={"Rules": rules}
    )


def _remove_policy(client, bucket: str) -> None:
    try:
        client.delete_bucket_policy(Bucket=bucket)
    except ClientError as error:
        if error.response["Error"]["Code"] not in ("NoSuchBucketPolicy", "NoSuchBucket"):
            raise
