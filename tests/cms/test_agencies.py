import pytest
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission

from cms.pages.models import AgencySectionPage

pytestmark = pytest.mark.django_db


def test_new_agency_gets_collection_groups_and_section(agency_a):
    agency_a.refresh_from_db()
    assert agency_a.collection.name == agency_a.name
    assert agency_a.editors.name == "agency-a editors"
    assert agency_a.moderators.name == "agency-a moderators"
    section = AgencySectionPage.objects.get(agency=agency_a)
    assert section.live and section.slug == "agency-a"


def test_editors_may_change_only_their_own_collection(agency_a, agency_b):
    own = GroupCollectionPermission.objects.filter(
        group=agency_a.editors, collection=agency_a.collection
    )
    assert {p.permission.codename for p in own} >= {
        "add_image",
        "change_image",
        "delete_image",
        "add_document",
        "add_media",
        "change_media",
    }
    assert not GroupCollectionPermission.objects.filter(
        group=agency_a.editors, collection=agency_b.collection
    ).exists()


def test_only_moderators_publish_pages(agency_a):
    def codenames(group):
        return {p.permission.codename for p in GroupPagePermission.objects.filter(group=group)}

    assert "publish_page" not in codenames(agency_a.editors)
    assert {"add_page", "change_page", "publish_page"} <= codenames(agency_a.moderators)


def test_what_an_agency_submits_for_moderation_goes_to_its_own_moderators(agency_a, agency_b):
    workflow = agency_b.section_page.get_workflow()
    (task,) = workflow.tasks.specific()
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.all()) == [agency_b.moderators]
    assert agency_a.section_page.get_workflow() != workflow


def test_provisioning_twice_changes_nothing(agency_a):
    from cms.agencies.provisioning import provision_agency

    def counts():
        return GroupCollectionPermission.objects.count(), GroupPagePermission.objects.count()

    before = counts()
    provision_agency(agency_a)
    assert counts() == before
