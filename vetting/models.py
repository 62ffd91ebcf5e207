"""ORM models (data only). Rules live in :mod:`vetting.services`.

Every text column a person types or pastes into uses a screened column type
(:class:`ScreenedText`, :class:`ScreenedString` or, for lists of identifiers,
:class:`ScreenedJSON`), which refuses at bind time any value that did not come out of the
screening seam (:mod:`vetting.services.screening`): the storage cannot hold an unscreened text.
The few text columns that are not screened are listed, each with its reason, in
:data:`UNSCREENED_COLUMNS` (tests/test_screened_columns.py walks every column against it).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every backend (stored naive UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Screened(str):
    """A text that has been through the screening seam (redacted form). Only the seam makes these."""

    __slots__ = ()


def _require_screened(value: object) -> None:
    if not isinstance(value, Screened):
        raise TypeError(
            "unscreened text reached a screened column; pass it through "
            "vetting.services.screening.screen_for_file first"
        )


class ScreenedText(TypeDecorator[str]):
    """Text column that accepts only :class:`Screened` values (or ``None``)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        _require_screened(value)
        return str(value)

    def process_result_value(self, value: str | None, dialect: Any) -> Screened | None:
        return None if value is None else Screened(value)


class ScreenedString(ScreenedText):
    """:class:`ScreenedText` stored as ``VARCHAR(length)`` (short fields: platform, handle, names)."""

    impl = String
    cache_ok = True


class ScreenedJSON(TypeDecorator[Any]):
    """A JSON list of screened strings, or of objects whose ``keys`` hold screened strings
    (e.g. ``[{"kind": "location", "value": <screened>}]``). Other keys hold fixed codes."""

    impl = JSON
    cache_ok = True

    def __init__(self, keys: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.keys = tuple(keys)

    def _texts(self, value: list[Any]) -> list[Any]:
        out = []
        for v in value:
            if isinstance(v, dict):
                out.extend(v.get(k) for k in self.keys if v.get(k) is not None)
            else:
                out.append(v)
        return out

    def process_bind_param(self, value: list[Any] | None, dialect: Any) -> list[Any] | None:
        if value is None:
            return None
        for text in self._texts(value):
            _require_screened(text)
        return [({k: str(x) if k in self.keys and x is not None else x for k, x in v.items()}
                 if isinstance(v, dict) else str(v)) for v in value]

    def process_result_value(self, value: list[Any] | None, dialect: Any) -> list[Any] | None:
        if value is None:
            return None
        return [({k: Screened(x) if k in self.keys and isinstance(x, str) else x for k, x in v.items()}
                 if isinstance(v, dict) else Screened(v)) for v in value]


#: Text columns that do not go through the screening seam, with the reason for each. Every
#: other String/Text/JSON column must use a screened type (tests/test_screened_columns.py).
UNSCREENED_COLUMNS: dict[str, str] = {
    # staff and system identities
    "user_account.username": "a staff member's sign-in name, not subject information",
    "user_account.display_name": "a staff member's name, not subject information",
    "user_account.role": "enum (Role)",
    "user_account.password_hash": "a password hash (argon2), no text",
    # department configuration written by administrators: procedure text, never about a candidate
    "checklist_template.name": "department configuration (template name)",
    "checklist_template.description": "department configuration (template description)",
    "template_version.attestations": "department configuration (attestation keys and wording)",
    "template_version.note": "department configuration (what changed in the version)",
    "template_section.title": "department configuration (section title)",
    "template_item.key": "department configuration (item key)",
    "template_item.title": "department configuration (item title)",
    "template_item.instruction": "department configuration (item instruction)",
    "template_item.platform": "department configuration (the platform the item searches)",
    "template_item.attestations": "attestation keys (codes)",
    "concern_category.code": "code of a concern category",
    "concern_category.label": "department configuration (concern category label)",
    "concern_category.description": "department configuration (concern category description)",
    "setting.key": "setting key (code)",
    "setting.value": "department settings (retention years, banner, thresholds), not subject information",
    "hiring_process.name": "names a hiring process (e.g. 'Police Officer - 2027 spring'), not a person",
    "hiring_process.position_title": "the position hired for, not a person",
    # the candidate's legal name is the identifier of the file
    "candidate.full_name": "the candidate's legal name identifies the file; names are identifiers, not "
                           "protected information (aliases, e-mails and user names are screened)",
    "candidate.search_key": "derived: case-folded copy of the full name and the screened aliases",
    # enums, codes, hashes, ids, versions
    "investigation.status": "enum (InvestigationStatus)",
    "investigation.outcome": "enum (Outcome)",
    "investigation.purge_rule": "written by the purge command from the retention schedule, not typed",
    "item_result.status": "enum (ItemStatus)",
    "item_result.attestations_confirmed": "attestation keys (codes)",
    "account.ownership": "enum (Ownership)",
    "finding.kind": "enum (FindingKind)",
    "finding.categories": "concern category codes",
    "finding.attachment_sha256": "SHA-256 of the capture (64 hex digits)",
    "finding.redaction_dismissed": "redaction record: dismissal reason keys and counts",
    "finding.redaction_engine": "screening engine version string",
    "template_item.search_plan": "the template's query templates (department wording, versioned with the template)",
    "search_query_run.origin": "enum: planned or manual search",
    "search_query_run.plan_key": "key of the template's query template",
    "search_query_run.query": "built only from the template and the candidate's legal name and screened identifiers",
    "search_query_run.url": "built only from the template and the candidate's legal name and screened identifiers",
    "search_query_run.status": "enum: how a search was marked",
    "finding.attachment_type": "the capture file's media type (e.g. image/png), detected, not typed",
    "finding.redaction_confirm": "redaction record: counts of confirm-tier suggestions redacted and kept",
    "local_terms_version.content": "the department's vocabulary to screen for (terms), not subject data",
    "local_terms_version.digest": "SHA-256 of the local term list",
    "local_terms_version.note": "an administrator's reason for changing the term list, not subject data",
    "finding.validation_status": "enum (ValidationStatus)",
    "finding.validation_methods": "validation method codes",
    "review_event.action": "enum (submit/return/approve/reopen/close)",
    "review_event.from_status": "enum (InvestigationStatus)",
    "review_event.to_status": "enum (InvestigationStatus)",
    "report_record.document_id": "random document id",
    "report_record.sha256": "SHA-256 of the PDF",
    "report_record.audit_head": "audit chain head (count and hash)",
    "audit_event.username": "a staff member's sign-in name",
    "audit_event.workstation": "the workstation's host name",
    "audit_event.event_type": "event code",
    "audit_event.object_type": "object type code",
    "audit_event.object_id": "object id",
    "audit_event.outcome": "enum (success/denied/refused/failed/conflict)",
    "audit_event.detail": "ids, codes and counts only (vetting.services.audit never records subject data)",
    "audit_event.prev_hash": "SHA-256 chain link",
    "audit_event.hash": "SHA-256 chain link",
    "audit_head.last_hash": "SHA-256 chain link",
}


class Role(enum.StrEnum):
    INVESTIGATOR = "investigator"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


class InvestigationStatus(enum.StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    CLOSED = "closed"
    PURGED = "purged"


class ItemStatus(enum.StrEnum):
    PENDING = "pending"
    NO_FINDINGS = "no_findings"
    FINDINGS_RECORDED = "findings_recorded"
    NOT_APPLICABLE = "not_applicable"
    UNABLE_TO_COMPLETE = "unable_to_complete"


TERMINAL_ITEM_STATUSES = frozenset(
    {ItemStatus.NO_FINDINGS, ItemStatus.FINDINGS_RECORDED, ItemStatus.NOT_APPLICABLE, ItemStatus.UNABLE_TO_COMPLETE}
)
REASON_REQUIRED = frozenset({ItemStatus.NOT_APPLICABLE, ItemStatus.UNABLE_TO_COMPLETE})
#: Outcomes that say the item was searched: "what was searched" is required for them, except on a
#: review item (a template item with ``findings_possible`` false: a confirmation or review, not a search).
SEARCHED_REQUIRED = frozenset({ItemStatus.NO_FINDINGS, ItemStatus.FINDINGS_RECORDED})


class ValidationStatus(enum.StrEnum):
    UNVALIDATED = "unvalidated"
    VALIDATED = "validated"
    UNABLE_TO_VALIDATE = "unable_to_validate"
    REFUTED = "refuted"


class ValidationMethod(enum.StrEnum):
    OWNERSHIP_CONFIRMED = "account_ownership_confirmed"
    SEEN_ON_PLATFORM = "seen_on_original_platform"
    DATE_CONFIRMED = "date_confirmed"
    CORROBORATED = "corroborated_independent_source"


class QueryStatus(enum.StrEnum):
    NOTHING_FOUND = "nothing_found"
    RESULTS_RECORDED = "results_recorded"
    NOT_POSSIBLE = "not_possible"


class FindingKind(enum.StrEnum):
    CONCERN = "concern"
    MITIGATING = "mitigating"


class Ownership(enum.StrEnum):
    SELF_DISCLOSED = "self_disclosed"
    IDENTIFIERS_MATCHED = "identifiers_matched"
    NOT_CONFIRMED = "not_confirmed"


class Outcome(enum.StrEnum):
    HIRED = "hired"
    NOT_HIRED = "not_hired"
    WITHDRAWN = "withdrawn"


def _enum_values(e: type[enum.Enum]) -> str:
    return ", ".join(f"'{m.value}'" for m in e)


pk = Annotated[int, mapped_column(primary_key=True)]
str80 = Annotated[str, mapped_column(String(80))]
str200 = Annotated[str, mapped_column(String(200))]
created = Annotated[dt.datetime, mapped_column(UTCDateTime, default=utcnow)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON, list[str]: JSON}


class User(Base):
    __tablename__ = "user_account"
    __table_args__ = (CheckConstraint(f"role IN ({_enum_values(Role)})", name="role"),)

    id: Mapped[pk]
    username: Mapped[str80] = mapped_column(unique=True)
    display_name: Mapped[str200]
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[created]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class ChecklistTemplate(Base):
    __tablename__ = "checklist_template"

    id: Mapped[pk]
    name: Mapped[str200] = mapped_column(unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[created]

    versions: Mapped[list[TemplateVersion]] = relationship(
        back_populates="template", order_by="TemplateVersion.number"
    )


class TemplateVersion(Base):
    """One immutable-once-used version of a template. ``attestations`` = [{key, text}]."""

    __tablename__ = "template_version"
    __table_args__ = (UniqueConstraint("template_id", "number", name="uq_template_version_number"),)

    id: Mapped[pk]
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_template.id"))
    number: Mapped[int]
    attestations: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[created]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    template: Mapped[ChecklistTemplate] = relationship(back_populates="versions")
    sections: Mapped[list[TemplateSection]] = relationship(
        back_populates="version", order_by="TemplateSection.position", cascade="all, delete-orphan"
    )


class TemplateSection(Base):
    __tablename__ = "template_section"
    __table_args__ = (UniqueConstraint("version_id", "position", name="uq_template_section_position"),)

    id: Mapped[pk]
    version_id: Mapped[int] = mapped_column(ForeignKey("template_version.id"))
    position: Mapped[int]
    title: Mapped[str200]

    version: Mapped[TemplateVersion] = relationship(back_populates="sections")
    items: Mapped[list[TemplateItem]] = relationship(
        back_populates="section", order_by="TemplateItem.position", cascade="all, delete-orphan"
    )


class TemplateItem(Base):
    __tablename__ = "template_item"
    __table_args__ = (UniqueConstraint("section_id", "position", name="uq_template_item_position"),)

    id: Mapped[pk]
    section_id: Mapped[int] = mapped_column(ForeignKey("template_section.id"))
    position: Mapped[int]
    key: Mapped[str80]
    title: Mapped[str200]
    instruction: Mapped[str] = mapped_column(Text)
    findings_possible: Mapped[bool] = mapped_column(Boolean, default=True)
    platform: Mapped[str | None] = mapped_column(String(80))
    attestations: Mapped[list[str]] = mapped_column(default=list)  # keys of the version's attestations
    # Search plan: query templates (format in vetting/data/README.md), versioned with the item.
    search_plan: Mapped[list[Any]] = mapped_column(default=list)

    section: Mapped[TemplateSection] = relationship(back_populates="items")


class ConcernCategory(Base):
    __tablename__ = "concern_category"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    label: Mapped[str200]
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class HiringProcess(Base):
    __tablename__ = "hiring_process"

    id: Mapped[pk]
    name: Mapped[str200] = mapped_column(unique=True)
    position_title: Mapped[str200]
    template_version_id: Mapped[int] = mapped_column(ForeignKey("template_version.id"))
    created_at: Mapped[created]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    template_version: Mapped[TemplateVersion] = relationship()


class Candidate(Base):
    """A candidate and the identifiers they disclosed (what searches use).

    ``search_key`` is a lower-cased copy of the name and aliases for the navigator's search.
    """

    __tablename__ = "candidate"

    id: Mapped[pk]
    full_name: Mapped[str200]
    aliases: Mapped[list[str]] = mapped_column(ScreenedJSON(), default=list)
    emails: Mapped[list[str]] = mapped_column(ScreenedJSON(), default=list)
    usernames: Mapped[list[str]] = mapped_column(ScreenedJSON(), default=list)
    places: Mapped[list[str]] = mapped_column(ScreenedJSON(), default=list)  # cities/towns lived in, as disclosed
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[created]


class Investigation(Base):
    __tablename__ = "investigation"
    __table_args__ = (
        CheckConstraint(f"status IN ({_enum_values(InvestigationStatus)})", name="status"),
        CheckConstraint(f"outcome IS NULL OR outcome IN ({_enum_values(Outcome)})", name="outcome"),
        UniqueConstraint("process_id", "candidate_id", name="uq_investigation_process_candidate"),
        Index("ix_investigation_status_opened", "status", "opened_at"),
        Index("ix_investigation_investigator", "investigator_id"),
    )

    id: Mapped[pk]
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))
    process_id: Mapped[int] = mapped_column(ForeignKey("hiring_process.id"), index=True)
    investigator_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    status: Mapped[str] = mapped_column(String(20), default=InvestigationStatus.OPEN.value)
    opened_at: Mapped[created]
    submitted_at: Mapped[dt.datetime | None]
    approved_at: Mapped[dt.datetime | None]
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    closed_at: Mapped[dt.datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    destruction_date: Mapped[dt.date | None] = mapped_column(Date)
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_hold_reason: Mapped[str | None] = mapped_column(ScreenedText)
    purged_at: Mapped[dt.datetime | None]
    purged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    purge_rule: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(default=1)

    candidate: Mapped[Candidate] = relationship()
    process: Mapped[HiringProcess] = relationship()
    investigator: Mapped[User] = relationship(foreign_keys=[investigator_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    items: Mapped[list[ItemResult]] = relationship(
        back_populates="investigation", order_by="ItemResult.position", cascade="all, delete-orphan"
    )
    findings: Mapped[list[Finding]] = relationship(
        back_populates="investigation", order_by="Finding.id", cascade="all, delete-orphan"
    )
    accounts: Mapped[list[Account]] = relationship(
        back_populates="investigation", order_by="Account.id", cascade="all, delete-orphan"
    )
    reviews: Mapped[list[ReviewEvent]] = relationship(
        back_populates="investigation", order_by="ReviewEvent.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class ItemResult(Base):
    """One checklist item of one investigation; created for every item when the case opens."""

    __tablename__ = "item_result"
    __table_args__ = (
        UniqueConstraint("investigation_id", "item_id", name="uq_item_result_item"),
        CheckConstraint(f"status IN ({_enum_values(ItemStatus)})", name="status"),
    )

    id: Mapped[pk]
    investigation_id: Mapped[int] = mapped_column(ForeignKey("investigation.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("template_item.id"))
    position: Mapped[int]
    status: Mapped[str] = mapped_column(String(30), default=ItemStatus.PENDING.value)
    reason: Mapped[str | None] = mapped_column(ScreenedText)
    notes: Mapped[str | None] = mapped_column(ScreenedText)
    searched: Mapped[str | None] = mapped_column(ScreenedText)  # what was searched (terms, identifiers)
    attestations_confirmed: Mapped[list[str]] = mapped_column(default=list)
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    completed_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    investigation: Mapped[Investigation] = relationship(back_populates="items")
    item: Mapped[TemplateItem] = relationship()
    completed_by: Mapped[User | None] = relationship()
    query_runs: Mapped[list[SearchQueryRun]] = relationship(
        back_populates="item_result", order_by="SearchQueryRun.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class Account(Base):
    """An account found for the candidate. ``matched`` = [{"kind": "email"|"username"|..., "value": ...}]."""

    __tablename__ = "account"

    id: Mapped[pk]
    investigation_id: Mapped[int] = mapped_column(ForeignKey("investigation.id"), index=True)
    platform: Mapped[str] = mapped_column(ScreenedString(80))
    handle: Mapped[str] = mapped_column(ScreenedString(200))
    url: Mapped[str] = mapped_column(ScreenedText, default=lambda: Screened(""))
    matched: Mapped[list[Any]] = mapped_column(ScreenedJSON(keys=("value",)), default=list)
    self_disclosed: Mapped[bool] = mapped_column(Boolean, default=False)
    ownership: Mapped[str] = mapped_column(String(30), default=Ownership.NOT_CONFIRMED.value)
    notes: Mapped[str | None] = mapped_column(ScreenedText)
    created_at: Mapped[created]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    version: Mapped[int] = mapped_column(default=1)

    investigation: Mapped[Investigation] = relationship(back_populates="accounts")

    __mapper_args__ = {"version_id_col": version}


class Finding(Base):
    __tablename__ = "finding"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_enum_values(FindingKind)})", name="kind"),
        CheckConstraint(f"validation_status IN ({_enum_values(ValidationStatus)})", name="validation_status"),
        Index("ix_finding_investigation_validation", "investigation_id", "validation_status"),
    )

    id: Mapped[pk]
    investigation_id: Mapped[int] = mapped_column(ForeignKey("investigation.id"))
    item_result_id: Mapped[int] = mapped_column(ForeignKey("item_result.id"), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    platform: Mapped[str] = mapped_column(ScreenedString(80))
    url: Mapped[str] = mapped_column(ScreenedText, default=lambda: Screened(""))
    post_date: Mapped[dt.date | None] = mapped_column(Date)
    captured_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(20), default=FindingKind.CONCERN.value)
    categories: Mapped[list[str]] = mapped_column(default=list)  # concern category codes
    text: Mapped[str] = mapped_column(ScreenedText)
    attachment_name: Mapped[str | None] = mapped_column(ScreenedString(255))
    attachment_sha256: Mapped[str | None] = mapped_column(String(64))
    # Capture by reference (the file itself is never stored): size in bytes and media type.
    attachment_size: Mapped[int | None] = mapped_column(BigInteger)
    attachment_type: Mapped[str | None] = mapped_column(String(100))
    # Redaction record: counts only - never words, categories, or a hash of the original.
    redaction_spans: Mapped[int] = mapped_column(default=0)
    redaction_automatic: Mapped[int] = mapped_column(default=0)
    redaction_manual: Mapped[int] = mapped_column(default=0)
    redaction_dismissed: Mapped[dict[str, Any]] = mapped_column(default=dict)  # reason key -> count
    redaction_engine: Mapped[str] = mapped_column(String(255), default="")
    # confirm-tier suggestions: {"redacted": n, "kept": n} (counts only)
    redaction_confirm: Mapped[dict[str, Any] | None] = mapped_column(default=dict)
    redacted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    redacted_at: Mapped[dt.datetime | None]
    validation_status: Mapped[str] = mapped_column(String(30), default=ValidationStatus.UNVALIDATED.value)
    validation_methods: Mapped[list[str]] = mapped_column(default=list)
    validation_note: Mapped[str | None] = mapped_column(ScreenedText)
    validated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    validated_at: Mapped[dt.datetime | None]
    created_at: Mapped[created]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    version: Mapped[int] = mapped_column(default=1)

    investigation: Mapped[Investigation] = relationship(back_populates="findings")
    item_result: Mapped[ItemResult] = relationship()
    account: Mapped[Account | None] = relationship()
    validated_by: Mapped[User | None] = relationship(foreign_keys=[validated_by_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    __mapper_args__ = {"version_id_col": version}


class SearchQueryRun(Base):
    """One search of an item's plan (or a manual extra search) marked by the investigator.

    ``origin`` is ``plan`` or ``manual``. A planned search keeps ``plan_key`` and the ``query`` as
    generated by the template from the candidate's disclosed identifiers (the same values the
    candidate row holds, so it is a documented exception to screening: no free text enters it).
    A manual search is free text and is stored screened in ``manual_query``. A ``not_possible``
    mark needs a (screened) reason.
    """

    __tablename__ = "search_query_run"
    __table_args__ = (
        CheckConstraint(f"status IN ({_enum_values(QueryStatus)})", name="status"),
        CheckConstraint("origin IN ('plan', 'manual')", name="origin"),
    )

    id: Mapped[pk]
    item_result_id: Mapped[int] = mapped_column(ForeignKey("item_result.id"), index=True)
    origin: Mapped[str] = mapped_column(String(10))
    plan_key: Mapped[str | None] = mapped_column(String(80))
    query: Mapped[str | None] = mapped_column(Text)  # generated (plan) only; see the class docstring
    url: Mapped[str | None] = mapped_column(Text)  # generated (plan) only
    manual_query: Mapped[str | None] = mapped_column(ScreenedText)
    status: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(ScreenedText)
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    marked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    item_result: Mapped[ItemResult] = relationship(back_populates="query_runs")
    marked_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class ReviewEvent(Base):
    """Submission, return, approval, reopening and closing of an investigation, with reason."""

    __tablename__ = "review_event"

    id: Mapped[pk]
    investigation_id: Mapped[int] = mapped_column(ForeignKey("investigation.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # submit / return / approve / reopen / close
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(ScreenedText)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[created]

    investigation: Mapped[Investigation] = relationship(back_populates="reviews")
    user: Mapped[User] = relationship()


class ReportRecord(Base):
    __tablename__ = "report_record"

    id: Mapped[pk]
    document_id: Mapped[str] = mapped_column(String(64), unique=True)
    # An investigation report, or (investigation_id NULL) a hiring process's uniformity report.
    investigation_id: Mapped[int | None] = mapped_column(ForeignKey("investigation.id"), index=True)
    process_id: Mapped[int | None] = mapped_column(ForeignKey("hiring_process.id"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    draft: Mapped[bool] = mapped_column(Boolean)
    signed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    audit_head: Mapped[str] = mapped_column(String(100), default="")
    generated_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    generated_at: Mapped[created]


class Setting(Base):
    """Department-wide setting (JSON value), declared with type and default in services.settings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[created]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class LocalTermsVersion(Base):
    """One version of the department's local screening terms (the whole list, in the local term
    format of ``vetting/screening/terms/README.md``). Versions are never changed: a change adds a
    version, and every workstation screens with the newest. The list is vocabulary to look for,
    not subject data, so it is stored as typed by the administrator."""

    __tablename__ = "local_terms_version"

    id: Mapped[pk]
    content: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    term_count: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[created]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class AuditEvent(Base):
    """Append-only, hash-chained. Holds ids and labels, never subject data (names, texts)."""

    __tablename__ = "audit_event"
    __table_args__ = (
        CheckConstraint("outcome IN ('success', 'denied', 'refused', 'failed', 'conflict')", name="outcome"),
        Index("ix_audit_event_object", "object_type", "object_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    user_id: Mapped[int | None]
    username: Mapped[str] = mapped_column(String(80), default="")
    workstation: Mapped[str] = mapped_column(String(255), default="")
    event_type: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(String(40), default="")
    outcome: Mapped[str] = mapped_column(String(20))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain head stored apart from the events: detects truncation of the tail."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
