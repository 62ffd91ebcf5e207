"""A whole investigation, start to purge, leaves one audit event per action, each with user, time,
type, object and outcome - and nothing of the candidate or the text."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.factories import SEARCHED, item, make_process, open_case
from vetting.models import AuditEvent
from vetting.services import audit
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import records as R
from vetting.services import search_plans as S
from vetting.services import users as U
from vetting.services.reports import generate_report


def _new_events(db, since_seq):
    with db.read() as s:
        return [audit.event_dict(e) for e in s.scalars(select(AuditEvent).where(AuditEvent.seq > since_seq)
                                                        .order_by(AuditEvent.seq))]


def _head(db):
    with db.read() as s:
        return audit.head(s)[0]


def expect(db, action, event_type, object_type=None, object_id=None, outcome="success"):
    """Run ``action`` and assert it wrote exactly one event of ``event_type`` with the fields."""
    before = _head(db)
    result = action()
    events = [e for e in _new_events(db, before) if e["event_type"] == event_type]
    assert len(events) == 1, f"{event_type}: {len(events)} events"
    e = events[0]
    assert e["outcome"] == outcome and e["user_id"] and e["username"] and e["occurred_at"]
    if object_type:
        assert e["object_type"] == object_type
    if object_id is not None:
        assert e["object_id"] == str(object_id)
    return result


@pytest.mark.sqlite_only
def test_a_whole_investigation_is_audited_step_by_step(db, admin, supervisor, investigator, tmp_path):
    pid = make_process(db, supervisor)
    expect(db, lambda: U.sign_in(db, username="ivan", password=PASSWORD), "auth.sign_in", "user")
    case = expect(db, lambda: open_case(db, supervisor, investigator, pid, name="Audrey Audit"),
                  "investigation.open", "investigation")
    expect(db, lambda: I.get_investigation(db, investigator, investigation_id=case.id), "investigation.view",
           "investigation", case.id)
    fb = item(case, "facebook")
    f = expect(db, lambda: F.add_finding(db, investigator, item_result_id=fb.id, platform="Facebook",
                                         text="As a proud Marine veteran I will find where that reporter lives.",
                                         categories=["threats_harassment"]), "finding.create", "finding")
    before = _head(db)
    F.update_finding(db, investigator, finding_id=f.id, expected_version=f.version, platform="Facebook",
                     categories=["threats_harassment"], text="As a devout Lutheran I will find where he lives.")
    kinds = [e["event_type"] for e in _new_events(db, before)]
    assert kinds == ["finding.update", "screening.apply"]  # the change and the screening decision
    f = I.get_investigation(db, investigator, investigation_id=case.id).findings[0]
    expect(db, lambda: F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version,
                                        status="validated", methods=["seen_on_original_platform"],
                                        note="Seen on the platform."), "finding.validate", "finding", f.id)
    d = I.get_investigation(db, investigator, investigation_id=case.id)
    for it in d.items:
        for q in it.queries:  # each planned search marked: one audited event each
            it = expect(db, lambda it=it, q=q: S.mark_query(
                db, investigator, item_result_id=it.id, plan_key=q.key, query=q.query, status="nothing_found"),
                "search.mark", "search_query_run")
        expect(db, lambda it=it: I.update_item(
            db, investigator, item_result_id=it.id, expected_version=it.version,
            status="findings_recorded" if it.id == fb.id else "no_findings",
            searched=SEARCHED if it.findings_possible else None,
            attestations=it.required_attestations), "item.update", "item_result", it.id)
    expect(db, lambda: I.submit_investigation(db, investigator, investigation_id=case.id), "investigation.submit",
           "investigation", case.id)
    expect(db, lambda: I.approve_investigation(db, supervisor, investigation_id=case.id), "investigation.approve",
           "investigation", case.id)
    expect(db, lambda: generate_report(db, supervisor, investigation_id=case.id), "report.generate",
           "investigation", case.id)
    closed = expect(db, lambda: I.close_investigation(db, supervisor, investigation_id=case.id, outcome="withdrawn"),
                    "investigation.close", "investigation", case.id)
    expect(db, lambda: R.run_export(db, supervisor, output=tmp_path / "x.zip", investigation_ids=[case.id]),
           "investigation.export", "investigation", case.id)
    expect(db, lambda: R.purge_due(db, admin, today=closed.destruction_date + dt.timedelta(days=1)),
           "investigation.purge", "investigation", case.id)
    with db.read() as s:
        assert audit.verify(s).ok
        for e in s.scalars(select(AuditEvent)):
            blob = str(audit.event_dict(e))
            assert "Audrey" not in blob and "Lutheran" not in blob and "reporter" not in blob
