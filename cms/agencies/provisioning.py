"""Give a new agency what a tenant needs: its collection and its two groups (the hub pages app
adds its section page when told, through `signals.agency_provisioned`).

Editors add and change their own agency's assets and draft pages in its section; moderators also
publish. Both may choose any agency's assets (reuse is the point); which of those they actually see
is narrowed to published ones by the chooser hooks in assets.wagtail_hooks.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission

from .enums import AgencyRole
from .models import Agency
from .signals import agency_provisioned

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
    agency_provisioned.send(sender=Agency, agency=agency)
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
