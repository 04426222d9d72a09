"""Articles are checked when their editor saves or publishes them in the admin: a copy of another
agency's article, even without diacritics, is held back before publishing and shown with reuse /
cite / not a duplicate; the draft is kept whatever the editor decides."""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.pages.models import ArticlePage
from search.duplicates.models import DuplicateDecision, DuplicateMember
from search.folding import strip_diacritics
from search.keys import key_for
from tests.duplicates.test_media_and_text import ARTICLE, publish
from tests.factories import make_user

pytestmark = pytest.mark.django_db

OTHER = [
    "Trường đại học tổ chức ngày hội việc làm cho sinh viên năm cuối với hơn năm mươi doanh "
    "nghiệp trong lĩnh vực công nghệ thông tin, điện tử viễn thông và tự động hóa tham gia.",
    "Sinh viên được phỏng vấn trực tiếp, tham quan gian hàng và nghe chia sẻ kinh nghiệm viết "
    "hồ sơ xin việc từ các chuyên gia tuyển dụng, cựu sinh viên đã thành công.",
    "Ban tổ chức cho biết nhiều vị trí thực tập có hỗ trợ chi phí đi lại và chỗ ở cho sinh "
    "viên đến từ các tỉnh miền núi phía Bắc.",
]


@pytest.fixture(autouse=True)
def _both_backends(backend_name):
    return backend_name


@pytest.fixture
def moderator_b(agency_b):
    """Moderators publish; editors save drafts (and are warned then)."""
    return make_user("moderator-b", agency_b.moderators)


def article_form(title: str, paragraphs: list[str], action: str) -> dict:
    body = streamfield([("paragraph", rich_text(f"<p>{text}</p>")) for text in paragraphs])
    data = nested_form_data({"title": title, "slug": "", "summary": "", "title_en": "",
                             "summary_en": "", "language": "vi", "author": "", "body": body,
                             "comments": inline_formset([])})  # fmt: skip
    data["slug"] = strip_diacritics(title).lower().replace(" ", "-")
    if action == "publish":
        data["action-publish"] = "action-publish"
    return data


def add_article(client, agency, title, paragraphs, action="publish"):
    url = reverse("wagtailadmin_pages:add", args=["pages", "articlepage", agency.section_page.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, article_form(title, paragraphs, action))
    return response, ArticlePage.objects.filter(title=title).first()


def test_a_copy_without_diacritics_is_held_before_publishing_until_decided(
    client, agency_a, agency_b, moderator_b
):
    original = publish(agency_a, "Hội nghị kho tài nguyên", ARTICLE)
    client.force_login(moderator_b)
    plain = [strip_diacritics(text) for text in ARTICLE]
    response, mine = add_article(client, agency_b, "Kho tai nguyen so", plain)

    review = reverse("duplicates_review_article", args=[mine.pk])
    assert response.status_code == 302 and response["Location"] == review
    mine.refresh_from_db()
    assert not mine.live and mine.get_latest_revision() is not None  # kept, as a draft
    page = client.get(review).content.decode()
    assert original.title in page and agency_a.name in page
    for decision in ("reuse", "cite", "not_duplicate"):
        assert f'data-article-decision="{decision}"' in page

    [check] = [line for line in page.split('name="check" value="')[1:2]]
    decided = client.post(
        reverse("duplicates_decide_article", args=[mine.pk]),
        {"decision": "cite", "candidate": key_for(original), "check": check.split('"')[0]},
    )
    assert decided.status_code == 302
    mine.refresh_from_db()
    assert mine.live  # every copy decided: published
    recorded = DuplicateDecision.objects.get()
    assert (recorded.decision, recorded.candidate_key, recorded.asset_key) == (
        "cite", key_for(original), key_for(mine),
    )  # fmt: skip
    assert set(DuplicateMember.objects.values_list("key", flat=True)) == {
        key_for(original), key_for(mine),
    }  # fmt: skip
    # Published again later, the decided copy is not asked about again.
    assert client.get(review).content.decode().count("data-duplicate-match") == 0


def test_saving_a_draft_that_copies_warns_and_a_different_article_publishes_at_once(
    client, agency_a, agency_b, editor_b, moderator_b
):
    publish(agency_a, "Hội nghị kho tài nguyên", ARTICLE)
    client.force_login(editor_b)  # an editor saves drafts: warned at once
    response, draft = add_article(client, agency_b, "Ban nhap", ARTICLE, action="save")
    assert response.status_code == 302 and not draft.live
    shown = client.get(response["Location"]).content.decode()
    assert reverse("duplicates_review_article", args=[draft.pk]) in shown

    client.force_login(moderator_b)

    response, other = add_article(client, agency_b, "Ngay hoi viec lam", OTHER)
    other.refresh_from_db()
    assert other.live and "duplicates" not in response["Location"]


def test_reuse_keeps_the_copy_unpublished_and_a_stranger_cannot_decide(
    client, agency_a, agency_b, editor_a, moderator_b
):
    original = publish(agency_a, "Hội nghị kho tài nguyên", ARTICLE)
    client.force_login(moderator_b)
    _response, mine = add_article(client, agency_b, "Ban sao", ARTICLE)
    decide = reverse("duplicates_decide_article", args=[mine.pk])
    page = client.get(reverse("duplicates_review_article", args=[mine.pk])).content.decode()
    token = page.split('name="check" value="')[1].split('"')[0]

    client.force_login(editor_a)  # not an editor of B's article
    sent = {"decision": "not_duplicate", "candidate": key_for(original), "check": token}
    assert client.post(decide, sent).status_code == 404
    client.force_login(moderator_b)
    assert client.post(decide, {**sent, "decision": "new_version"}).status_code == 302
    assert not DuplicateDecision.objects.exists()  # refused: not an article's decision
    assert client.post(decide, {**sent, "decision": "reuse"}).status_code == 302
    mine.refresh_from_db()
    assert not mine.live and DuplicateDecision.objects.get().decision == "reuse"
