"""An S3 multipart upload fed from a tus upload's partial file while its body arrives.

Part n holds the bytes [(n - 1) * part_size, n * part_size) of the file; the list of parts sent
(number, ETag, CRC32) is kept in the upload's row, so any web process of the machine holding the
partial file continues the same multipart upload, and a part whose answer was lost is simply sent
again (S3 keeps the last copy of a part number). Each part carries a CRC32 the S3 server checks on
receipt; the SHA-256 of the whole file is ours (assets/tus/hashing.py), S3 cannot give it. Parts
are sent unsigned (UNSIGNED-PAYLOAD, as boto3 itself does over HTTPS when a checksum is sent): on
a plain-HTTP endpoint botocore would otherwise hash every byte with SHA-256 to sign it, and the S3
server again to check it, for no integrity the CRC32 does not give.
"""

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

logger = logging.getLogger(__name__)
MIB = 1024 * 1024
SMALLEST_PART = 8 * MIB  # S3 allows 5 MiB; 8 MiB is boto3's own default
MOST_PARTS = 10_000
PARTS_IN_FLIGHT = 4  # per web process: at most this many part buffers in memory
SEND_ERRORS = (BotoCoreError, ClientError, OSError)

_pool_lock = threading.Lock()
_pool: dict[str, ThreadPoolExecutor] = {}


def part_size_for(length: int) -> int:
    """8 MiB, or larger (whole MiB) when the file would need more than S3's 10,000 parts."""
    wanted = -(-length // (MOST_PARTS - 1))
    return max(SMALLEST_PART, -(-wanted // MIB) * MIB)


def part_count(length: int, part_size: int) -> int:
    return -(-length // part_size)


def _executor() -> ThreadPoolExecutor:
    with _pool_lock:
        if "parts" not in _pool:
            _pool["parts"] = ThreadPoolExecutor(PARTS_IN_FLIGHT, thread_name_prefix="s3-part")
        return _pool["parts"]


@lru_cache(maxsize=4)
def parts_client(storage):
    """A client of the storage's own session and settings that does not sign part bodies,
    shared by the threads of the process (boto3 clients are thread-safe)."""
    config = storage.client_config
    unsigned = Config(s3={**(config.s3 or {}), "payload_signing_enabled": False})
    return storage._create_session().client(
        "s3",
        region_name=storage.region_name,
        endpoint_url=storage.endpoint_url,
        config=config.merge(unsigned),
    )


class PartSender:
    """Sends parts of one partial file in the background and collects their receipts."""

    def __init__(self, client, bucket: str, key: str, multipart_id: str, path: Path, upload):
        self.client, self.bucket, self.key, self.multipart_id = client, bucket, key, multipart_id
        self.path, self.part_size, self.length = path, upload.part_size, upload.length
        self.done = {part["PartNumber"]: part for part in upload.parts}
        self.sending: dict[int, Future] = {}

    def send_ready(self, file_size: int, *, last: bool = False) -> None:
        """Start every part the file now holds whole (with `last`, also the short last one)."""
        whole = file_size // self.part_size
        if last and file_size == self.length:
            whole = part_count(self.length, self.part_size)
        for number in range(1, whole + 1):
            if number not in self.done and number not in self.sending:
                self.sending[number] = _executor().submit(self._send, number)

    def _send(self, number: int) -> dict:
        start = (number - 1) * self.part_size
        with self.path.open("rb") as handle:
            handle.seek(start)
            body = handle.read(min(self.part_size, self.length - start))
        answer = self.client.upload_part(
            Bucket=self.bucket,
            Key=self.key,
            UploadId=self.multipart_id,
            PartNumber=number,
            Body=body,
            ChecksumAlgorithm="CRC32",
        )
        return {
            "PartNumber": number,
            "ETag": answer["ETag"],
            "ChecksumCRC32": answer["ChecksumCRC32"],
            "Size": len(body),
        }

    def wait(self) -> list[dict]:
        """Wait for the parts in flight; the receipts of every part sent so far, in order.
        A part that failed is left out: it is sent again by the next request."""
        for number, future in sorted(self.sending.items()):
            try:
                self.done[number] = future.result()
            except SEND_ERRORS as error:
                logger.warning("Part %s of %s not sent yet: %s", number, self.key, error)
        self.sending.clear()
        return [self.done[number] for number in sorted(self.done)]

    def is_whole(self) -> bool:
        return len(self.done) == part_count(self.length, self.part_size)


@contextmanager
def sending_parts(sender: PartSender, on_done):
    """Parts go out while the caller writes; on leaving, wait for them and hand the receipts to
    `on_done` (also when the body broke off: what was sent is kept)."""
    try:
        yield sender
    finally:
        on_done(sender.wait())


def completed_parts(parts: list[dict]) -> list[dict]:
    return [
        {key: part[key] for key in ("PartNumber", "ETag", "ChecksumCRC32")}
        for part in sorted(parts, key=lambda part: part["PartNumber"])
    ]
