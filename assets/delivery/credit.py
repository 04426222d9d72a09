"""The credit line inside a downloaded image: an XMP packet (Dublin Core rights and creator,
Photoshop credit, XMP rights usage terms and licence URL) put into a JPEG (APP1 segment) or a
PNG (iTXt chunk) without decoding or re-encoding the pixels. Other formats are served as
they are."""

import struct
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

XMP_JPEG_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_PNG_KEYWORD = b"XML:com.adobe.xmp"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Credit:
    credit_line: str
    creator: str = ""
    copyright_holder: str = ""
    usage_terms: str = ""
    licence_url: str = ""


def xmp_packet(credit: Credit) -> bytes:
    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    creator = f"<rdf:Seq><rdf:li>{escape(credit.creator)}</rdf:li></rdf:Seq>"
    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
        'xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">'
        f"<photoshop:Credit>{escape(credit.credit_line)}</photoshop:Credit>"
        + (f"<dc:creator>{creator}</dc:creator>" if credit.creator else "")
        + (
            f"<dc:rights>{alt(credit.copyright_holder)}</dc:rights>"
            if credit.copyright_holder
            else ""
        )
        + (
            f"<xmpRights:UsageTerms>{alt(credit.usage_terms)}</xmpRights:UsageTerms>"
            if credit.usage_terms
            else ""
        )
        + (
            f"<xmpRights:WebStatement>{escape(credit.licence_url)}</xmpRights:WebStatement>"
            if credit.licence_url
            else ""
        )
        + "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return body.encode("utf-8")


def embed_credit(data: bytes, credit: Credit) -> bytes | None:
    """The image with the credit's XMP in place of any it had; None for other formats."""
    packet = xmp_packet(credit)
    if data[:2] == b"\xff\xd8":
        return _jpeg_with_xmp(data, packet)
    if data[:8] == PNG_SIGNATURE:
        return _png_with_xmp(data, packet)
    return None


def _jpeg_with_xmp(data: bytes, packet: bytes) -> bytes | None:
    payload = XMP_JPEG_HEADER + packet
    if len(payload) + 2 > 0xFFFF:
        return None
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    position, kept = 2, [data[:2]]
    # Keep APP0 (JFIF) first; drop an existing XMP APP1; stop at the first non-APP segment.
    while (
        position + 4 <= len(data) and data[position] == 0xFF and 0xE0 <= data[position + 1] <= 0xEF
    ):
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        chunk = data[position : position + 2 + length]
        is_xmp = data[position + 1] == 0xE1 and chunk[4:].startswith(XMP_JPEG_HEADER)
        if not is_xmp:
            kept.append(chunk)
        if data[position + 1] == 0xE0:
            kept.append(segment)
            segment = b""
        position += 2 + length
    return b"".join(kept) + segment + data[position:]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_with_xmp(data: bytes, packet: bytes) -> bytes:
    itxt = _png_chunk(b"iTXt", XMP_PNG_KEYWORD + b"\x00\x00\x00\x00\x00" + packet)
    position, chunks = 8, [PNG_SIGNATURE]
    while position + 8 <= len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        kind = data[position + 4 : position + 8]
        chunk = data[position : position + 12 + length]
        if kind == b"IDAT" and itxt:
            chunks.append(itxt)
            itxt = b""
        if not (kind == b"iTXt" and chunk[8:].startswith(XMP_PNG_KEYWORD + b"\x00")):
            chunks.append(chunk)
        position += 12 + length
    return b"".join(chunks) + data[position:]
