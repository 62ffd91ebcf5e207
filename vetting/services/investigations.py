"""Investigations: opening, the checklist, submission and supervisor review, navigation.

Rules enforced here (not only in the GUI): every investigation of a process uses the pinned
template version's items in order; investigators see and edit only their own assignments;
approved investigations are read-only; submission needs every item terminal and no finding
unvalidated; reopening needs a supervisor and a reason; separation of duties: whoever approves,
returns or closes an investigation was never its assigned investigator and never edited its
items, accounts or findings (:class:`~vetting.errors.SeparationOfDuties`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, selectinload

from vetting.db import Database
from vetting.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    RuleViolation,
    SeparationOfDuties,
)
from vetting.models import (
    REASON_REQUIRED,
    SEARCHED_REQUIRED,
    TERMINAL_ITEM_STATUSES,
    Account,
    AuditEvent,
    Candidate,
    Finding,
    HiringProcess,
    Investigation,
    InvestigationStatus,
    ItemResult,
    ItemStatus,
    Outcome,
    ReviewEvent,
    Role,
    TemplateItem,
    TemplateSection,
    User,
    ValidationStatus,
    utcnow,
)
from vetting.services.core import CONFLICT_MESSAGE, Actor, Op, operation, service
from vetting.services.screening import (
    ScreenResult,
    TextReview,
    options_in,
    screen_lines,
    screen_optional,
)
from vetting.services.search_plans import (
    query_views,
    require_plan_marked,
    search_counts,
    searches_run,
    unmarked,
)
from vetting.services.settings import all_in
from vetting.services.templates import version_view
from vetting.services.views import (
    AccountView,
    CandidateView,
    FindingView,
    InvestigationDetail,
    InvestigationRow,
    ItemResultView,
    Problem,
    RedactionSummary,
    ReviewView,
)

EDITABLE = (InvestigationStatus.OPEN.value, InvestigationStatus.RETURNED.value)
#: Outcomes that say the searches were run: every planned search must be marked first. (Not
#: applicable / unable to complete carry a reason instead; their unmarked searches show as not run.)
PLAN_REQUIRED = frozenset({ItemStatus.NO_FINDINGS, ItemStatus.FINDINGS_RECORDED})
OWNERSHIP_LABELS = {
    "self_disclosed": "Confirmed - disclosed by the candidate",
    "identifiers_matched": "Confirmed - identifiers matched",
    "not_confirmed": "Not confirmed",
}


# ---------------------------------------------------------------- access helpers


def load_investigation(op: Op, investigation_id: int, *, edit: bool = False) -> Investigation:
    """Fetch an investigation the actor may see (or edit); raises NotFound / PermissionDenied / RuleViolation."""
    inv = op.session.get(Investigation, investigation_id)
    if inv is None:
        raise NotFound(f"Investigation {investigation_id} does not exist.")
    role = op.user.role
    if role == Role.INVESTIGATOR.value and inv.investigator_id != op.user.id:
        raise PermissionDenied("This investigation is assigned to another investigator; you cannot open it.")
    if inv.status == InvestigationStatus.PURGED.value:
        raise RuleViolation(f"Investigation {investigation_id} was purged under the retention schedule.")
    if edit:
        if role != Role.INVESTIGATOR.value or inv.investigator_id != op.user.id:
            raise PermissionDenied("Only the assigned investigator can change this investigation.")
        if inv.status not in EDITABLE:
            raise RuleViolation(
                f"This investigation is {inv.status} and read-only. "
                + ("A supervisor can reopen it with a reason." if inv.status in ("approved", "closed") else
                   "A supervisor can return it to you for changes.")
            )
    return inv


def check_version(obj: Any, expected: int | None) -> None:
    if expected is not None and obj.version != expected:
        raise ConflictError(CONFLICT_MESSAGE)


def screening_options(session: Session):  # type: ignore[no-untyped-def]
    return options_in(session)


# ---------------------------------------------------------------- views


def _name(u: User | None) -> str | None:
    return u.display_name if u else None


def item_view(r: ItemResult) -> ItemResultView:
    it = r.item
    return ItemResultView(
        id=r.id, position=r.position, section=it.section.title, key=it.key, title=it.title,
        instruction=it.instruction, platform=it.platform, findings_possible=it.findings_possible,
        required_attestations=tuple(it.attestations), status=r.status, reason=r.reason, notes=r.notes,
        searched=r.searched, attestations_confirmed=tuple(r.attestations_confirmed),
        completed_by=_name(r.completed_by), completed_at=r.completed_at, version=r.version,
        queries=query_views(r),
    )


def account_view(a: Account) -> AccountView:
    return AccountView(
        id=a.id, platform=a.platform, handle=a.handle, url=a.url,
        matched=tuple((m["kind"], m["value"]) for m in a.matched), self_disclosed=a.self_disclosed,
        ownership=a.ownership, ownership_label=OWNERSHIP_LABELS[a.ownership], notes=a.notes, version=a.version,
    )


def finding_view(f: Finding) -> FindingView:
    acc = f.account
    return FindingView(
        id=f.id, item_result_id=f.item_result_id, item_title=f.item_result.item.title,
        account_id=f.account_id, account_label=f"{acc.platform}: {acc.handle}" if acc else None,
        platform=f.platform, url=f.url, post_date=f.post_date, captured_at=f.captured_at, kind=f.kind,
        categories=tuple(f.categories), text=f.text, attachment_name=f.attachment_name,
        attachment_sha256=f.attachment_sha256, attachment_size=f.attachment_size, attachment_type=f.attachment_type,
        redaction=RedactionSummary(f.redaction_spans, f.redaction_automatic, f.redaction_manual,
                                   tuple(sorted((k, int(v)) for k, v in (f.redaction_dismissed or {}).items())),
                                   f.redaction_engine),
        validation_status=f.validation_status, validation_methods=tuple(f.validation_methods),
        validation_note=f.validation_note, validated_by=_name(f.validated_by), validated_at=f.validated_at,
        created_by=_name(f.created_by), created_at=f.created_at, version=f.version,
    )


def candidate_view(c: Candidate) -> CandidateView:
    return CandidateView(c.id, c.full_name, tuple(c.aliases), tuple(c.emails), tuple(c.usernames),
                         tuple(c.places or ()))


def detail_view(session: Session, inv: Investigation) -> InvestigationDetail:
    c = inv.candidate
    return InvestigationDetail(
        id=inv.id, status=inv.status,
        candidate=candidate_view(c),
        process_id=inv.process_id, process_name=inv.process.name, position_title=inv.process.position_title,
        template=version_view(session, inv.process.template_version),
        investigator_id=inv.investigator_id, investigator=inv.investigator.display_name,
        approved_by=_name(inv.approved_by), approved_at=inv.approved_at, submitted_at=inv.submitted_at,
        opened_at=inv.opened_at, closed_at=inv.closed_at, outcome=inv.outcome,
        destruction_date=inv.destruction_date, legal_hold=inv.legal_hold,
        items=tuple(item_view(r) for r in inv.items),
        accounts=tuple(account_view(a) for a in inv.accounts),
        findings=tuple(finding_view(f) for f in inv.findings),
        reviews=tuple(ReviewView(r.action, r.from_status, r.to_status, r.reason, r.user.display_name, r.at)
                      for r in inv.reviews),
        version=inv.version,
    )


def _search_key(name: str, aliases: list[str]) -> str:
    return " | ".join([name, *aliases]).casefold()


#: The candidate's identifier lists, screened one entry per line (see vetting.services.screening).
CANDIDATE_LISTS = {"aliases": "An alias", "emails": "An e-mail address", "usernames": "A user name",
                   "places": "A city lived in"}


def _screened_identifiers(op: Op, values: dict[str, list[str] | tuple[str, ...]], reviews: dict[str, TextReview],
                          stored: Candidate | None = None) -> tuple[dict[str, list[str]], dict[str, ScreenResult]]:
    """Screen the candidate's aliases, e-mail addresses and user names (``reviews`` keyed by list
    name, offsets into the list joined by line breaks); entries are de-duplicated after screening."""
    opts = screening_options(op.session)
    lists: dict[str, list[str]] = {}
    audit: dict[str, ScreenResult] = {}
    for name, what in CANDIDATE_LISTS.items():
        results = screen_lines(list(values.get(name) or ()), reviews.get(name), what=what, options=opts,
                               stored=tuple(getattr(stored, name)) if stored is not None else ())
        out: list[str] = []
        for n, res in enumerate(results):
            if res.text.strip() and res.text not in out:
                out.append(res.text)
            audit[f"{name}.{n}"] = res
        lists[name] = out
    return lists, audit


def audit_screening(op: Op, object_type: str, object_id: int, results: dict[str, ScreenResult | None]) -> None:
    """One ``screening.apply`` event per field whose screening redacted or dismissed something."""
    for field, res in results.items():
        if res and (res.record.span_count or res.record.dismissed_count):
            op.audit("screening.apply", object_type=object_type, object_id=object_id,
                     detail={"field": field, **_record_detail(res.record)})


# ---------------------------------------------------------------- opening and listing


@service
def open_investigation(
    db: Database,
    actor: Actor,
    *,
    process_id: int,
    investigator_id: int,
    full_name: str,
    aliases: list[str] | tuple[str, ...] = (),
    emails: list[str] | tuple[str, ...] = (),
    usernames: list[str] | tuple[str, ...] = (),
    reviews: dict[str, TextReview] | None = None,
    places: list[str] | tuple[str, ...] = (),
) -> InvestigationDetail:
    """Open a candidate's investigation in a hiring process, with one result row per item of the
    process's pinned template version, in order (supervisor or administrator).

    Aliases, e-mail addresses and user names are screened as identifiers (``reviews`` keyed
    ``"aliases"``, ``"emails"``, ``"usernames"``; offsets into the list joined by line breaks)."""
    if not full_name.strip():
        raise RuleViolation("The candidate's name is required.")
    with operation(db, actor, "investigation.open", object_type="investigation",
                   roles=[Role.SUPERVISOR, Role.ADMINISTRATOR]) as op:
        process = op.session.get(HiringProcess, process_id)
        if process is None:
            raise NotFound(f"Hiring process {process_id} does not exist.")
        investigator = op.session.get(User, investigator_id)
        if investigator is None or not investigator.active or investigator.role != Role.INVESTIGATOR.value:
            raise RuleViolation("Assign the investigation to an active investigator.")
        lists, screened = _screened_identifiers(
            op, {"aliases": aliases, "emails": emails, "usernames": usernames, "places": places}, reviews or {})
        cand = Candidate(full_name=full_name.strip()[:200], **lists,
                         search_key=_search_key(full_name.strip(), lists["aliases"]))
        inv = Investigation(candidate=cand, process=process, investigator=investigator)
        items = op.session.scalars(
            select(TemplateItem).join(TemplateSection)
            .where(TemplateSection.version_id == process.template_version_id)
            .order_by(TemplateSection.position, TemplateItem.position)
        ).all()
        for pos, item in enumerate(items, 1):
            inv.items.append(ItemResult(item=item, position=pos))
        op.session.add(inv)
        op.session.flush()
        op.audit(object_id=inv.id, detail={"process_id": process.id, "investigator_id": investigator.id})
        audit_screening(op, "investigation", inv.id, screened)
        return detail_view(op.session, inv)


@service
def update_candidate(db: Database, actor: Actor, *, investigation_id: int, full_name: str,
                     aliases: list[str] | tuple[str, ...] = (), emails: list[str] | tuple[str, ...] = (),
                     usernames: list[str] | tuple[str, ...] = (),
                     reviews: dict[str, TextReview] | None = None,
                     places: list[str] | tuple[str, ...] | None = None) -> CandidateView:
    """Correct the candidate's name and disclosed identifiers (assigned investigator or supervisor);
    identifiers are screened as in :func:`open_investigation`. ``places=None`` keeps the stored
    places. The search plans follow: a new identifier adds unmarked planned searches to every item
    whose plan uses it."""
    with operation(db, actor, "candidate.update", object_type="investigation", object_id=investigation_id) as op:
        inv = op.session.get(Investigation, investigation_id)
        if inv is None:
            raise NotFound(f"Investigation {investigation_id} does not exist.")
        if op.user.role == Role.SUPERVISOR.value:
            if inv.status not in EDITABLE:
                raise RuleViolation(f"This investigation is {inv.status} and read-only.")
        else:
            load_investigation(op, investigation_id, edit=True)
        c = inv.candidate
        lists, screened = _screened_identifiers(
            op, {"aliases": aliases, "emails": emails, "usernames": usernames,
                 "places": places if places is not None else c.places}, reviews or {}, c)
        c.full_name = full_name.strip()[:200] or c.full_name
        c.aliases, c.emails, c.usernames = lists["aliases"], lists["emails"], lists["usernames"]
        if places is not None:
            c.places = lists["places"]
        c.search_key = _search_key(c.full_name, c.aliases)
        op.audit()
        audit_screening(op, "investigation", inv.id, screened)
        return candidate_view(c)


@service
def reassign_investigation(db: Database, actor: Actor, *, investigation_id: int, investigator_id: int) -> None:
    """Give an investigation to another investigator (supervisor)."""
    with operation(db, actor, "investigation.reassign", object_type="investigation",
                   object_id=investigation_id, roles=[Role.SUPERVISOR]) as op:
        inv = load_investigation(op, investigation_id)
        user = op.session.get(User, investigator_id)
        if user is None or not user.active or user.role != Role.INVESTIGATOR.value:
            raise RuleViolation("Assign the investigation to an active investigator.")
        inv.investigator_id = user.id
        op.detail = {"investigator_id": user.id}


def _list_query(op: Op, *, status: str | Sequence[str] | None, search: str | None, process_id: int | None, assigned_to_me: bool):
    q = (
        select(Investigation, Candidate, HiringProcess, User)
        .join(Candidate, Candidate.id == Investigation.candidate_id)
        .join(HiringProcess, HiringProcess.id == Investigation.process_id)
        .join(User, User.id == Investigation.investigator_id)
    )
    conds = []
    if op.user.role == Role.INVESTIGATOR.value or assigned_to_me:
        conds.append(Investigation.investigator_id == op.user.id)
    if isinstance(status, str) and status:
        conds.append(Investigation.status == status)
    elif status:
        conds.append(Investigation.status.in_(list(status)))
    else:
        conds.append(Investigation.status != InvestigationStatus.PURGED.value)
    if process_id:
        conds.append(Investigation.process_id == process_id)
    if search and search.strip():
        needle = search.strip().casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conds.append(Candidate.search_key.like(f"%{needle}%", escape="\\"))
    return q.where(and_(*conds))


@service
def list_investigations(
    db: Database,
    actor: Actor,
    *,
    status: str | Sequence[str] | None = None,
    search: str | None = None,
    process_id: int | None = None,
    assigned_to_me: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> list[InvestigationRow]:
    """The navigator's page of investigations, newest first; investigators see only their own.

    Searching matches the candidate's name or any alias (case-insensitive substring). Counts are
    computed for the page only, so the cost does not grow with the number of findings overall.
    """
    with operation(db, actor, "investigation.list", object_type="investigation") as op:
        q = _list_query(op, status=status, search=search, process_id=process_id, assigned_to_me=assigned_to_me)
        q = q.order_by(Investigation.opened_at.desc(), Investigation.id.desc()).limit(limit).offset(offset)
        page = op.session.execute(q).all()
        ids = [inv.id for inv, *_ in page]
        items: dict[int, tuple[int, int]] = {}
        found: dict[int, tuple[int, int]] = {}
        if ids:
            for iid, total, done in op.session.execute(
                select(ItemResult.investigation_id, func.count(),
                       func.sum(case((ItemResult.status != ItemStatus.PENDING.value, 1), else_=0)))
                .where(ItemResult.investigation_id.in_(ids)).group_by(ItemResult.investigation_id)
            ):
                items[iid] = (int(total or 0), int(done or 0))
            for iid, total, unval in op.session.execute(
                select(Finding.investigation_id, func.count(),
                       func.sum(case((Finding.validation_status == ValidationStatus.UNVALIDATED.value, 1), else_=0)))
                .where(Finding.investigation_id.in_(ids)).group_by(Finding.investigation_id)
            ):
                found[iid] = (int(total or 0), int(unval or 0))
        rows = []
        for inv, cand, proc, user in page:
            itot, idone = items.get(inv.id, (0, 0))
            ftot, funval = found.get(inv.id, (0, 0))
            rows.append(InvestigationRow(
                id=inv.id, candidate_name=cand.full_name, aliases=tuple(cand.aliases), process_id=proc.id,
                process_name=proc.name, investigator=user.display_name, investigator_id=user.id,
                status=inv.status, items_done=idone, items_total=itot, findings_total=ftot,
                findings_unvalidated=funval, opened_at=inv.opened_at,
            ))
        op.audited = True  # the list shows names only; opening a case is the audited view
        return rows


@service
def get_investigation(db: Database, actor: Actor, *, investigation_id: int) -> InvestigationDetail:
    """Open an investigation (audited as a view)."""
    with operation(db, actor, "investigation.view", object_type="investigation", object_id=investigation_id) as op:
        inv = load_investigation(op, investigation_id)
        op.session.execute(
            select(Investigation).where(Investigation.id == inv.id).options(
                selectinload(Investigation.items).selectinload(ItemResult.query_runs),
                selectinload(Investigation.findings),
                selectinload(Investigation.accounts), selectinload(Investigation.reviews))
        )
        return detail_view(op.session, inv)


# ---------------------------------------------------------------- checklist items


@service
def update_item(
    db: Database,
    actor: Actor,
    *,
    item_result_id: int,
    expected_version: int | None,
    status: str,
    reason: str | None = None,
    notes: str | None = None,
    searched: str | None = None,
    attestations: list[str] | tuple[str, ...] = (),
    reviews: dict[str, TextReview] | None = None,
) -> ItemResultView:
    """Record an item's outcome (assigned investigator). Free texts are screened before storage.

    Raises RuleViolation when a reason is missing for not_applicable/unable_to_complete, when a
    terminal status lacks a required attestation, or when the status contradicts the findings.
    """
    reviews = reviews or {}
    try:
        st = ItemStatus(status)
    except ValueError as exc:
        raise RuleViolation(f"Unknown item status {status!r}.") from exc
    with operation(db, actor, "item.update", object_type="item_result", object_id=item_result_id) as op:
        r = op.session.get(ItemResult, item_result_id)
        if r is None:
            raise NotFound(f"Checklist item {item_result_id} does not exist.")
        load_investigation(op, r.investigation_id, edit=True)
        check_version(r, expected_version)
        if st in REASON_REQUIRED and not (reason or "").strip():
            raise RuleViolation(f"A reason is required when the status is {st.value.replace('_', ' ')}.")
        confirmed = sorted(set(attestations))
        if st in TERMINAL_ITEM_STATUSES:
            missing = [a for a in r.item.attestations if a not in confirmed]
            if missing:
                raise RuleViolation("Confirm every attestation before completing the item: " + ", ".join(missing) + ".")
        n_findings = op.session.scalar(select(func.count()).select_from(Finding).where(Finding.item_result_id == r.id)) or 0
        if st == ItemStatus.FINDINGS_RECORDED and n_findings == 0:
            raise RuleViolation("Add at least one finding before marking the item 'findings recorded'.")
        if st == ItemStatus.NO_FINDINGS and n_findings:
            raise RuleViolation(f"This item has {n_findings} finding(s); choose 'findings recorded' or delete them.")
        if st == ItemStatus.FINDINGS_RECORDED and not r.item.findings_possible:
            raise RuleViolation("This item does not take findings.")
        if st in PLAN_REQUIRED:
            require_plan_marked(r)
        if (st in SEARCHED_REQUIRED and r.item.findings_possible and not (searched or "").strip()
                and not searches_run(r)):
            raise RuleViolation("Say what was searched (names, usernames, search terms, sites) before completing "
                                "the item as searched.")
        opts = screening_options(op.session)
        sr = {k: screen_optional(v, reviews.get(k), options=opts, what=k.capitalize(), stored=getattr(r, k))
              for k, v in (("reason", reason if st in REASON_REQUIRED else None), ("notes", notes), ("searched", searched))}
        r.status = st.value
        r.reason = sr["reason"].text if sr["reason"] else None
        r.notes = sr["notes"].text if sr["notes"] else None
        r.searched = sr["searched"].text if sr["searched"] else None
        r.attestations_confirmed = confirmed
        if st in TERMINAL_ITEM_STATUSES:
            r.completed_by_id = op.user.id
            r.completed_at = utcnow()
        else:
            r.completed_by_id = None
            r.completed_at = None
        op.session.flush()
        op.detail = {"status": st.value, "attestations": confirmed,
                     "redactions": sum(x.record.span_count for x in sr.values() if x)}
        op.audit()
        audit_screening(op, "item_result", r.id, sr)
        return item_view(r)


def _record_detail(record: Any) -> dict[str, Any]:
    d = record.as_dict()
    return {k: v for k, v in d.items() if k in ("span_count", "automatic_count", "manual_count",
                                                "dismissed_count", "dismissed_by_reason", "engine_version",
                                                "confirm_redacted", "confirm_kept")}


# ---------------------------------------------------------------- submission and review


def submission_problems(session: Session, inv: Investigation) -> list[Problem]:
    problems = [
        Problem(f"Item {r.position} '{r.item.title}' has no outcome yet.", f"item:{r.id}")
        for r in inv.items if r.status not in {s.value for s in TERMINAL_ITEM_STATUSES}
    ]
    problems += [
        Problem(f"Item {r.position} '{r.item.title}' has {n} planned search{'es' if n != 1 else ''} not marked "
                "(an identifier was added after it was completed).", f"item:{r.id}")
        for r in inv.items if r.status in {s.value for s in PLAN_REQUIRED} and (n := len(unmarked(r)))
    ]
    problems += [
        Problem(f"Finding {f.id} ({f.platform}) is not validated: choose validated, unable to validate or refuted.",
                f"finding:{f.id}")
        for f in inv.findings if f.validation_status == ValidationStatus.UNVALIDATED.value
    ]
    return problems


@service
def check_submission(db: Database, actor: Actor, *, investigation_id: int) -> list[Problem]:
    """What still blocks submission (empty when it can be submitted)."""
    with operation(db, actor, "investigation.check", object_type="investigation", object_id=investigation_id) as op:
        inv = load_investigation(op, investigation_id)
        op.audited = True
        return submission_problems(op.session, inv)


def _transition(op: Op, inv: Investigation, action: str, to: InvestigationStatus, reason_text: str | None = None,
                review: TextReview | None = None) -> None:
    res = screen_optional(reason_text, review, options=screening_options(op.session), what="Reason")
    op.session.add(ReviewEvent(investigation_id=inv.id, action=action, from_status=inv.status, to_status=to.value,
                               reason=res.text if res else None, user_id=op.user.id))
    op.detail = {"from": inv.status, "to": to.value}
    inv.status = to.value


@service
def submit_investigation(db: Database, actor: Actor, *, investigation_id: int, expected_version: int | None = None) -> InvestigationDetail:
    """Submit for supervisor review (assigned investigator). Refused, with the list of what is
    missing in ``RuleViolation.problems``, while any item is not terminal or any finding unvalidated."""
    with operation(db, actor, "investigation.submit", object_type="investigation", object_id=investigation_id) as op:
        inv = load_investigation(op, investigation_id, edit=True)
        check_version(inv, expected_version)
        problems = submission_problems(op.session, inv)
        if problems:
            err = RuleViolation(f"The investigation cannot be submitted yet: {len(problems)} thing(s) missing.",
                                [p.message for p in problems])
            err.targets = [p.target for p in problems]  # type: ignore[attr-defined]
            raise err
        _transition(op, inv, "submit", InvestigationStatus.SUBMITTED)
        inv.submitted_at = utcnow()
        op.session.flush()
        return detail_view(op.session, inv)


def _supervised(op: Op, investigation_id: int, expected_version: int | None, *allowed: str,
                independent: str | None = None) -> Investigation:
    """Load for a supervisor's decision; ``independent`` names a decision that needs separation
    of duties (checked before the status, so the refusal is the same whatever the state)."""
    inv = load_investigation(op, investigation_id)
    if independent:
        _require_independent(op, inv, independent)
    check_version(inv, expected_version)
    if inv.status not in allowed:
        raise RuleViolation(f"This investigation is {inv.status}; the action needs it to be {' or '.join(allowed)}.")
    return inv


#: Audited actions that change an investigation's items, accounts or findings (or submit it).
EDIT_EVENTS = ("item.update", "finding.create", "finding.update", "finding.validate", "finding.delete",
               "account.create", "account.update", "investigation.submit")


def participants(session: Session, inv: Investigation) -> set[int]:
    """Everyone who took part in the investigation: its assigned investigator, whoever submitted
    it, and whoever changed one of its items, accounts or findings (from the records and from
    the audit log, so a reassignment or a later role change does not hide an earlier editor)."""
    ids = {inv.investigator_id}
    ids |= set(session.scalars(select(ReviewEvent.user_id).where(ReviewEvent.investigation_id == inv.id,
                                                                  ReviewEvent.action == "submit")))
    ids |= {r.completed_by_id for r in inv.items if r.completed_by_id}
    ids |= {a.created_by_id for a in inv.accounts if a.created_by_id}
    for f in inv.findings:
        ids |= {u for u in (f.created_by_id, f.redacted_by_id, f.validated_by_id) if u}
    objects = [("investigation", [inv.id]), ("item_result", [r.id for r in inv.items]),
               ("account", [a.id for a in inv.accounts]), ("finding", [f.id for f in inv.findings])]
    for object_type, object_ids in objects:
        if object_ids:
            ids |= {u for u in session.scalars(
                select(AuditEvent.user_id).where(
                    AuditEvent.object_type == object_type,
                    AuditEvent.object_id.in_([str(i) for i in object_ids]),
                    AuditEvent.event_type.in_(EDIT_EVENTS),
                    AuditEvent.outcome == "success",
                ).distinct()) if u is not None}
    # Records created and later deleted (a finding removed after a reassignment): their creation
    # event names the investigation in its detail.
    ids |= {u for u in session.scalars(
        select(AuditEvent.user_id).where(
            AuditEvent.occurred_at >= inv.opened_at,
            AuditEvent.event_type.in_(("finding.create", "account.create")),
            AuditEvent.outcome == "success",
            AuditEvent.detail["investigation_id"].as_integer() == inv.id,
        ).distinct()) if u is not None}
    return ids


def _require_independent(op: Op, inv: Investigation, action: str) -> None:
    """Separation of duties: the reviewer never worked on the investigation."""
    if op.user.id == inv.investigator_id:
        why = "you are its assigned investigator"
    elif op.user.id in participants(op.session, inv):
        why = "you worked on it (you submitted it or changed its items, accounts or findings)"
    else:
        return
    raise SeparationOfDuties(
        f"You cannot {action} this investigation: {why}. Separation of duties: another supervisor, "
        "who did not work on it, must review it."
    )


@service
def approve_investigation(db: Database, actor: Actor, *, investigation_id: int, expected_version: int | None = None) -> InvestigationDetail:
    """Approve a submitted investigation (supervisor); it becomes read-only."""
    with operation(db, actor, "investigation.approve", object_type="investigation", object_id=investigation_id,
                   roles=[Role.SUPERVISOR]) as op:
        inv = _supervised(op, investigation_id, expected_version, InvestigationStatus.SUBMITTED.value,
                          independent="approve")
        if submission_problems(op.session, inv):
            raise RuleViolation("The investigation is incomplete; return it to the investigator instead.")
        _transition(op, inv, "approve", InvestigationStatus.APPROVED)
        inv.approved_at = utcnow()
        inv.approved_by_id = op.user.id
        op.session.flush()
        return detail_view(op.session, inv)


def _require_reason(reason: str) -> None:
    if not (reason or "").strip():
        raise RuleViolation("A reason is required.")


@service
def return_investigation(db: Database, actor: Actor, *, investigation_id: int, reason: str,
                         expected_version: int | None = None, review: TextReview | None = None) -> InvestigationDetail:
    """Return a submitted investigation to its investigator with a reason (supervisor)."""
    _require_reason(reason)
    with operation(db, actor, "investigation.return", object_type="investigation", object_id=investigation_id,
                   roles=[Role.SUPERVISOR]) as op:
        inv = _supervised(op, investigation_id, expected_version, InvestigationStatus.SUBMITTED.value,
                          independent="return")
        _transition(op, inv, "return", InvestigationStatus.RETURNED, reason, review)
        op.session.flush()
        return detail_view(op.session, inv)


@service
def reopen_investigation(db: Database, actor: Actor, *, investigation_id: int, reason: str,
                         expected_version: int | None = None, review: TextReview | None = None) -> InvestigationDetail:
    """Reopen an approved investigation for changes (supervisor, with a reason)."""
    _require_reason(reason)
    with operation(db, actor, "investigation.reopen", object_type="investigation", object_id=investigation_id,
                   roles=[Role.SUPERVISOR]) as op:
        inv = _supervised(op, investigation_id, expected_version, InvestigationStatus.APPROVED.value)
        _transition(op, inv, "reopen", InvestigationStatus.RETURNED, reason, review)
        inv.approved_at = None
        inv.approved_by_id = None
        op.session.flush()
        return detail_view(op.session, inv)


def retention_date(session: Session, outcome: str, closed: dt.datetime) -> dt.date:
    years = all_in(session)[f"retention_years_{outcome}"]
    d = closed.date()
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


@service
def close_investigation(db: Database, actor: Actor, *, investigation_id: int, outcome: str,
                        expected_version: int | None = None) -> InvestigationDetail:
    """Close an approved investigation with the hiring outcome; sets its destruction date from the
    retention schedule (supervisor)."""
    try:
        oc = Outcome(outcome)
    except ValueError as exc:
        raise RuleViolation(f"Unknown outcome {outcome!r}; use hired, not_hired or withdrawn.") from exc
    with operation(db, actor, "investigation.close", object_type="investigation", object_id=investigation_id,
                   roles=[Role.SUPERVISOR]) as op:
        inv = _supervised(op, investigation_id, expected_version, InvestigationStatus.APPROVED.value,
                          independent="close")
        _transition(op, inv, "close", InvestigationStatus.CLOSED)
        inv.closed_at = utcnow()
        inv.outcome = oc.value
        inv.destruction_date = retention_date(op.session, oc.value, inv.closed_at)
        op.detail["destruction_date"] = inv.destruction_date.isoformat()
        op.session.flush()
        return detail_view(op.session, inv)


@service
def set_legal_hold(db: Database, actor: Actor, *, investigation_id: int, hold: bool, reason: str = "") -> None:
    """Place or lift a legal hold (administrator or supervisor); a held investigation is never purged."""
    if hold:
        _require_reason(reason)
    with operation(db, actor, "investigation.legal_hold" if hold else "investigation.legal_hold_release",
                   object_type="investigation", object_id=investigation_id,
                   roles=[Role.ADMINISTRATOR, Role.SUPERVISOR]) as op:
        inv = load_investigation(op, investigation_id)
        res = screen_optional(reason, None, options=screening_options(op.session), what="Reason")
        inv.legal_hold = hold
        inv.legal_hold_reason = res.text if (hold and res) else None


# ---------------------------------------------------------------- uniformity


@service
def uniformity(db: Database, actor: Actor, *, process_id: int) -> dict[str, Any]:
    """Every candidate of a process side by side: each item's status and date (supervisor/admin).

    Returns ``{"process": name, "template": label, "items": [(position, title)],
    "rows": [{"investigation_id", "candidate", "status", "cells": [(status, date|None)],
    "searches": [SearchCounts per item], "queries": [tuple[QueryView] per item]}]}``: the planned
    searches of every item against those run, so a reviewer sees the same searches for everyone.
    """
    with operation(db, actor, "process.uniformity", object_type="hiring_process", object_id=process_id,
                   roles=[Role.SUPERVISOR, Role.ADMINISTRATOR]) as op:
        proc = op.session.get(HiringProcess, process_id)
        if proc is None:
            raise NotFound(f"Hiring process {process_id} does not exist.")
        view = version_view(op.session, proc.template_version)
        items = [(i.id, i.title) for s in view.sections for i in s.items]
        invs = op.session.scalars(
            select(Investigation).where(Investigation.process_id == process_id,
                                        Investigation.status != InvestigationStatus.PURGED.value)
            .join(Candidate).order_by(Candidate.full_name)
            .options(selectinload(Investigation.items).selectinload(ItemResult.query_runs))
        ).all()
        rows = []
        for inv in invs:
            by_item = {r.item_id: r for r in inv.items}
            cells = [(by_item[i].status, by_item[i].completed_at) if i in by_item else ("missing", None) for i, _ in items]
            queries = [query_views(by_item[i]) if i in by_item else () for i, _ in items]
            rows.append({"investigation_id": inv.id, "candidate": inv.candidate.full_name, "status": inv.status,
                         "cells": cells, "searches": [search_counts(q) for q in queries], "queries": queries})
        return {"process": proc.name, "template": view.label, "items": [(n, t) for n, (_, t) in enumerate(items, 1)],
                "rows": rows}
