"""Links to stored files always go through the access-checked file view, never to storage
directly: a cached hub page must not hold a presigned URL that expires in minutes."""

from django.urls import reverse


def file_url(name: str) -> str:
    return reverse("assets:file", args=[name])
