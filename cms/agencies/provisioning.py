"""Give a new agency what a tenant needs: its collection, its section page and its two groups.

Editors add and change their own agency's assets and draft pages in its section; moderators also
publish. Both may choose any agency's assets (reuse is the point); which of those they actually see
is narrowed to published ones by the chooser hooks in assets.wagtail_hooks.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .enums import AgencyRole
from .models import Agency

OWN_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "change_media"),
    ("wagtailmedia", "delete_media"),
]
LIBRARY_WIDE_PERMISSIONS = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]
PAGE_PERMISSIONS = {
    AgencyRole.EDITOR: ["add", "change"],
    AgencyRole.MODERATOR: ["add", "change", "publish", "lock", "unlock"],
}


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def provision_agency(agency: Agency) -> Agency:
    """Create whatever the agency still lacks; safe to call again."""
    collection = agency.collection or Collection.get_first_root_node().add_child(name=agency.name)
    editors = _group(agency, AgencyRole.EDITOR)
    moderators = _group(agency, AgencyRole.MODERATOR)
    for group in (editors, moderators):
        _grant_collection_permissions(group, collection)
    Agency.objects.filter(pk=agency.pk).update(
        collection=collection, editors=editors, moderators=moderators
    )
    agency.collection, agency.editors, agency.moderators = (
        collection,
        editors,
        moderators,
    )
    section = _section_page(agency)
    if section is not None:
        for role, group in (
            (AgencyRole.EDITOR, editors),
            (AgencyRole.MODERATOR, moderators),
        ):
            for permission_type in PAGE_PERMISSIONS[role]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=section,
                    permission=permission("wagtailcore", f"{permission_type}_page"),
                )
    return agency


def _group(agency: Agency, role: AgencyRole) -> Group:
    group, _created = Group.objects.get_or_create(name=f"{agency.code} {role.value}")
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    return group


def _grant_collection_permissions(group: Group, collection: Collection) -> None:
    root = Collection.get_first_root_node()
    grants = [(collection, p) for p in OWN_COLLECTION_PERMISSIONS]
    grants += [(root, p) for p in LIBRARY_WIDE_PERMISSIONS]
    for target, (app_label, codename) in grants:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=target, permission=permission(app_label, codename)
        )


def _section_page(agency: Agency):
    """The agency's dedicated section (chuyên trang) under the hub's home page, if a hub exists."""
    from cms.pages.models import AgencySectionPage, HomePage

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
