from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

RETRY_EVERY = 10 * 60  # seconds between two looks for checks to try again


class DuplicatesConfig(AppConfig):
    """Duplicate detection: registers itself into the upload path (`assets.ingest`), the search
    records (`search.term_providers`) and /api/search/'s answers (`search.work_groups`, each work
    once); none of them knows about it."""

    name = "search.duplicates"
    label = "duplicates"
    verbose_name = _("Duplicates")

    def ready(self) -> None:
        from assets.ingest import register_inspector
        from config.periodic import register
        from search.term_providers import register_term_provider
        from search.work_groups import register_work_of

        from . import checks, groups, inspector, signal_handlers, tasks, terms  # noqa: F401

        register_inspector(inspector.NAME, inspector.fingerprint_upload)
        register_term_provider(terms.duplicate_terms)
        register_work_of(groups.works_of)
        signal_handlers.connect()
        register("duplicates.retry_unchecked", tasks.retry_unchecked_items, every=RETRY_EVERY)
