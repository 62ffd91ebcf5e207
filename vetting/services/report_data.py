"""The plain data a PDF report is built from (all free text already in redacted form).

``reports/`` renders a :class:`ReportData` to bytes; it never queries the database. A renderer is
found through the ``vetting.renderers`` entry point group (``reports`` registers ``pdf``), so
``vetting`` never imports ``reports``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ReportQuery:
    """One search of an item as the report prints it."""

    query: str  # generated from the plan, or the screened manual text
    status_label: str  # "Run — nothing found" / "Run — results recorded" / "Not possible" / "Not marked"
    reason: str | None  # screened; for "not possible"
    manual: bool


@dataclass(frozen=True)
class ReportItem:
    position: int
    section: str
    title: str
    platform: str | None
    status: str  # pending / no_findings / findings_recorded / not_applicable / unable_to_complete
    status_label: str
    reason: str | None
    searched: str | None
    notes: str | None
    completed_at: dt.datetime | None
    completed_by: str | None
    attestations_confirmed: tuple[str, ...]  # attestation texts, as confirmed
    findings: int
    queries: tuple[ReportQuery, ...] = ()  # the item's searches: planned (marked or not) and manual
    searches_planned: int = 0


@dataclass(frozen=True)
class ReportAccount:
    platform: str
    handle: str
    url: str
    ownership: str  # self_disclosed / identifiers_matched / not_confirmed
    ownership_label: str  # e.g. "Confirmed - 3 identifiers matched (e-mail address, username, photo)"


@dataclass(frozen=True)
class ReportFinding:
    number: int  # 1-based, in report order
    item_title: str
    platform: str
    account: str | None
    url: str
    post_date: dt.date | None
    captured_at: dt.datetime
    kind: str  # concern / mitigating
    categories: tuple[str, ...]  # concern category labels
    text: str  # redacted
    validation_status: str  # validated / unable_to_validate / refuted / unvalidated
    validation_methods: tuple[str, ...]  # labels
    validation_note: str | None
    validated_by: str | None
    validated_at: dt.datetime | None
    redactions: int
    attachment: str | None  # "name (sha256 …)"
    attachment_sha256: str | None = None  # printed in full so the capture kept elsewhere can be matched


@dataclass(frozen=True)
class ReportReview:
    action: str  # submit / return / approve / reopen / close
    label: str
    reason: str | None
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class ReportData:
    document_id: str
    generated_at: dt.datetime  # UTC
    generated_by: str
    local_tz_name: str
    page_size: str  # "letter" or "a4"
    draft: bool  # True unless approved/closed
    status: str
    candidate_name: str
    candidate_aliases: tuple[str, ...]
    process_name: str
    position_title: str
    investigator: str
    supervisor: str | None
    approved_at: dt.datetime | None
    template_label: str  # "JPD social media background check, version 1"
    attestation_texts: tuple[str, ...]
    items: tuple[ReportItem, ...]
    accounts: tuple[ReportAccount, ...]
    findings: tuple[ReportFinding, ...]
    category_summary: tuple[tuple[str, int, int], ...]  # (label, validated concern findings, all concern findings)
    redaction_total: int
    redaction_automatic: int
    redaction_manual: int
    dismissed_by_reason: tuple[tuple[str, int], ...]  # (reason label, count)
    screening_engine: str
    reviews: tuple[ReportReview, ...]
    audit_head: str  # "COUNT:HASH" of the audit chain at generation time (audit.head_token)
    signature_note: str = ""  # how the file is (or is not) digitally signed


@dataclass(frozen=True)
class UniformityReportData:
    """One-page uniformity table: every candidate of a hiring process against every item."""

    document_id: str
    generated_at: dt.datetime  # UTC
    generated_by: str
    page_size: str  # "letter" or "a4" (rendered landscape)
    process_name: str
    template_label: str
    items: tuple[str, ...]  # item titles in template order
    candidates: tuple[str, ...]  # candidate names (column/row order)
    statuses: tuple[str, ...]  # investigation status per candidate
    cells: tuple[tuple[tuple[str, dt.datetime | None], ...], ...]  # [candidate][item] -> (status label, date)
    audit_head: str = ""  # "COUNT:HASH" of the audit chain at generation time

    #: [candidate][item] -> (planned, run, not possible, manual) search counts
    searches: tuple[tuple[tuple[int, int, int, int], ...], ...] = ()
    #: [candidate][item] -> ((query, status label), ...): each search planned or run
    queries: tuple[tuple[tuple[tuple[str, str], ...], ...], ...] = ()


@dataclass(frozen=True)
class SignatureCheck:
    """The outcome of validating a PDF's digital signature (``reports.signing.validate``)."""

    signed: bool
    ok: bool
    message: str
    signer: str = ""
    signed_at: dt.datetime | None = None
