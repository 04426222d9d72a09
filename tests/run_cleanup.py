"""Removing what one test run left in the shared servers (names carry the run id)."""

import os

import redis
from django.core.files.storage import default_storage
from elasticsearch import Elasticsearch

from assets.storage.links import is_remote, s3_client


def remove_run_indexes(config: dict) -> None:
    if not config.get("URL"):
        return
    client = Elasticsearch(config["URL"], request_timeout=30)
    client.options(ignore_status=404).indices.delete(
        index=f"{config['INDEX']}*", expand_wildcards="all"
    )


def remove_run_objects() -> None:
    prefix = os.environ.get("AWS_LOCATION")
    if not prefix or not is_remote(default_storage):
        return
    client = s3_client(default_storage)
    pages = client.get_paginator("list_objects_v2").paginate(
        Bucket=default_storage.bucket_name, Prefix=f"{prefix}/"
    )
    for page in pages:
        keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
        if keys:
            client.delete_objects(Bucket=default_storage.bucket_name, Delete={"Objects": keys})
    uploads = client.list_multipart_uploads(Bucket=default_storage.bucket_name, Prefix=f"{prefix}/")
    for upload in uploads.get("Uploads", []):
        client.abort_multipart_upload(
            Bucket=default_storage.bucket_name, Key=upload["Key"], UploadId=upload["UploadId"]
        )


def flush_run_queues() -> None:
    url = os.environ.get("REDIS_URL")
    if not url or not os.environ.get("NCRL_TEST_REDIS_CLAIMED"):
        return
    redis.Redis.from_url(url).flushdb()
