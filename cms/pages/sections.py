"""Every agency's dedicated section (chuyên trang) under the hub's home page, where its editors
draft and its moderators publish."""

from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.agencies.enums import AgencyRole
from cms.agencies.provisioning import permission

from .models import AgencySectionPage, HomePage

PAGE_PERMISSIONS = {
    AgencyRole.EDITOR: ["add", "change"],
    AgencyRole.MODERATOR: ["add", "change", "publish", "lock", "unlock"],
}


def provide_section(sender, agency, **kwargs) -> None:
    """The agency's section with its groups' page permissions, if a hub exists; idempotent."""
    section = section_page(agency)
    if section is None:
        return
    for role, group in (
        (AgencyRole.EDITOR, agency.editors),
        (AgencyRole.MODERATOR, agency.moderators),
    ):
        for permission_type in PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=section,
                permission=permission("wagtailcore", f"{permission_type}_page"),
            )
    provide_approval(agency, section)


def provide_approval(agency, section) -> None:
    """What the agency's editors submit for moderation goes to its own moderators: Wagtail's
    default workflow asks the site-wide Moderators group, which no agency's moderator is in."""
    if WorkflowPage.objects.filter(page=section).exists():
        return
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=_("Approval by %(agency)s") % {"agency": agency.name}
    )
    task.groups.add(agency.moderators)
    workflow, _created = Workflow.objects.get_or_create(
        name=_("Moderation of %(agency)s") % {"agency": agency.name}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.create(page=section, workflow=workflow)


def section_page(agency):
    """The agency's dedicated section (chuyên trang) under the hub's home page, if a hub exists."""
    existing = AgencySectionPage.objects.filter(agency=agency).first()
    if existing is not None:
        return existing
    home = HomePage.objects.first()
    if home is None:
        return None
    section = AgencySectionPage(
        title=agency.name,
        slug=agency.code,
        agency=agency,
        intro=_("Resources published by %(agency)s.") % {"agency": agency.name},
    )
    home.add_child(instance=section)
    section.save_revision().publish()
    return section
