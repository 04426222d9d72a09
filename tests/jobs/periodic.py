"""Periodic task settings for tests: every registered task off except the ones a test names."""

from config.periodic import registered


def only(**intervals: float) -> dict[str, float]:
    """`PERIODIC_TASKS` with every registered task turned off, then `intervals` (by name, with
    dots written as double underscores: transcoding__recover_jobs=1)."""
    wanted = {name.replace("__", "."): seconds for name, seconds in intervals.items()}
    return {**{entry.name: 0 for entry in registered()}, **wanted}
