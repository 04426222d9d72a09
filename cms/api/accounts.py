"""A consumer's service account: the user its API tokens belong to. An agency integration with
write access joins that agency's editors (or moderators, if it may publish), so the API allows
exactly what the admin would."""

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import APIToken

from cms.agencies.models import Agency


def ensure_account(consumer) -> None:
    if consumer.user_id is None:
        username = f"api-{slugify(consumer.name)[:80] or 'consumer'}-{consumer.pk}"
        user = get_user_model().objects.create_user(username=username)
        user.set_unusable_password()
        user.save()
        type(consumer).objects.filter(pk=consumer.pk).update(user=user)
        consumer.user = user
    if consumer.user.is_active != consumer.is_active:
        consumer.user.is_active = consumer.is_active
        consumer.user.save(update_fields=["is_active"])


def sync_groups(consumer) -> None:
    """The account is in its agency's editors or moderators group, and in no other agency's."""
    user = consumer.user
    agency_groups = [
        group_id
        for pair in Agency.objects.values_list("editors_id", "moderators_id")
        for group_id in pair
        if group_id
    ]
    user.groups.remove(*agency_groups)
    if consumer.can_write and consumer.agency_id:
        agency = consumer.agency
        user.groups.add(agency.moderators if consumer.may_publish else agency.editors)


def new_token(consumer, name: str) -> str:
    """A new Wagtail API token for the consumer; the plaintext is returned once, never stored."""
    ensure_account(consumer)
    _token, plaintext = APIToken.create_token(user=consumer.user, name=name)
    return plaintext
