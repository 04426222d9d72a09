"""A SHA-256 whose running state can be saved and taken up by another process.

hashlib's objects cannot leave their process, so an upload's running hash lived in one web
process, and when the next request reached another one (tuspy opens a new connection for each
request) the whole file was read and hashed again at the end: 1 GB took 0.7 CPU-seconds, and
3 s on the loaded machine, of the last request. This is OpenSSL's own SHA-256 (the code hashlib
runs, with the CPU's SHA instructions) through its low-level interface, whose state is a public C
struct (SHA256_CTX in openssl/sha.h): 112 bytes that any process can save and load. It checks
itself against hashlib once; where libcrypto cannot be loaded or disagrees, `available()` is
False and the caller keeps the hash in memory.
"""

import ctypes
import ctypes.util
import hashlib
from functools import cache


class _Context(ctypes.Structure):
    _fields_ = [
        ("h", ctypes.c_uint32 * 8),
        ("Nl", ctypes.c_uint32),
        ("Nh", ctypes.c_uint32),
        ("data", ctypes.c_uint32 * 16),
        ("num", ctypes.c_uint),
        ("md_len", ctypes.c_uint),
    ]


STATE_SIZE = ctypes.sizeof(_Context)


@cache
def _libcrypto():
    name = ctypes.util.find_library("crypto")
    if name is None:
        return None
    try:
        library = ctypes.CDLL(name)
        functions = library.SHA256_Init, library.SHA256_Update, library.SHA256_Final
    except (OSError, AttributeError):
        return None
    context = ctypes.POINTER(_Context)
    functions[0].argtypes = [context]
    functions[1].argtypes = [context, ctypes.c_void_p, ctypes.c_size_t]
    functions[2].argtypes = [ctypes.c_char_p, context]
    return library


class ResumableSha256:
    def __init__(self, state: bytes = b""):
        self._context = _Context()
        if state:
            ctypes.memmove(ctypes.byref(self._context), state, STATE_SIZE)
        else:
            _libcrypto().SHA256_Init(ctypes.byref(self._context))

    def update(self, data: bytes | bytearray | memoryview) -> None:
        """Hash more bytes; a writable buffer (the body reader's own) is hashed where it is."""
        if not isinstance(data, bytes):
            data = (ctypes.c_char * len(data)).from_buffer(data)
        _libcrypto().SHA256_Update(ctypes.byref(self._context), data, len(data))

    @property
    def length(self) -> int:
        """How many bytes it has hashed."""
        return ((self._context.Nh << 32) | self._context.Nl) // 8

    def state(self) -> bytes:
        return ctypes.string_at(ctypes.byref(self._context), STATE_SIZE)

    def hexdigest(self) -> str:
        copy = _Context.from_buffer_copy(self.state())
        digest = ctypes.create_string_buffer(32)
        _libcrypto().SHA256_Final(digest, ctypes.byref(copy))
        return digest.raw.hex()


@cache
def available() -> bool:
    if _libcrypto() is None:
        return False
    sample = bytes(range(256)) * 1000
    first = ResumableSha256()
    first.update(sample[:1000])
    taken_up = ResumableSha256(first.state())
    taken_up.update(sample[1000:])
    return (taken_up.length, taken_up.hexdigest()) == (
        len(sample),
        hashlib.sha256(sample).hexdigest(),
    )
