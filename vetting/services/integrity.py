"""Proving the file: the audit chain, the records' states, and anchors kept outside the database.

:func:`verify_audit` is what Administration's *Verify* button calls (administrator; audited).
"""

from __future__ import annotations

from vetting.db import Database
from vetting.models import Role
from vetting.services import audit
from vetting.services.core import Actor, operation, service


@service
def verify_audit(db: Database, actor: Actor) -> audit.ChainReport:
    """Verify the audit chain, its head and every record's state (administrator). The check is
    read in one transaction; its outcome is audited."""
    with operation(db, actor, "audit.verify", object_type="audit", roles=[Role.ADMINISTRATOR]) as op:
        report = audit.verify(op.session)
        op.detail = {"ok": report.ok, "events": report.events, "records": report.records_checked,
                     "chain_problems": len(report.problems), "record_problems": len(report.record_problems)}
        return report
