"""Signals the search app sends, for apps above it that keep state about the index."""

from django.dispatch import Signal

# Sent once records are in the database index, with `keys` (None after a rebuild: every key) and
# `as_of`, the moment before the records were built: a change after it is not in them.
records_written = Signal()
