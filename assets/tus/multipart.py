"""An S3 multipart upload fed from a tus upload's partial file while its body arrives.

Part n holds the bytes [(n - 1) * part_size, n * part_size) of the file. A request starts the parts
its body made whole and does not wait for them: they go on while the client sends its next request,
whichever web process of the machine that reaches. Each part sent is noted, with its ETag and CRC32,
in a receipts file beside the partial file (`<spool>/<id>.parts`, one JSON line appended per part),
which every process of the machine reads. The request that completes the file waits for the parts
this process still sends, reads the receipts the others wrote, sends again any part still missing
(one that failed, or one another process was sending: S3 keeps the last copy of a part number, and
both copies are the same bytes), and only then is the multipart upload completed.

Each part carries a CRC32 the S3 server checks on receipt, computed here with ISA-L (isal: about
0.1 s per GB, where botocore's own, zlib's, takes 0.35-0.6 s of the web process's CPU); the SHA-256
of the whole file is ours (assets/tus/hashing.py), S3 cannot give it. Parts are sent unsigned
(UNSIGNED-PAYLOAD, as boto3 itself does over HTTPS when a checksum is sent): on a plain-HTTP
endpoint botocore would otherwise hash every byte with SHA-256 to sign it, and the S3 server again
to check it, for no integrity the CRC32 does not give.
"""

import base64
import json
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from functools import lru_cache
from pathlib import Path

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from isal.isal_zlib import crc32

logger = logging.getLogger(__name__)
MIB = 1024 * 1024
MOST_PARTS = 10_000
RECEIPTS_SUFFIX = ".parts"
SEND_ERRORS = (BotoCoreError, ClientError, OSError)

_pool_lock = threading.Lock()
_pool: dict[str, ThreadPoolExecutor] = {}
_buffers = threading.local()
# The parts this process is sending: upload id -> part number -> its send.
_flights_lock = threading.RLock()  # a send that ends at once calls back under it
_flights: dict[str, dict[int, Future]] = {}


def part_size_for(length: int) -> int:
    """NCRL_UPLOAD_PART_MIB, or larger (whole MiB) when the file would need more than S3's 10,000
    parts."""
    wanted = -(-length // (MOST_PARTS - 1))
    return max(settings.NCRL_UPLOAD_PART_MIB * MIB, -(-wanted // MIB) * MIB)


def goes_in_parts(upload) -> bool:
    """Files longer than one part go to S3 as they arrive (in the parts they began with, should
    the configured size change meanwhile)."""
    return upload.length > (upload.part_size or part_size_for(upload.length))


def part_count(length: int, part_size: int) -> int:
    return -(-length // part_size)


def _executor() -> ThreadPoolExecutor:
    with _pool_lock:
        if "parts" not in _pool:
            # Each sending thread keeps a buffer of one part: memory up to their product.
            _pool["parts"] = ThreadPoolExecutor(
                settings.NCRL_UPLOAD_PARTS_IN_FLIGHT, thread_name_prefix="s3-part"
            )
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
    """Sends the parts of one partial file in the background; knows which parts S3 holds."""

    def __init__(self, client, bucket: str, key: str, multipart_id: str, upload, spool: Path):
        self.client, self.bucket, self.key, self.multipart_id = client, bucket, key, multipart_id
        self.path, self.receipts_path = spool, receipts_path(spool)
        self.part_size, self.length = upload.part_size, upload.length
        self.upload_id = str(upload.id)
        self.done = {part["PartNumber"]: part for part in upload.parts}
        self.started: set[int] = set()
        self._read_receipts()

    def send_ready(self, file_size: int, *, first: int = 1, last: bool = False) -> None:
        """Start every part from number `first` that the file now holds whole (with `last`, also
        the short last one), unless it is in S3, being sent by this process, or was started by
        this sender already."""
        whole = file_size // self.part_size
        if last and file_size == self.length:
            whole = part_count(self.length, self.part_size)
        with _flights_lock:
            for number in range(max(first, 1), whole + 1):
                flying = _flights.get(self.upload_id, {})
                if number not in self.done and number not in flying and number not in self.started:
                    self.started.add(number)
                    send = _executor().submit(self._send, number)
                    # Looked up again: a send that ended at once removed an emptied entry.
                    _flights.setdefault(self.upload_id, {})[number] = send
                    send.add_done_callback(self._landed(number))

    def finish(self) -> list[dict]:
        """Every part of the file in S3, or as many as could be sent: the receipts, in order."""
        self._wait_for_this_process()
        self._read_receipts()  # and what other processes sent meanwhile
        self.started.clear()  # a part that failed is sent again
        self.send_ready(self.length, last=True)
        self._wait_for_this_process()
        self._read_receipts()
        return self.receipts()

    def receipts(self) -> list[dict]:
        return [self.done[number] for number in sorted(self.done)]

    def _send(self, number: int) -> dict:
        start = (number - 1) * self.part_size
        size = min(self.part_size, self.length - start)
        body = _read_part(self.path, start, size, whole=size == self.part_size)
        answer = self.client.upload_part(
            Bucket=self.bucket,
            Key=self.key,
            UploadId=self.multipart_id,
            PartNumber=number,
            Body=body,
            ChecksumCRC32=crc32_base64(body),
        )
        receipt = {
            "PartNumber": number,
            "ETag": answer["ETag"],
            "ChecksumCRC32": answer["ChecksumCRC32"],
            "Size": size,
        }
        # One short append, on a line of its own even after a line a crash cut short.
        line = "\n" + json.dumps({**receipt, "UploadId": self.multipart_id}) + "\n"
        with self.receipts_path.open("a") as receipts:
            receipts.write(line)
        return receipt

    def _landed(self, number: int):
        def forget(future: Future) -> None:
            with _flights_lock:
                flying = _flights.get(self.upload_id, {})
                if flying.get(number) is future:
                    del flying[number]
                if not flying:
                    _flights.pop(self.upload_id, None)
            error = None if future.cancelled() else future.exception()
            if error is not None:
                logger.warning("Part %s of %s not sent yet: %s", number, self.key, error)

        return forget

    def _wait_for_this_process(self) -> None:
        with _flights_lock:
            sends = list(_flights.get(self.upload_id, {}).values())
        wait(sends)

    def _read_receipts(self) -> None:
        for receipt in read_receipts(self.receipts_path, self.multipart_id):
            self.done[receipt["PartNumber"]] = receipt


def receipts_path(spool: Path) -> Path:
    return spool.with_suffix(RECEIPTS_SUFFIX)


def read_receipts(path: Path, multipart_id: str) -> list[dict]:
    """The receipts of one multipart upload (a line cut short by a crash is skipped)."""
    try:
        lines = path.read_text().splitlines()
    except FileNotFoundError:
        return []
    receipts = []
    for line in lines:
        try:
            receipt = json.loads(line)
        except ValueError:
            continue
        if receipt.pop("UploadId", None) == multipart_id:
            receipts.append(receipt)
    return receipts


def stop_sending(upload_id) -> None:
    """Drop the parts of an ended upload that have not started yet (those on their way fail once
    the multipart upload is aborted)."""
    with _flights_lock:
        sends = list(_flights.get(str(upload_id), {}).values())
    for send in sends:
        send.cancel()


def _read_part(path: Path, start: int, size: int, *, whole: bool) -> bytearray:
    """The part's bytes; a whole part in this sending thread's own buffer, used again for its
    next part (a new buffer is fresh memory, every page of it a fault)."""
    buffer = getattr(_buffers, "part", None)
    if buffer is None or len(buffer) != size:
        buffer = bytearray(size)
        if whole:
            _buffers.part = buffer
    with path.open("rb", buffering=0) as handle:
        handle.seek(start)
        view, filled = memoryview(buffer), 0
        while filled < size:
            read = handle.readinto(view[filled:])
            if not read:
                raise OSError(f"{path} ends before byte {start + size}")
            filled += read
    return buffer


def crc32_base64(data) -> str:
    """The CRC32 as S3 names it (big-endian, base64); given, botocore does not compute its own."""
    return base64.b64encode(crc32(data).to_bytes(4, "big")).decode()


def completed_parts(parts: list[dict]) -> list[dict]:
    return [
        {key: part[key] for key in ("PartNumber", "ETag", "ChecksumCRC32")}
        for part in sorted(parts, key=lambda part: part["PartNumber"])
    ]
