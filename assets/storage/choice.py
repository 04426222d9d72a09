"""Which of our storage classes wraps the configured backend (the factory used by settings).

Kept free of Django imports so that settings can call it before apps are loaded.
"""

ASSET_STORAGE_BACKENDS = {
    "django.core.files.storage.FileSystemStorage": "assets.storage.backends.LocalAssetStorage",
    "storages.backends.s3.S3Storage": "assets.storage.backends.S3AssetStorage",
    "storages.backends.s3boto3.S3Boto3Storage": "assets.storage.backends.S3AssetStorage",
}


def asset_storage_backend(configured: str) -> str:
    """Our subclass of the configured backend; an unknown backend is kept as it is."""
    return ASSET_STORAGE_BACKENDS.get(configured, configured)
