"""How a job can end other than well."""


class PermanentError(Exception):
    """Trying again cannot help (the original is unreadable, or no producer exists)."""


class JobStopped(Exception):
    """The job was cancelled, or handed to another worker, while this one was at it."""
