"""Use-cases: each loads what it needs, calls the pure core, and commits once."""


class ServiceError(Exception):
    """A use-case refused: the message is shown to the user."""


class NotFound(ServiceError):
    """The object does not exist (or is not visible to this user)."""


class Forbidden(ServiceError):
    """The user may not do this."""


class Conflict(ServiceError):
    """The request clashes with the current state (duplicate name, finished attempt...)."""
