"""Typed exceptions whose messages a person can act on.

Services raise these; the GUI shows ``str(exc)`` as is and the CLI prints it and exits non-zero.
"""

from __future__ import annotations


class VettingError(Exception):
    """Base of every error the workbench reports to a person."""


class ConfigError(VettingError):
    """A settings, term-list or template file is malformed (message names file, line, problem)."""


class NotFound(VettingError):
    """The requested record does not exist (or was purged)."""


class PermissionDenied(VettingError):
    """The signed-in user's role or assignment does not allow the action."""


class SeparationOfDuties(PermissionDenied):
    """The reviewer took part in the investigation (assigned to it, or edited its items or
    findings), so another supervisor must approve, return or close it."""


class RuleViolation(VettingError):
    """A product rule refuses the action (e.g. submit with unvalidated findings)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class ConflictError(VettingError):
    """Another workstation changed the record since it was read; nothing was overwritten."""


class AuthenticationFailed(VettingError):
    """Sign-in failed; never says whether the user name exists."""


class DatabaseUnavailable(VettingError):
    """The database cannot be used (busy, unreachable, corrupt, newer schema, read-only)."""


class ScreeningUnavailable(VettingError):
    """The screening engine cannot run (e.g. the configured spaCy pipeline is not installed)."""
