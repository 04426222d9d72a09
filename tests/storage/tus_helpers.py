"""Talking to the live tus server as a client would: tuspy, requests, and a raw socket."""

import socket
from pathlib import Path
from urllib.parse import urlsplit

import requests
from tusclient import client

TUS = {"Tus-Resumable": "1.0.0"}


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **TUS}


def endpoint(live_server) -> str:
    return f"{live_server.url}/assets/uploads/"


def uploader(live_server, token: str, path: Path, metadata: dict, **options):
    tus = client.TusClient(endpoint(live_server), headers={"Authorization": f"Bearer {token}"})
    return tus.uploader(file_path=str(path), metadata=metadata, **options)


def status(url: str, token: str) -> dict:
    return requests.get(url, headers=auth(token), timeout=30).json()


def offset(url: str, token: str) -> int:
    return int(requests.head(url, headers=auth(token), timeout=30).headers["Upload-Offset"])


def create(live_server, token: str, length: int, metadata: str) -> str:
    response = requests.post(
        endpoint(live_server),
        headers={**auth(token), "Upload-Length": str(length), "Upload-Metadata": metadata},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return response.headers["Location"]


def patch(url: str, token: str, at: int, body: bytes, **headers) -> requests.Response:
    return requests.patch(
        url,
        data=body,
        headers={
            **auth(token),
            "Upload-Offset": str(at),
            "Content-Type": "application/offset+octet-stream",
            **headers,
        },
        timeout=120,
    )


def dropped_patch(url: str, token: str, path: Path, at: int, declared: int, sent: int) -> None:
    """Announce `declared` bytes from `at`, send only `sent`, then cut the connection."""
    parts = urlsplit(url)
    head = (
        f"PATCH {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        f"Authorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
        f"Upload-Offset: {at}\r\nContent-Type: application/offset+octet-stream\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    ).encode()
    with socket.create_connection((parts.hostname, parts.port)) as connection, path.open("rb") as f:
        connection.sendall(head)
        f.seek(at)
        remaining = sent
        while remaining:
            chunk = f.read(min(1024 * 1024, remaining))
            connection.sendall(chunk)
            remaining -= len(chunk)
        connection.shutdown(socket.SHUT_RDWR)
