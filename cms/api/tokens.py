"""Who is calling: the Wagtail API token in `Authorization: Bearer …`, its user and consumer."""

from dataclasses import dataclass, field

from wagtail.models import APIToken

from assets.api_tokens import active_token

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
    token = active_token(plaintext, "user__api_consumer")
    if token is None:
        return None
    consumer = getattr(token.user, "api_consumer", None)
    caller = Caller(token=token, consumer=consumer)
    if consumer is not None:
        caller.scopes = consumer.scopes
        if Scope.READ_EMBARGOED in caller.scopes:
            caller.embargo_agency_ids = list(consumer.embargo_agencies.values_list("pk", flat=True))
    return caller
