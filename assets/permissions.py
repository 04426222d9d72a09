"""Wagtail's collection permissions for assets, with the visibility rule folded into "choose".

Agency groups may choose from the root collection (reuse is the point), so Wagtail's own policy
would let any editor choose, and so read, any agency's unpublished asset by its id. Here choosing
also needs the asset to be visible to the user (`visibility.visible_to`). Wagtail's chooser
listings, chosen and select-format views and multiple choice all ask the registered policy, so
the rule holds there without touching the views.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from .visibility import can_see, visible_to

CHOOSE = "choose"


class VisibleAssetPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        others = [action for action in actions if action != CHOOSE]
        if others and super().user_has_any_permission_for_instance(user, others, instance):
            return True
        return (
            CHOOSE in actions
            and super().user_has_any_permission_for_instance(user, [CHOOSE], instance)
            and can_see(instance, user)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        others = [action for action in actions if action != CHOOSE]
        instances = (
            super().instances_user_has_any_permission_for(user, others)
            if others
            else self.model._default_manager.none()
        )
        if CHOOSE in actions:
            choosable = super().instances_user_has_any_permission_for(user, [CHOOSE])
            instances = instances | visible_to(choosable, user)
        return instances


def register_asset_permission_policies() -> None:
    """Registered for the exact model classes, so Wagtail's own later registration does not win."""
    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        policy = VisibleAssetPermissionPolicy(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)
