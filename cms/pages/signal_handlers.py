"""Cached hub pages go out of date when anything they show changes."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.signals import page_published, page_unpublished

from .caching import new_generation

# Models whose rows hub pages show (renditions are left out: they are made while pages render).
SHOWN_MODELS = [
    "assets.ImageAsset",
    "assets.DocumentAsset",
    "assets.MediaAsset",
    "duplicates.DuplicateMember",
    "agencies.Agency",
    "taxonomy.Topic",
    "taxonomy.Audience",
    "taxonomy.Campaign",
    "taxonomy.Licence",
    "taxonomy.LegalDocument",
    "pages.HomePage",
    "pages.AgencySectionPage",
    "pages.ArticlePage",
]


# Background work that changes what pages show: the search index, and the worker's renditions.
TASKS_SHOWN = ("search.", "transcoding.")


def after_task(task_result=None, **_kwargs) -> None:
    if getattr(task_result.task, "module_path", "").startswith(TASKS_SHOWN):
        new_generation()


def register_signal_handlers() -> None:
    task_finished.connect(after_task, dispatch_uid="hub-task-finished")
    page_published.connect(new_generation, dispatch_uid="hub-published")
    page_unpublished.connect(new_generation, dispatch_uid="hub-unpublished")
    for label in SHOWN_MODELS:
        model = apps.get_model(label)
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(new_generation, sender=model, dispatch_uid=f"hub-{name}-{label}")
    m2m_changed.connect(new_generation, dispatch_uid="hub-m2m")
