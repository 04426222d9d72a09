"""Which tasks run periodically, and how often (settings may change the interval or turn one off).

`PERIODIC_TASKS` in settings maps a registered name to seconds (0 turns it off); it comes from
the environment variable `NCRL_PERIODIC_TASKS`, a JSON object. `PERIODIC_TASK_BACKEND` names
the django-tasks backend the runs are enqueued on (the profile's queue, "default").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django_tasks.base import Task

_REGISTRY: dict[str, PeriodicTask] = {}


@dataclass(frozen=True)
class PeriodicTask:
    name: str
    task: Task
    every: dt.timedelta

    @property
    def queued_task(self) -> Task:
        return self.task.using(backend=getattr(settings, "PERIODIC_TASK_BACKEND", "default"))

    @property
    def interval(self) -> dt.timedelta | None:
        """The interval in force; None when settings turn the task off."""
        configured = getattr(settings, "PERIODIC_TASKS", {}).get(self.name)
        if configured is None:
            return self.every
        return dt.timedelta(seconds=float(configured)) if float(configured) > 0 else None


def register(name: str, task: Task, *, every: float | dt.timedelta) -> PeriodicTask:
    """Run `task` (a django-tasks task that takes no arguments) every `every` seconds.

    Call it from an app's `ready()`; registering the same name again replaces the entry.
    """
    if not isinstance(every, dt.timedelta):
        every = dt.timedelta(seconds=every)
    if every <= dt.timedelta(0):
        raise ValueError(f"{name}: the interval must be positive")
    entry = PeriodicTask(name=name, task=task, every=every)
    _REGISTRY[name] = entry
    return entry


def registered() -> list[PeriodicTask]:
    return sorted(_REGISTRY.values(), key=lambda entry: entry.name)
