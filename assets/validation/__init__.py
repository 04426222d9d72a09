"""Safe upload validation: the real type from the bytes, limits from settings, nothing dangerous.

    sniffed = validate_upload(file, filename=upload.name, allowed=("image", "svg"))

raises `UploadRejected` (a Django ValidationError with a stable `code`) or returns a
`SniffedFile`. The file is read in chunks and left at position 0.
"""

from .errors import UploadRejected
from .limits import UploadLimits, upload_limits
from .media import media_input
from .sniffed import SniffedFile
from .upload import validate_upload

__all__ = [
    "SniffedFile",
    "UploadLimits",
    "UploadRejected",
    "media_input",
    "upload_limits",
    "validate_upload",
]
