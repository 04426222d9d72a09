"""Keep the index in step with the models: every change enqueues a tiny task once it commits."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .keys import INDEXED_MODELS, key_for, model_for_kind
from .tasks import index_object, remove_key

M2M_FIELDS = ("topics", "audiences", "legal_documents")


def enqueue_index(instance) -> None:
    meta = instance._meta
    args = (meta.app_label, meta.model_name, instance.pk)
    transaction.on_commit(lambda: index_object.enqueue(*args))


def on_save(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        enqueue_index(instance)


def on_publish_change(sender, instance, **kwargs) -> None:
    enqueue_index(instance.specific)


def on_delete(sender, instance, **kwargs) -> None:
    key = key_for(instance)
    transaction.on_commit(lambda: remove_key.enqueue(key))


def on_m2m_change(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and hasattr(instance, "title"):
        enqueue_index(instance)


def on_restriction_change(sender, instance, **kwargs) -> None:
    """A page's audience changed (login, password, groups): its pages go public or private."""
    indexed = tuple(model_for_kind(kind) for kind in ("article", "hub"))
    for page in instance.page.get_descendants(inclusive=True).specific():
        if isinstance(page, indexed):
            enqueue_index(page)


def connect() -> None:
    for kind in INDEXED_MODELS:
        model = model_for_kind(kind)
        uid = f"library_search_{kind}"
        post_save.connect(on_save, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"{uid}_delete")
        if kind in ("article", "hub"):
            page_published.connect(on_publish_change, sender=model, dispatch_uid=f"{uid}_pub")
            page_unpublished.connect(on_publish_change, sender=model, dispatch_uid=f"{uid}_unpub")
            continue
        for name in M2M_FIELDS:
            through = model._meta.get_field(name).remote_field.through
            m2m_changed.connect(on_m2m_change, sender=through, dispatch_uid=f"{uid}_{name}")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        uid = f"library_search_restriction_{name}"
        signal.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid=uid)
