"""The only API the GUI and the CLI call: one module per use-case area.

Every public function takes the :class:`~vetting.db.Database`, the acting
:class:`~vetting.services.core.Actor` and keyword-only arguments, runs in its own transaction,
checks role and assignment, writes its audit event, and returns frozen dataclasses.
"""

from vetting.services import (  # noqa: F401  (import registers the service functions)
    demo,
    findings,
    integrity,
    investigations,
    local_terms,
    records,
    reports,
    settings,
    templates,
    users,
)
from vetting.services.core import SERVICE_FUNCTIONS, Actor

__all__ = ["SERVICE_FUNCTIONS", "Actor"]
