"""Who is calling: the Wagtail API token in `Authorization: Bearer …`, its user and consumer."""

from dataclasses import dataclass, field

from wagtail.models import APIToken

from assets.tus.auth import mark_used

from .enums import Scope


@dataclass
class Caller:
    token: APIToken | None = None
    consumer: object = None  # cms.api.models.Consumer or None
    scopes: list[str] = field(default_factory=lambda: [str(Scope.READ)])
    embargo_agency_ids: list[int] = field(default_factory=list)
    address: str = ""  # an anonymous caller is counted per address

    @property
    def identity(self) -> str:
        if self.consumer is not None:
            return f"consumer:{self.consumer.pk}"
        return f"user:{self.token.user_id}" if self.token else f"anonymous:{self.address}"


def resolve(plaintext: str) -> Caller | None:
    """The caller a token names, or None when it is unknown, revoked or its user inactive."""
    token = (
        APIToken.objects.select_related("user", "user__api_consumer")
        .filter(key_hash__in=APIToken.candidate_key_hashes(plaintext), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    mark_used(token)
    consumer = getattr(token.user, "api_consumer", None)
    caller = Caller(token=token, consumer=consumer)
    if consumer is not None:
        caller.scopes = consumer.scopes
        if Scope.READ_EMBARGOED in caller.scopes:
            caller.embargo_agency_ids = list(consumer.embargo_agencies.values_list("pk", flat=True))
    return caller
