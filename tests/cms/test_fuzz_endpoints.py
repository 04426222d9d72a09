"""No input makes a 500: the public and authenticated endpoints, fuzzed with hypothesis.

Each test draws requests for a family of endpoints, with known and unknown parameters holding
what people and programs really send by mistake or on purpose (huge and negative numbers,
`1e20`, `²`, NUL and other control characters, long and non-Latin text, JSON where a number
belongs), and asserts the answer is not a server error. Runs are derandomized, so CI explores the
same inputs every time; what a run once found is kept below as an @example.
"""

from __future__ import annotations

import json
import string

import pytest
from django.test import Client
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from wagtail.models import APIToken

from tests.factories import document_asset, image_asset, make_user

# On the production profile, where more can go wrong (PostgreSQL refuses NUL characters and
# overflowing integers, Elasticsearch parses queries): the cases found are kept as plain tests
# (tests/search/test_bad_parameters.py) that run on both profiles.
pytestmark = [pytest.mark.django_db, pytest.mark.services]

# Bounded: a fixed number of inputs per test and no shrinking (a failure names the input that
# failed as it was drawn), so the file takes about a minute on a quiet machine.
FUZZ = settings(
    max_examples=50,
    phases=[Phase.explicit, Phase.generate],
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["1e20", "-0", "0x10", "nan", "inf", "1.5", "²", "٣", "1_000", " 7 ", ""]),
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.printable + "\x00\x1f\u202e\ufeffđĐạ", max_size=80),
    st.sampled_from(["chuyển đổi số", "chuyen doi so", "*", '"', "'", "%", "\\", "a" * 3000]),
)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
VALUE = st.one_of(NUMBERS, TEXT, JSONISH.map(json.dumps))


def _query(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
    known = st.dictionaries(st.sampled_from(names), VALUE, max_size=len(names))
    unknown = st.dictionaries(st.text(min_size=1, max_size=12), VALUE, max_size=2)
    return st.tuples(known, unknown).map(lambda pair: {**pair[1], **pair[0]})


SEARCH_PARAMETERS = [
    "q", "page", "size", "cursor", "sort", "facets", "kind", "type", "topic", "audience",
    "agency", "campaign", "language", "licence", "year",
]  # fmt: skip
API_V2_PARAMETERS = [
    "offset", "limit", "search", "search_operator", "order", "fields", "type", "child_of",
    "descendant_of", "ancestor_of", "id", "title", "slug", "locale", "translation_of", "kind",
    "tags", "collection_id", "html_path",
]  # fmt: skip
ADMIN_LIST_PARAMETERS = ["q", "p", "ordering", "tag", "collection_id", "layout", "id", "multiple"]

PUBLIC_GETS = [
    ("/search/", SEARCH_PARAMETERS),
    ("/api/search/", SEARCH_PARAMETERS),
    ("/api/search/autocomplete/", ["q", "size"]),
    ("/api/v2/pages/", API_V2_PARAMETERS),
    ("/api/v2/images/", API_V2_PARAMETERS),
    ("/api/v2/documents/", API_V2_PARAMETERS),
    ("/api/v2/media/", API_V2_PARAMETERS),
    ("/api/v2/pages/find/", API_V2_PARAMETERS),
    ("/api/v2/images/find/", API_V2_PARAMETERS),
    ("/oai", ["verb", "metadataPrefix", "from", "until", "set", "resumptionToken", "identifier"]),
]
ADMIN_GETS = [
    ("/admin/images/", ADMIN_LIST_PARAMETERS),
    ("/admin/images/results/", ADMIN_LIST_PARAMETERS),
    ("/admin/images/chooser/", ADMIN_LIST_PARAMETERS),
    ("/admin/images/chooser/results/", ADMIN_LIST_PARAMETERS),
    ("/admin/images/chooser/chosen-multiple/", ADMIN_LIST_PARAMETERS),
    ("/admin/documents/", ADMIN_LIST_PARAMETERS),
    ("/admin/documents/chooser/results/", ADMIN_LIST_PARAMETERS),
    ("/admin/documents/chooser/chosen-multiple/", ADMIN_LIST_PARAMETERS),
    ("/admin/media/", ADMIN_LIST_PARAMETERS),
    ("/admin/media/chooser/", ADMIN_LIST_PARAMETERS),
    ("/admin/choose-page/", ADMIN_LIST_PARAMETERS + ["page_type", "user_perms"]),
    ("/admin/choose-page/search/", ADMIN_LIST_PARAMETERS + ["page_type"]),
    ("/admin/choose-page/chosen-multiple/", ADMIN_LIST_PARAMETERS),
    ("/admin/pages/search/", ADMIN_LIST_PARAMETERS),
    ("/admin/api/main/pages/", API_V2_PARAMETERS),
    ("/admin/api/main/images/", API_V2_PARAMETERS),
    ("/admin/api/main/documents/", API_V2_PARAMETERS),
    ("/admin/bulk/assets/imageasset/delete/", ADMIN_LIST_PARAMETERS),
    ("/admin/reports/duplicates/", ADMIN_LIST_PARAMETERS),
    ("/admin/transcoding/", ADMIN_LIST_PARAMETERS),
]
PATHS_WITH_IDS = [
    "/api/v2/images/{}/",
    "/api/v2/pages/{}/",
    "/api/v2/documents/{}/",
    "/admin/images/{}/",
    "/admin/images/chooser/chosen/{}/",
    "/admin/images/chooser/{}/select_format/",
    "/admin/documents/chooser/chosen/{}/",
    "/admin/media/usage/{}/",
    "/admin/choose-page/{}/",
    "/admin/transcoding/assets/imageasset/{}/",
    "/assets/files/{}",
    "/documents/{}/x.pdf",
    "/images/{}/1/max-10x10/",
    "/images/abc/1/{}/",
    "/feeds/topics/{}/rss/",
    "/feeds/agencies/{}/atom/",
]


@pytest.fixture
def library(agency_a, agency_b):
    image_asset(agency_a, title="Ảnh công khai chuyển đổi số")
    image_asset(agency_a, title="Ảnh nháp", published=False, variant=1)
    document_asset(agency_b, title="Tài liệu công khai")


@pytest.fixture
def clients(editor_b):
    session = Client()
    session.force_login(editor_b)
    _token, plaintext = APIToken.create_token(user=make_user("fuzz-press"), name="fuzz")
    return {
        "anonymous": Client(),
        "editor": session,
        "token": Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}"),
    }


def _assert_no_server_error(response, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"


@FUZZ
@given(
    st.sampled_from(PUBLIC_GETS).flatmap(lambda door: st.tuples(st.just(door[0]), _query(door[1]))),
    st.sampled_from(["anonymous", "token", "editor"]),
)
@example(("/api/search/", {"page": "²"}), "anonymous")
@example(("/api/v2/pages/", {"offset": "99999999999999999999999"}), "anonymous")
@example(("/api/v2/images/", {"search": "x", "search_operator": "xor"}), "token")
def test_public_endpoints_answer_no_server_error(library, clients, request_, who):
    path, params = request_
    _assert_no_server_error(clients[who].get(path, params), f"{who} GET {path} {params!r}")


@FUZZ
@given(
    st.sampled_from(ADMIN_GETS).flatmap(lambda door: st.tuples(st.just(door[0]), _query(door[1])))
)
@example(("/admin/choose-page/chosen-multiple/", {"id": "1"}))
@example(("/admin/images/chooser/chosen-multiple/", {"id": "1e20"}))
@example(("/admin/images/chooser/", {"tag": "x", "q": "y"}))
@example(("/admin/images/chooser/results/", {"q": "chuyển đổi số"}))
def test_admin_endpoints_answer_no_server_error(library, clients, request_):
    path, params = request_
    response = clients["editor"].get(path, params)
    _assert_no_server_error(response, f"editor GET {path} {params!r}")


@FUZZ
@given(st.sampled_from(PATHS_WITH_IDS), st.one_of(NUMBERS, TEXT))
@example("/admin/transcoding/assets/imageasset/{}/", "1")
def test_paths_with_ids_answer_no_server_error(library, clients, path, value):
    from urllib.parse import quote

    url = path.format(quote(value, safe=""))
    for who in ("anonymous", "editor"):
        _assert_no_server_error(clients[who].get(url), f"{who} GET {url}")


BODIES = st.one_of(
    JSONISH.map(json.dumps),
    st.dictionaries(
        st.sampled_from(
            ["sha256", "content_hash", "modality", "fingerprint", "candidate", "reference",
             "decision", "asset", "size", "check"]
        ),
        JSONISH,
        max_size=5,
    ).map(json.dumps),
    st.binary(max_size=64).map(lambda raw: raw.decode("latin-1")),
)  # fmt: skip


@FUZZ
@given(st.sampled_from(["/api/duplicates/check", "/api/duplicates/decisions"]), BODIES)
@example("/api/duplicates/decisions", json.dumps({"candidate": "image:1e20"}))
@example("/api/duplicates/check", json.dumps({"modality": {"M": None}, "fingerprint": {}}))
def test_json_endpoints_answer_no_server_error(library, clients, path, body):
    for who in ("token", "editor"):
        response = clients[who].post(path, body, content_type="application/json")
        _assert_no_server_error(response, f"{who} POST {path} {body!r}")


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(
            ["Upload-Length", "Upload-Metadata", "Upload-Defer-Length", "Tus-Resumable"]
        ),
        st.one_of(NUMBERS, TEXT.filter(lambda text: text.isprintable() and "\n" not in text)),
        max_size=4,
    )
)
@example({"Upload-Length": "²", "Tus-Resumable": "1.0.0"})
def test_resumable_upload_creation_answers_no_server_error(library, clients, headers):
    extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    response = clients["token"].post("/assets/uploads/", **extra)
    _assert_no_server_error(response, f"token POST /assets/uploads/ {headers!r}")
