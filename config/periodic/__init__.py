"""Periodic maintenance: a registry that apps fill from `ready()`, and one scheduler for both
profiles (`manage.py scheduler`) that enqueues each due run through django-tasks, so the
profile's own workers (database queue or RQ) run it.

    from config.periodic import register
    register("transcoding.recover_jobs", recover_transcoding_jobs, every=60)

Several schedulers may run (one per machine, say): a run is enqueued by whichever claims it in
the database first, never twice. This package imports no app of the library.
"""

from .registry import PeriodicTask, register, registered

__all__ = ["PeriodicTask", "register", "registered"]
