"""What a file really is, from its first bytes: the types we accept and the ones we know to refuse.

Media containers carry both video and audio; whether a file is a video or an audio file is
decided later by probing it, so a `FileType` holds both variants of its MIME type and extension.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEAD_SIZE = 4096


@dataclass(frozen=True)
class FileType:
    label: str
    family: str  # "image", "svg", "document", "media" (video or audio), or "refused"
    mime: str
    extension: str
    extensions: frozenset[str] = field(default_factory=frozenset)
    audio_mime: str = ""
    audio_extension: str = ""
    pillow_format: str = ""
    container: str = ""
    demuxer: str = ""  # the ffmpeg input format (`-f`) of a media type

    def accepts_extension(self, extension: str) -> bool:
        return extension in self.extensions or extension == self.extension


def _type(label: str, family: str, mime: str, extensions: str, **extra: str) -> FileType:
    names = extensions.split()
    return FileType(label, family, mime, names[0], frozenset(names), **extra)


JPEG = _type("JPEG image", "image", "image/jpeg", "jpg jpeg jpe jfif", pillow_format="JPEG")
PNG = _type("PNG image", "image", "image/png", "png", pillow_format="PNG")
GIF = _type("GIF image", "image", "image/gif", "gif", pillow_format="GIF")
WEBP = _type("WebP image", "image", "image/webp", "webp", pillow_format="WEBP")
AVIF = _type("AVIF image", "image", "image/avif", "avif", pillow_format="AVIF")
HEIC = _type("HEIC image", "image", "image/heic", "heic heif", pillow_format="HEIF")
SVG = _type("SVG drawing", "svg", "image/svg+xml", "svg")
PDF = _type("PDF document", "document", "application/pdf", "pdf")

_ISO_MEDIA = "mp4 m4v m4a m4b mov qt 3gp 3g2 f4v"
MP4 = _type(
    "MP4 media file",
    "media",
    "video/mp4",
    _ISO_MEDIA,
    audio_mime="audio/mp4",
    audio_extension="m4a",
    container="isobmff",
    demuxer="mov",
)
MOV = _type(
    "QuickTime movie",
    "media",
    "video/quicktime",
    "mov " + _ISO_MEDIA,
    audio_mime="audio/mp4",
    audio_extension="m4a",
    container="isobmff",
    demuxer="mov",
)
WEBM = _type(
    "WebM media file",
    "media",
    "video/webm",
    "webm mkv mka weba",
    audio_mime="audio/webm",
    audio_extension="webm",
    demuxer="matroska",
)
MATROSKA = _type(
    "Matroska media file",
    "media",
    "video/x-matroska",
    "mkv mka webm",
    audio_mime="audio/x-matroska",
    audio_extension="mka",
    demuxer="matroska",
)
OGG = _type(
    "Ogg media file",
    "media",
    "video/ogg",
    "ogv ogg oga opus spx",
    audio_mime="audio/ogg",
    audio_extension="ogg",
    demuxer="ogg",
)
MP3 = _type(
    "MP3 audio",
    "media",
    "audio/mpeg",
    "mp3",
    audio_mime="audio/mpeg",
    audio_extension="mp3",
    demuxer="mp3",
)
AAC = _type(
    "AAC audio",
    "media",
    "audio/aac",
    "aac",
    audio_mime="audio/aac",
    audio_extension="aac",
    demuxer="aac",
)
WAV = _type(
    "WAV audio",
    "media",
    "audio/wav",
    "wav wave",
    audio_mime="audio/wav",
    audio_extension="wav",
    demuxer="wav",
)
FLAC = _type(
    "FLAC audio",
    "media",
    "audio/flac",
    "flac",
    audio_mime="audio/flac",
    audio_extension="flac",
    demuxer="flac",
)
AIFF = _type(
    "AIFF audio",
    "media",
    "audio/aiff",
    "aiff aif aifc",
    audio_mime="audio/aiff",
    audio_extension="aiff",
    demuxer="aiff",
)
AMR = _type(
    "AMR audio",
    "media",
    "audio/amr",
    "amr",
    audio_mime="audio/amr",
    audio_extension="amr",
    demuxer="amr",
)
AVI = _type(
    "AVI video",
    "media",
    "video/x-msvideo",
    "avi",
    audio_mime="audio/x-wav",
    audio_extension="avi",
    demuxer="avi",
)
MPEG_TS = _type(
    "MPEG transport stream",
    "media",
    "video/mp2t",
    "ts mts m2ts",
    audio_mime="audio/mp2t",
    audio_extension="ts",
    demuxer="mpegts",
)
MPEG_PS = _type(
    "MPEG program stream",
    "media",
    "video/mpeg",
    "mpg mpeg vob",
    audio_mime="audio/mpeg",
    audio_extension="mpg",
    demuxer="mpeg",
)
FLV = _type(
    "Flash video",
    "media",
    "video/x-flv",
    "flv",
    audio_mime="video/x-flv",
    audio_extension="flv",
    demuxer="flv",
)
ASF = _type(
    "Windows Media file",
    "media",
    "video/x-ms-wmv",
    "wmv wma asf",
    audio_mime="audio/x-ms-wma",
    audio_extension="wma",
    demuxer="asf",
)

# Recognised, but not accepted by any asset model: named so the refusal can say what it saw.
TIFF = _type("TIFF image", "refused", "image/tiff", "tif tiff")
BMP = _type("BMP image", "refused", "image/bmp", "bmp")
PSD = _type("Photoshop document", "refused", "image/vnd.adobe.photoshop", "psd")
ICO = _type("Windows icon", "refused", "image/x-icon", "ico")
OLE = _type(
    "Microsoft Office 97-2003 file", "refused", "application/x-ole-storage", "doc xls ppt msi"
)
RTF = _type("RTF document", "refused", "application/rtf", "rtf")
POSTSCRIPT = _type("PostScript file", "refused", "application/postscript", "ps eps")

_PREFIXES: tuple[tuple[bytes, FileType], ...] = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"%PDF-", PDF),
    (b"OggS", OGG),
    (b"fLaC", FLAC),
    (b"ID3", MP3),
    (b"#!AMR", AMR),
    (b"FLV\x01", FLV),
    (b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", ASF),
    (b"\x00\x00\x01\xba", MPEG_PS),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"8BPS", PSD),
    (b"\x00\x00\x01\x00", ICO),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),
    (b"{\\rtf", RTF),
    (b"%!PS", POSTSCRIPT),
    (b"\xc5\xd0\xd3\xc6", POSTSCRIPT),
)

_AVIF_BRANDS = {b"avif", b"avis"}
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_QUICKTIME_BOXES = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}


def sniff(head: bytes) -> FileType | None:
    """The type the first bytes of a file announce, or None when they announce nothing we know."""
    for prefix, file_type in _PREFIXES:
        if head.startswith(prefix):
            return file_type
    return _sniff_riff(head) or _sniff_iso_media(head) or _sniff_other_media(head)


def _sniff_riff(head: bytes) -> FileType | None:
    if head[:4] == b"RIFF":
        return {b"WEBP": WEBP, b"WAVE": WAV, b"AVI ": AVI}.get(head[8:12])
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return AIFF
    if head[:2] == b"BM" and len(head) >= 26 and head[6:10] == b"\x00\x00\x00\x00":
        return BMP
    return None


def _sniff_iso_media(head: bytes) -> FileType | None:
    box = head[4:8]
    if box in _QUICKTIME_BOXES:
        return MOV
    if box != b"ftyp":
        return None
    box_size = int.from_bytes(head[0:4], "big")
    major = head[8:12]
    brands = {major} | {head[i : i + 4] for i in range(16, min(box_size, len(head)) - 3, 4)}
    if brands & _AVIF_BRANDS:
        return AVIF
    if brands & _HEIC_BRANDS:
        return HEIC
    return MOV if major == b"qt  " else MP4


def _sniff_other_media(head: bytes) -> FileType | None:
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM if b"webm" in head[:64] else MATROSKA
    if _sync_bytes_every(head, 0, 188) or _sync_bytes_every(head, 4, 192):
        return MPEG_TS  # 188-byte packets, or 192-byte ones with a time code first (M2TS)
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0:
        layer = (head[1] >> 1) & 0x03
        return MP3 if layer else AAC
    return None


def _sync_bytes_every(head: bytes, first: int, packet: int) -> bool:
    positions = [first + packet * index for index in range(3)]
    return len(head) > positions[-1] and all(head[at] == 0x47 for at in positions)


_BY_EXTENSION = {
    extension: file_type
    for file_type in (
        JPEG,
        PNG,
        GIF,
        WEBP,
        AVIF,
        HEIC,
        SVG,
        PDF,
        MP4,
        WEBM,
        OGG,
        MP3,
        AAC,
        WAV,
        FLAC,
        AIFF,
        AMR,
        AVI,
        MPEG_TS,
        MPEG_PS,
        FLV,
        ASF,
    )
    for extension in sorted(file_type.extensions)
}


def type_for_extension(extension: str) -> FileType | None:
    """The accepted type a file name claims (used only to word refusals and to probe media)."""
    return _BY_EXTENSION.get(extension)
