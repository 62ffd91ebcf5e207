"""Report generation records and verification.

:func:`generate_report` gathers the plain :class:`ReportData` in one transaction, has the renderer
(``reports.pdf:render``, found through the ``vetting.renderers`` entry point) turn it into PDF
bytes, and records the document id and SHA-256 with an audit event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib.metadata import entry_points

from sqlalchemy import select

from vetting.config import load_config
from vetting.db import Database
from vetting.errors import VettingError
from vetting.models import (
    ConcernCategory,
    Investigation,
    ReportRecord,
    User,
    ValidationStatus,
    utcnow,
)
from vetting.screening import DISMISS_REASONS
from vetting.services import audit
from vetting.services.captures import capture_label
from vetting.services.core import Actor, operation, service
from vetting.services.findings import IDENTIFIER_KINDS, METHOD_LABELS
from vetting.services.investigations import detail_view, load_investigation
from vetting.services.report_data import (
    ReportAccount,
    ReportData,
    ReportFinding,
    ReportItem,
    ReportQuery,
    ReportReview,
    SignatureCheck,
    UniformityReportData,
)
from vetting.services.search_plans import query_status_label
from vetting.services.settings import all_in
from vetting.services.signing import SigningKey, signing_key, trust_roots

Renderer = Callable[[ReportData], bytes]

ITEM_STATUS_LABELS = {
    "pending": "Not completed",
    "no_findings": "No findings",
    "findings_recorded": "Findings recorded",
    "not_applicable": "Not applicable",
    "unable_to_complete": "Unable to complete",
}
#: The label of a review item's completed status (stored as ``no_findings``: nothing was searched).
REVIEW_DONE_LABEL = "Done (reviewed)"


def _item_status_label(status: str, is_review: bool) -> str:
    return REVIEW_DONE_LABEL if is_review and status == "no_findings" else ITEM_STATUS_LABELS.get(status, status)


REVIEW_LABELS = {"submit": "Submitted for review", "return": "Returned to investigator", "approve": "Approved",
                 "reopen": "Reopened", "close": "Closed"}
GROUP_ORDER = {"validated": 0, "unable_to_validate": 1, "refuted": 2, "unvalidated": 3}


def load_renderer(name: str = "pdf") -> Renderer:
    for ep in entry_points(group="vetting.renderers"):
        if ep.name == name:
            return ep.load()
    raise VettingError(f"No report renderer {name!r} is installed (entry point group vetting.renderers). Reinstall the workbench.")


def new_document_id(now: dt.datetime) -> str:
    return f"BI-{now:%Y%m%d}-{secrets.token_hex(4).upper()}"


def local_tz_name() -> str:
    try:
        import zoneinfo  # noqa: F401
        from pathlib import Path

        link = Path("/etc/localtime").resolve()
        if "zoneinfo" in link.parts:
            return "/".join(link.parts[link.parts.index("zoneinfo") + 1:])
    except OSError:
        pass
    return time.tzname[0] or "UTC"


def _searched_beyond_plan(item) -> str | None:  # type: ignore[no-untyped-def]
    """'What was searched' for the report, unless it only repeats the item's marked searches (the
    text the plan panel fills in), which the report lists with their marks anyway."""
    from vetting.services.search_plans import searched_summary

    if item.searched and item.queries and item.searched.strip() == searched_summary(item.queries).strip():
        return None
    return item.searched


def build_report_data(session, inv: Investigation, generated_by: User, document_id: str, now: dt.datetime) -> ReportData:  # type: ignore[no-untyped-def]
    d = detail_view(session, inv)
    att_text = {a.key: a.text for a in d.template.attestations}
    findings_per_item: dict[int, int] = {}
    for f in d.findings:
        findings_per_item[f.item_result_id] = findings_per_item.get(f.item_result_id, 0) + 1
    items = tuple(
        ReportItem(i.position, i.section, i.title, i.platform, i.status, _item_status_label(i.status, i.is_review),
                   i.reason,
                   _searched_beyond_plan(i), i.notes, i.completed_at, i.completed_by,
                   tuple(att_text.get(k, k) for k in i.attestations_confirmed), findings_per_item.get(i.id, 0),
                   queries=tuple(ReportQuery(q.query, query_status_label(q.status), q.reason, q.origin == "manual")
                                 for q in i.queries),
                   searches_planned=sum(1 for q in i.queries if q.planned))
        for i in d.items
    )
    accounts = []
    for a in d.accounts:
        if a.ownership == "identifiers_matched":
            kinds = sorted({IDENTIFIER_KINDS.get(k, k).lower() for k, _ in a.matched})
            label = f"Confirmed - {len(a.matched)} identifiers matched ({', '.join(kinds)})"
        elif a.ownership == "self_disclosed":
            label = "Confirmed - disclosed by the candidate"
        else:
            label = f"Not confirmed ({len(a.matched)} identifier(s) matched)"
        accounts.append(ReportAccount(a.platform, a.handle, a.url, a.ownership, label))
    cat_labels = {c.code: c.label for c in session.scalars(select(ConcernCategory))}
    ordered = sorted(d.findings, key=lambda f: (GROUP_ORDER[f.validation_status], f.kind != "concern", f.id))
    findings = tuple(
        ReportFinding(
            number=n, item_title=f.item_title, platform=f.platform, account=f.account_label, url=f.url,
            post_date=f.post_date, captured_at=f.captured_at, kind=f.kind,
            categories=tuple(cat_labels.get(c, c) for c in f.categories), text=f.text,
            validation_status=f.validation_status,
            validation_methods=tuple(METHOD_LABELS.get(m, m) for m in f.validation_methods),
            validation_note=f.validation_note, validated_by=f.validated_by, validated_at=f.validated_at,
            redactions=f.redaction.spans,
            attachment=capture_label(f),
            attachment_sha256=f.attachment_sha256,
        )
        for n, f in enumerate(ordered, 1)
    )
    summary = []
    for code, label in cat_labels.items():
        concern = [f for f in d.findings if f.kind == "concern" and code in f.categories]
        if concern:
            summary.append((label, sum(1 for f in concern if f.validation_status == ValidationStatus.VALIDATED.value),
                            len(concern)))
    dismissed: dict[str, int] = {}
    for f in d.findings:
        for reason, count in f.redaction.dismissed:
            label = DISMISS_REASONS.get(reason, reason)
            dismissed[label] = dismissed.get(label, 0) + count
    head_count, head_hash = audit.head(session)
    engines = sorted({f.redaction.engine for f in d.findings if f.redaction.engine})
    return ReportData(
        document_id=document_id, generated_at=now, generated_by=generated_by.display_name,
        local_tz_name=local_tz_name(), page_size=all_in(session)["report_page_size"],
        draft=d.status not in ("approved", "closed"), status=d.status,
        candidate_name=d.candidate.full_name, candidate_aliases=d.candidate.aliases,
        process_name=d.process_name, position_title=d.position_title, investigator=d.investigator,
        supervisor=d.approved_by, approved_at=d.approved_at, template_label=d.template.label,
        attestation_texts=tuple(a.text for a in d.template.attestations), items=items, accounts=tuple(accounts),
        findings=findings, category_summary=tuple(summary),
        redaction_total=sum(f.redaction.spans for f in d.findings),
        redaction_automatic=sum(f.redaction.automatic for f in d.findings),
        redaction_manual=sum(f.redaction.manual for f in d.findings),
        dismissed_by_reason=tuple(sorted(dismissed.items())),
        screening_engine="; ".join(engines) or "no text was screened",
        reviews=tuple(ReportReview(r.action, REVIEW_LABELS.get(r.action, r.action), r.reason, r.by, r.at) for r in d.reviews),
        audit_head=audit.head_token(head_count, head_hash),
    )


@dataclass(frozen=True)
class GeneratedReport:
    document_id: str
    sha256: str
    pdf: bytes
    draft: bool
    generated_at: dt.datetime
    signed: bool = False


def signature_note(draft: bool, key: SigningKey | None) -> str:
    """What the report says about its digital signature."""
    if draft:
        return ("This is a draft and is not digitally signed: only an approved report is signed with the "
                "department's certificate.")
    if key is None:
        return ("This report is not digitally signed: no department signing certificate is configured on the "
                "workstation that generated it. Check it against the workbench's record with "
                "vetting report verify.")
    return (f"This approved report is digitally signed (PAdES) with the department's certificate ({key.subject}). "
            "A PDF reader shows the signature; vetting report verify checks it without the database.")


@service
def generate_report(db: Database, actor: Actor, *, investigation_id: int, renderer: Renderer | None = None) -> GeneratedReport:
    """Build the investigation's PDF and record its document id and SHA-256 (any user who may view
    the investigation). Thread: any; the rendering runs inside the transaction, so the recorded
    report matches the data it shows."""
    render = renderer or load_renderer()
    with operation(db, actor, "report.generate", object_type="investigation", object_id=investigation_id) as op:
        inv = load_investigation(op, investigation_id)
        now = utcnow()
        doc_id = new_document_id(now)
        data = build_report_data(op.session, inv, op.user, doc_id, now)
        key = None if data.draft else signing_key(load_config())
        data = replace(data, signature_note=signature_note(data.draft, key))
        pdf = render(data)
        if key is not None:
            pdf = load_renderer("pades_sign")(pdf, pkcs12=key.pkcs12, passphrase=key.passphrase,
                                              reason=f"Approved background investigation report {doc_id}")
        digest = hashlib.sha256(pdf).hexdigest()
        op.session.add(ReportRecord(document_id=doc_id, investigation_id=inv.id, sha256=digest, size=len(pdf),
                                    draft=data.draft, signed=key is not None, audit_head=data.audit_head,
                                    generated_by_id=op.user.id, generated_at=now))
        op.detail = {"document_id": doc_id, "sha256": digest, "draft": data.draft, "signed": key is not None}
        return GeneratedReport(doc_id, digest, pdf, data.draft, now, signed=key is not None)


@dataclass(frozen=True)
class ReportVerification:
    ok: bool
    message: str
    document_id: str | None = None
    generated_at: dt.datetime | None = None


def verify_report_bytes(db: Database, pdf: bytes) -> ReportVerification:
    """Compare a PDF with the recorded reports (no sign-in needed: it reveals only id and date)."""
    digest = hashlib.sha256(pdf).hexdigest()
    with db.read() as s:
        rec = s.scalars(select(ReportRecord).where(ReportRecord.sha256 == digest)).first()
        if rec:
            return ReportVerification(True, f"OK: this is report {rec.document_id}, generated "
                                            f"{rec.generated_at:%Y-%m-%d %H:%M UTC}, unchanged.",
                                      rec.document_id, rec.generated_at)
        return ReportVerification(False, "FAILED: this file does not match any report recorded by the workbench "
                                         "(it was changed after it was generated, or comes from another database).")


@dataclass(frozen=True)
class FileVerification:
    """`vetting report verify`: the signature (checked without any database) and the record."""

    ok: bool
    signature: SignatureCheck
    record: ReportVerification | None  # None: no database at hand

    def lines(self) -> list[str]:
        sig = self.signature
        out = [("Signature: OK - " if sig.ok else ("Signature: FAILED - " if sig.signed else "Signature: none - "))
               + sig.message + "."]
        if self.record is None:
            out.append("Record: not checked (no workbench database at hand).")
        else:
            out.append("Record: " + self.record.message)
        out.append("VERIFIED" if self.ok else "NOT VERIFIED")
        return out


def verify_report_file(pdf: bytes, *, db: Database | None, extra_trust_roots: list[str] | None = None) -> FileVerification:
    """Validate a report's signature against the workstation's trust roots (no database needed) and,
    when ``db`` is given, compare its SHA-256 with the recorded reports. OK when every check made
    passed: a signed report needs a valid signature; an unsigned one needs the record."""
    sig = load_renderer("pades_validate")(pdf, trust_roots=trust_roots(load_config(), extra_trust_roots))
    record = verify_report_bytes(db, pdf) if db is not None else None
    ok = (sig.ok or not sig.signed) and (record.ok if record is not None else sig.ok)
    return FileVerification(ok, sig, record)


@service
def list_reports(db: Database, actor: Actor, *, investigation_id: int) -> list[tuple[str, str, bool, dt.datetime]]:
    """(document id, sha256, draft, generated at) of every report of an investigation."""
    with operation(db, actor, "report.list", object_type="investigation", object_id=investigation_id) as op:
        load_investigation(op, investigation_id)
        op.audited = True
        recs = op.session.scalars(select(ReportRecord).where(ReportRecord.investigation_id == investigation_id)
                                  .order_by(ReportRecord.generated_at)).all()
        return [(r.document_id, r.sha256, r.draft, r.generated_at) for r in recs]




@service
def generate_uniformity_report(db: Database, actor: Actor, *, process_id: int,
                               renderer: Renderer | None = None) -> GeneratedReport:
    """Render the uniformity table of a hiring process as a one-page PDF and record it
    (supervisor or administrator). Uses the ``uniformity`` renderer entry point."""
    from vetting.services.investigations import uniformity

    grid = uniformity(db, actor, process_id=process_id)
    render = renderer or load_renderer("uniformity")
    with operation(db, actor, "report.uniformity", object_type="hiring_process", object_id=process_id) as op:
        now = utcnow()
        data = UniformityReportData(
            document_id=new_document_id(now), generated_at=now, generated_by=op.user.display_name,
            page_size=all_in(op.session)["report_page_size"], process_name=grid["process"],
            template_label=grid["template"], items=tuple(t for _, t in grid["items"]),
            candidates=tuple(r["candidate"] for r in grid["rows"]), statuses=tuple(r["status"] for r in grid["rows"]),
            cells=tuple(tuple((ITEM_STATUS_LABELS.get(st, st), when) for st, when in r["cells"]) for r in grid["rows"]),
            audit_head=audit.head_token(*audit.head(op.session)),
            searches=tuple(tuple((c.planned, c.run, c.not_possible, c.manual) for c in r["searches"])
                           for r in grid["rows"]),
            queries=tuple(tuple(tuple((q.query, query_status_label(q.status)) for q in qs) for qs in r["queries"])
                          for r in grid["rows"]),
        )
        pdf = render(data)
        digest = hashlib.sha256(pdf).hexdigest()
        op.session.add(ReportRecord(document_id=data.document_id, process_id=process_id, sha256=digest,
                                    size=len(pdf), draft=False, audit_head=data.audit_head,
                                    generated_by_id=op.user.id, generated_at=now))
        op.detail = {"document_id": data.document_id, "sha256": digest}
        return GeneratedReport(data.document_id, digest, pdf, False, now)
