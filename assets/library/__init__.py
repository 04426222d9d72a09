"""The editors' view of the library: a read-only page for any asset they may see, whichever
agency holds it (duplicate confirmations and choosers lead here)."""
