"""Admin views that took ids and filters as they came: each case here was a 500 found by the fuzz
test (tests/cms/test_fuzz_endpoints.py), kept on both profiles."""

import pytest

from tests.factories import image_asset

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/images/chooser/chosen-multiple/?id=1e20",
        "/admin/images/chooser/chosen-multiple/?id=[0]",
        "/admin/documents/chooser/chosen-multiple/?id=abc",
        "/admin/choose-page/chosen-multiple/?id=99999999999999999999",
        "/admin/bulk/assets/imageasset/delete/?id=x",
        "/admin/snippets/choose/taxonomy/topic/chosen-multiple/?id=1e20",
    ],
)
def test_ids_that_are_not_whole_numbers_are_a_bad_request(client, editor_b, url):
    client.force_login(editor_b)
    assert client.get(url).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/admin/images/chooser/?tag=bản đồ&q=chuyển đổi số",
        "/admin/images/chooser/results/?tag=x&q=y",
        "/admin/documents/chooser/results/?tag=x&q=y",
        "/admin/media/chooser/?tag=x&q=y",
    ],
)
def test_choosers_search_within_a_tag(client, editor_b, agency_a, url):
    image_asset(agency_a, title="Chuyển đổi số")
    client.force_login(editor_b)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/images/chooser/chosen/%60/",
        "/admin/documents/chooser/chosen/1e20/",
        "/admin/snippets/choose/taxonomy/topic/chosen/x/",
    ],
)
def test_a_chosen_view_for_an_id_that_is_not_a_number_is_not_found(client, editor_b, url):
    client.force_login(editor_b)
    assert client.get(url).status_code == 404
