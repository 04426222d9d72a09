"""Create the test bucket on the S3 server named by the AWS_* variables, if it is missing.

Run by scripts/services.sh with the project's virtualenv once MinIO answers. The bucket stays
private: MinIO gives new buckets no policy, so anonymous requests are refused.
"""

import os
import sys

import boto3
from botocore.client import Config
from botocore.exceptions import ClientError


def s3_client():
    """A boto3 client for the endpoint and credentials in the environment, path-style."""
    return boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
        region_name=os.environ["AWS_S3_REGION_NAME"],
        config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
    )


def ensure_bucket(name: str) -> bool:
    """Create the bucket unless it exists; return whether it was created."""
    client = s3_client()
    try:
        client.head_bucket(Bucket=name)
        return False
    except ClientError as error:
        if error.response["Error"]["Code"] not in ("404", "NoSuchBucket"):
            raise
    client.create_bucket(Bucket=name)
    return True


def main() -> int:
    name = os.environ["AWS_STORAGE_BUCKET_NAME"]
    created = ensure_bucket(name)
    print(f"[services] bucket {name} {'created' if created else 'already there'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
