"""A tus 1.0.0 server (core, creation, termination, checksum, expiration) for large uploads.

Bytes go to storage as they arrive (an S3 multipart upload, or a partial file in a local folder);
on completion the file is re-read from storage, hashed, validated, stored once under its content
key and becomes an asset in the uploader's agency collection.
"""
