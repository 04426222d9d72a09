"""A bounded fuzz run: damaged images and PDFs through the whole upload inspection.

Each example is a valid seed file (PNG, JPEG, GIF, WebP, an image PDF, a text PDF) damaged by a
few random edits (bytes flipped, runs zeroed, bytes inserted, cut short, a block repeated) and
given to `inspect_upload`, the path every upload door takes: validation, metadata, fingerprints.
It must end in a description of the file or an `UploadRejected` with a message; any other
exception would be a 500, and a native crash would end this process (pytest reports it with
faulthandler's trace). Accepted PDFs are also rendered as the document previews are. Hypothesis
derandomizes the run (the same examples each time) and caps it in examples and seconds.
"""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from assets.ingest import inspect_upload
from assets.kinds import ALL_FAMILIES
from assets.validation.errors import UploadRejected

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]
TIME_BUDGET_SECONDS = 30
EXAMPLES = 400


def _image(format_name: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture = Image.radial_gradient("L").resize((96, 64)).convert("RGB")
    picture.save(buffer, format_name, **options)
    return buffer.getvalue()


def _text_pdf() -> bytes:
    """A one-page PDF with a line of text, its cross-reference table computed."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    text = b"BT /F1 12 Tf 20 50 Td (Kho tai nguyen truyen thong so) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


SEEDS = [
    ("anh.png", _image("PNG")),
    ("anh.jpg", _image("JPEG", quality=80)),
    ("anh.gif", _image("GIF")),
    ("anh.webp", _image("WEBP")),
    ("anh.pdf", _image("PDF")),
    ("van-ban.pdf", _text_pdf()),
]


@st.composite
def damaged_files(draw):
    name, seed = draw(st.sampled_from(SEEDS))
    data = bytearray(seed)
    for _edit in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(["flip", "zero", "insert", "cut", "repeat"]))
        if edit == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif edit == "zero":
            data[at : at + draw(st.integers(1, 64))] = b"\x00" * 64
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif edit == "cut":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 256))] * draw(st.integers(1, 8))
    return name, bytes(data)


def _render_previews(data: bytes) -> None:
    """What the document preview job does with an accepted PDF: pdfium renders its first page.
    pdfium may refuse a file pypdf accepted (PdfiumError): the job fails with that message, the
    asset stays; only a crash would be a finding."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return
    try:
        if len(document):
            document[0].render(scale=0.5).to_pil()
    finally:
        document.close()


def test_the_seeds_are_accepted():
    for name, data in SEEDS:
        inspect_upload(SimpleUploadedFile(name, data), filename=name, allowed=ALL_FAMILIES)


_clock: dict[str, float] = {}  # the time cap counts from the first example


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(damaged_files())
def test_damaged_images_and_pdfs_are_refused_or_described(damaged):
    ends = _clock.setdefault("ends", time.monotonic() + TIME_BUDGET_SECONDS)
    if time.monotonic() > ends:
        return  # the time cap: later examples pass untried
    name, data = damaged
    try:
        facts = inspect_upload(SimpleUploadedFile(name, data), filename=name, allowed=ALL_FAMILIES)
    except UploadRejected as refused:
        assert refused.text and refused.code
        return
    assert facts.size == len(data)
    if facts.sniffed.family == "document":
        _render_previews(data)
