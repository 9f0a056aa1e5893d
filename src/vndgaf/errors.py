"""Exceptions. They signal bugs and I/O failures; user mistakes become findings instead."""

__all__ = ["InputError", "InternalError", "VndgafError"]


class VndgafError(Exception):
    """Base class of every exception vndgaf raises on purpose."""


class InputError(VndgafError):
    """A path cannot be read (missing, unreadable, not a file of a known kind)."""


class InternalError(VndgafError):
    """A bug: the schema and the classes disagree, or a rule broke. Please report it."""
