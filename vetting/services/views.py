"""Plain, frozen data that crosses the service boundary (never live ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Attestation:
    key: str
    text: str


@dataclass(frozen=True)
class TemplateItemView:
    id: int
    key: str
    title: str
    instruction: str
    findings_possible: bool
    platform: str | None
    attestations: tuple[str, ...]
    searches: tuple[dict, ...] = ()  # the item's query templates (see vetting.services.search_plans)


@dataclass(frozen=True)
class SectionView:
    title: str
    items: tuple[TemplateItemView, ...]


@dataclass(frozen=True)
class TemplateVersionView:
    id: int
    template_id: int
    template_name: str
    number: int
    attestations: tuple[Attestation, ...]
    sections: tuple[SectionView, ...]
    in_use: bool
    created_at: dt.datetime

    @property
    def label(self) -> str:
        return f"{self.template_name}, version {self.number}"


@dataclass(frozen=True)
class ProcessInfo:
    id: int
    name: str
    position_title: str
    template_version_id: int
    template_label: str
    investigations: int


@dataclass(frozen=True)
class CategoryInfo:
    code: str
    label: str
    description: str
    active: bool


@dataclass(frozen=True)
class CandidateView:
    id: int
    full_name: str
    aliases: tuple[str, ...]
    emails: tuple[str, ...]
    usernames: tuple[str, ...]
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class InvestigationRow:
    id: int
    candidate_name: str
    aliases: tuple[str, ...]
    process_id: int
    process_name: str
    investigator: str
    investigator_id: int
    status: str
    items_done: int
    items_total: int
    findings_total: int
    findings_unvalidated: int
    opened_at: dt.datetime


@dataclass(frozen=True)
class QueryView:
    """One search of an item: planned (generated from the template and the candidate's identifiers)
    or manual (screened text). ``id``/``status`` are None while a planned search is unmarked;
    ``planned`` is False for manual searches and for marks of searches no longer in the plan."""

    id: int | None
    origin: str  # plan / manual
    key: str
    label: str
    query: str
    url: str | None
    planned: bool
    status: str | None  # nothing_found / results_recorded / not_possible
    reason: str | None
    marked_by: str | None
    marked_at: dt.datetime | None
    version: int | None


@dataclass(frozen=True)
class ItemResultView:
    id: int
    position: int
    section: str
    key: str
    title: str
    instruction: str
    platform: str | None
    findings_possible: bool
    required_attestations: tuple[str, ...]
    status: str
    reason: str | None
    notes: str | None
    searched: str | None
    attestations_confirmed: tuple[str, ...]
    completed_by: str | None
    completed_at: dt.datetime | None
    version: int
    queries: tuple[QueryView, ...] = ()

    @property
    def terminal(self) -> bool:
        return self.status != "pending"

    @property
    def is_review(self) -> bool:
        """A confirmation or review item: the template says it takes no findings, so it is done
        (stored as ``no_findings``), not searched, and "what was searched" does not apply."""
        return not self.findings_possible

    @property
    def unmarked_queries(self) -> int:
        return sum(1 for q in self.queries if q.planned and q.status is None)


@dataclass(frozen=True)
class AccountView:
    id: int
    platform: str
    handle: str
    url: str
    matched: tuple[tuple[str, str], ...]  # (kind, value)
    self_disclosed: bool
    ownership: str
    ownership_label: str
    notes: str | None
    version: int


@dataclass(frozen=True)
class RedactionSummary:
    spans: int
    automatic: int
    manual: int
    dismissed: tuple[tuple[str, int], ...]  # (reason key, count)
    engine: str


@dataclass(frozen=True)
class FindingView:
    id: int
    item_result_id: int
    item_title: str
    account_id: int | None
    account_label: str | None
    platform: str
    url: str
    post_date: dt.date | None
    captured_at: dt.datetime
    kind: str
    categories: tuple[str, ...]
    text: str
    attachment_name: str | None
    attachment_sha256: str | None
    attachment_size: int | None
    attachment_type: str | None
    redaction: RedactionSummary
    validation_status: str
    validation_methods: tuple[str, ...]
    validation_note: str | None
    validated_by: str | None
    validated_at: dt.datetime | None
    created_by: str | None
    created_at: dt.datetime
    version: int


@dataclass(frozen=True)
class ReviewView:
    action: str
    from_status: str
    to_status: str
    reason: str | None
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class InvestigationDetail:
    id: int
    status: str
    candidate: CandidateView
    process_id: int
    process_name: str
    position_title: str
    template: TemplateVersionView
    investigator_id: int
    investigator: str
    approved_by: str | None
    approved_at: dt.datetime | None
    submitted_at: dt.datetime | None
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    outcome: str | None
    destruction_date: dt.date | None
    legal_hold: bool
    items: tuple[ItemResultView, ...]
    accounts: tuple[AccountView, ...]
    findings: tuple[FindingView, ...]
    reviews: tuple[ReviewView, ...]
    version: int

    @property
    def items_done(self) -> int:
        return sum(1 for i in self.items if i.terminal)

    @property
    def editable(self) -> bool:
        return self.status in ("open", "returned")


@dataclass(frozen=True)
class Problem:
    """One thing that blocks submission; ``target`` says where to jump (``item:ID``/``finding:ID``)."""

    message: str
    target: str
