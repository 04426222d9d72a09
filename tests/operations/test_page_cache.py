"""Anonymous visitors get public hub pages from the shared cache; editors never do; a publication
or an asset change is visible at once; a language gets its own copy."""

import pytest

from cms.taxonomy.models import Topic
from config.operations import page_cache
from search.tasks import index_object, replay_pending_updates
from tests.cms.test_hub_pages import publish_article
from tests.factories import image_asset

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.NCRL_PAGE_CACHE_SECONDS = 60


def test_a_second_anonymous_visit_is_served_from_the_cache(client, agency_a):
    first = client.get("/")
    second = client.get("/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    english = client.get("/en/")
    assert english["X-Page-Cache"] == "miss" and "Who publishes here" in english.content.decode()
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_publishing_an_article_shows_at_once(client, agency_a):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    publish_article(agency_a, "Bài mới vừa xuất bản")
    after = client.get("/")
    assert after["X-Page-Cache"] == "miss"
    assert "Bài mới vừa xuất bản" in after.content.decode()


def test_an_asset_change_empties_the_page_cache(client, agency_a):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    image_asset(agency_a, title="Ảnh mới")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_topics_set_after_the_save_and_finished_index_tasks_empty_it(client, agency_a):
    image = image_asset(agency_a, title="Ảnh có chủ đề")
    topic = Topic.objects.create(name_vi="Chuyển đổi số", slug="chuyen-doi-so")
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    image.topics.add(topic)
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    replay_pending_updates.enqueue()  # nothing to replay: the pages stay
    assert client.get("/")["X-Page-Cache"] == "hit"
    index_object.enqueue("assets", "imageasset", image.pk)  # at once here; in a worker in prod
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_editors_and_other_doors_are_never_cached(client, agency_a, editor_a):
    client.get("/")
    client.force_login(editor_a)
    logged_in = client.get("/")
    assert "X-Page-Cache" not in logged_in
    client.logout()
    for path in ("/healthz", "/admin/login/"):
        client.get(path)
        assert "X-Page-Cache" not in client.get(path)


def test_off_when_the_lifetime_is_zero(client, settings, agency_a):
    settings.NCRL_PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_a_change_starts_another_generation_when_it_commits(
    agency_a, django_capture_on_commit_callbacks
):
    """Another server may render the page between the change and its commit, from the rows before
    it: what it keeps then belongs to a generation the commit ends."""
    with django_capture_on_commit_callbacks(execute=True):
        Topic.objects.create(name_vi="Kinh tế số", slug="kinh-te-so")
        before_commit = page_cache.current_generation()
    assert page_cache.current_generation() != before_commit
