"""Page addresses are ASCII with Vietnamese folded, made on the server and in the editor."""

import json

import pytest
from django.urls import reverse

from tests.cms.test_hub_pages import publish_article

pytestmark = pytest.mark.django_db


def test_a_page_saved_without_a_slug_gets_its_folded_title(agency_a):
    first = publish_article(agency_a, "Đổi mới sáng tạo ở Đồng Nai")
    second = publish_article(agency_a, "ĐỔI MỚI SÁNG TẠO Ở ĐỒNG NAI")
    assert first.slug == "doi-moi-sang-tao-o-dong-nai"
    assert second.slug == "doi-moi-sang-tao-o-dong-nai-2"


def test_the_editor_slug_field_folds_d_before_transliterating(admin_client, agency_a):
    section = agency_a.section_page
    url = reverse("wagtailadmin_pages:add", args=["pages", "articlepage", section.pk])
    html = admin_client.get(url).content.decode()
    marker = 'data-w-slug-formatters-value="'
    start = html.index(marker) + len(marker)
    formatters = json.loads(html[start : html.index('"', start)].replace("&quot;", '"'))
    assert [replacement for _pattern, replacement in formatters][:2] == ["d", "D"]
    assert "data-w-slug-allow-unicode-value" not in html  # False is left out: ASCII only
