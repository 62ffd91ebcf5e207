"""Helpers that build a process and investigations through the real services."""

from __future__ import annotations

import datetime as dt

from vetting.db import Database
from vetting.services import Actor
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import search_plans as S
from vetting.services import templates as T
from vetting.services.views import InvestigationDetail, ItemResultView

ALL_ATTESTATIONS = ("public_only", "no_credentials", "no_pretext", "no_other_accounts")


def make_process(db: Database, supervisor: Actor, name: str = "Police Officer - 2027 spring") -> int:
    version = T.list_template_versions(db, supervisor)[0]
    return T.create_process(db, supervisor, name=name, position_title="Police Officer I",
                            template_version_id=version.id).id


def open_case(db: Database, supervisor: Actor, investigator: Actor, process_id: int,
              name: str = "Casey Q. Candidate", aliases: tuple[str, ...] = ("CQ",)) -> InvestigationDetail:
    return I.open_investigation(db, supervisor, process_id=process_id, investigator_id=investigator.user_id,
                                full_name=name, aliases=list(aliases), emails=["casey@example.org"],
                                usernames=["caseyq"])


def item(d: InvestigationDetail, key: str) -> ItemResultView:
    return next(i for i in d.items if i.key == key)


def add_finding(db: Database, investigator: Actor, d: InvestigationDetail, key: str = "facebook",
                text: str = "Posted a video doing 120 mph on the highway.", **kw) -> F.FindingView:  # type: ignore[name-defined]
    kw.setdefault("categories", ["reckless_behaviour"])
    kw.setdefault("post_date", dt.date(2025, 1, 2))
    return F.add_finding(db, investigator, item_result_id=item(d, key).id, platform="Facebook", text=text,
                         url="https://facebook.example/p/1", **kw)


#: A "what was searched" text for items completed as searched (the service requires one).
SEARCHED = "Full name, aliases, disclosed e-mail addresses and usernames in the platform's search."


def mark_plan(db: Database, investigator: Actor, it: ItemResultView, status: str = "nothing_found",
              reason: str | None = None) -> ItemResultView:
    """Mark every unmarked planned search of an item (what an investigator does before completing it)."""
    for q in it.queries:
        if q.planned and q.status is None:
            it = S.mark_query(db, investigator, item_result_id=it.id, plan_key=q.key, query=q.query, status=status,
                              reason=reason)
    return it


def complete_items(db: Database, investigator: Actor, investigation_id: int) -> InvestigationDetail:
    d = I.get_investigation(db, investigator, investigation_id=investigation_id)
    for it in d.items:
        if it.terminal:
            continue
        it = mark_plan(db, investigator, it)
        has = any(f.item_result_id == it.id for f in d.findings)
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version,
                      status="findings_recorded" if has else "no_findings",
                      searched=SEARCHED if it.findings_possible else None, attestations=it.required_attestations)
    return I.get_investigation(db, investigator, investigation_id=investigation_id)


def validate_all(db: Database, investigator: Actor, d: InvestigationDetail) -> None:
    for f in d.findings:
        if f.validation_status == "unvalidated":
            F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                             methods=["seen_on_original_platform"], note="Viewed on the platform.")
