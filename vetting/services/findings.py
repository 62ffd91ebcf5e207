"""Accounts found for the candidate, findings, and their validation.

Every text typed or pasted here passes through the screening seam — finding text and notes, and
the short fields too: platform, handle, URL (path and query; the host is kept), the values of
matched identifiers and the capture's file name. Only the redacted forms and the redaction
counts are stored. The short fields' review decisions arrive in ``reviews``, keyed by field
name (``"platform"``, ``"handle"``, ``"url"``, ``"attachment_name"``, ``"matched.<row>"``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select

from vetting.db import Database
from vetting.errors import NotFound, RuleViolation
from vetting.models import (
    Account,
    ConcernCategory,
    Finding,
    FindingKind,
    ItemResult,
    ItemStatus,
    Ownership,
    ValidationMethod,
    ValidationStatus,
    utcnow,
)
from vetting.services.captures import CaptureRef
from vetting.services.core import Actor, Op, operation, service
from vetting.services.investigations import (
    _record_detail,
    account_view,
    audit_screening,
    check_version,
    finding_view,
    load_investigation,
    screening_options,
)
from vetting.services.screening import (
    ScreenResult,
    TextReview,
    screen_for_file,
    screen_optional,
    screen_short,
)
from vetting.services.settings import all_in
from vetting.services.views import AccountView, FindingView

IDENTIFIER_KINDS = {
    "full_name": "Full name",
    "alias": "Alias or nickname",
    "email": "E-mail address",
    "username": "Username",
    "phone": "Phone number",
    "photo": "Photo matches the candidate",
    "location": "Location",
    "employer_school": "Employer or school",
    "associates": "Known associates",
}
METHOD_LABELS = {
    ValidationMethod.OWNERSHIP_CONFIRMED.value: "Account ownership confirmed",
    ValidationMethod.SEEN_ON_PLATFORM.value: "Content seen on the original platform",
    ValidationMethod.DATE_CONFIRMED.value: "Date confirmed",
    ValidationMethod.CORROBORATED.value: "Corroborated by an independent source",
}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Keep:
    """Marker: leave the stored value as it is."""


KEEP = Keep()
MAX_URL = 4000


def _ownership(self_disclosed: bool, matched: list[dict[str, str]], needed: int) -> str:
    if self_disclosed:
        return Ownership.SELF_DISCLOSED.value
    if len(matched) >= needed:
        return Ownership.IDENTIFIERS_MATCHED.value
    return Ownership.NOT_CONFIRMED.value


def _matched(op: Op, pairs: Iterable[tuple[str, str]], reviews: dict[str, TextReview], stored: list[Any] = (),
             ) -> tuple[list[dict[str, str]], dict[str, ScreenResult]]:
    out: list[dict[str, str]] = []
    results: dict[str, ScreenResult] = {}
    kept = {(m["kind"], m["value"]) for m in stored}
    for row, (kind, value) in enumerate(pairs):
        if kind not in IDENTIFIER_KINDS:
            raise RuleViolation(f"Unknown identifier kind {kind!r}; use one of {', '.join(IDENTIFIER_KINDS)}.")
        value = (value or "").strip()
        res = screen_short(value, reviews.get(f"matched.{row}"), stored=value if (kind, value) in kept else None,
                           what=f"The {IDENTIFIER_KINDS[kind].lower()} identifier", limit=200,
                           options=screening_options(op.session))
        results[f"matched.{row}"] = res
        item = {"kind": kind, "value": res.text}
        if item not in out:
            out.append(item)
    return out, results


def _url(op: Op, url: str, review: TextReview | None, stored: str | None = None) -> ScreenResult:
    url = (url or "").strip()
    if len(url) > MAX_URL:
        raise RuleViolation(f"The URL is {len(url):,} characters long; the limit is {MAX_URL:,}.")
    if any(ord(c) < 32 for c in url):
        raise RuleViolation("The URL contains control characters; paste it again.")
    return screen_short(url, review, stored=stored, what="The URL", limit=MAX_URL, kind="url",
                        options=screening_options(op.session))


def _short(op: Op, value: str, review: TextReview | None, *, what: str, limit: int,
           stored: str | None = None) -> ScreenResult:
    return screen_short(value, review, stored=stored, what=what, limit=limit, options=screening_options(op.session))


def _account_fields(op: Op, acc: Account | None, platform: str, handle: str, url: str,
                    matched: Iterable[tuple[str, str]], reviews: dict[str, TextReview],
                    ) -> tuple[dict[str, ScreenResult], list[dict[str, str]]]:
    res = {
        "platform": _short(op, platform, reviews.get("platform"), what="The platform", limit=80,
                           stored=acc.platform if acc else None),
        "handle": _short(op, handle, reviews.get("handle"), what="The handle", limit=200,
                         stored=acc.handle if acc else None),
        "url": _url(op, url, reviews.get("url"), acc.url if acc else None),
    }
    m, mres = _matched(op, matched, reviews, acc.matched if acc else ())
    res.update(mres)
    return res, m


@service
def add_account(db: Database, actor: Actor, *, investigation_id: int, platform: str, handle: str, url: str = "",
                matched: Iterable[tuple[str, str]] = (), self_disclosed: bool = False,
                notes: str | None = None, notes_review: TextReview | None = None,
                reviews: dict[str, TextReview] | None = None) -> AccountView:
    """Record an account found for the candidate (assigned investigator). Ownership is confirmed
    only by the candidate's disclosure or by the configured number of matched identifiers.
    Platform, handle, URL and each matched value are screened (``reviews`` by field name)."""
    if not platform.strip() or not handle.strip():
        raise RuleViolation("An account needs a platform and a handle.")
    with operation(db, actor, "account.create", object_type="investigation", object_id=investigation_id) as op:
        inv = load_investigation(op, investigation_id, edit=True)
        fields, m = _account_fields(op, None, platform, handle, url, matched, reviews or {})
        res = screen_optional(notes, notes_review, options=screening_options(op.session), what="Notes")
        acc = Account(investigation_id=inv.id, platform=fields["platform"].text, handle=fields["handle"].text,
                      url=fields["url"].text, matched=m, self_disclosed=self_disclosed,
                      ownership=_ownership(self_disclosed, m, all_in(op.session)["identifiers_to_confirm_account"]),
                      notes=res.text if res else None, created_by_id=op.user.id)
        op.session.add(acc)
        op.session.flush()
        op.audit(object_type="account", object_id=acc.id, detail={"investigation_id": inv.id, "ownership": acc.ownership})
        audit_screening(op, "account", acc.id, {**fields, "notes": res})
        return account_view(acc)


@service
def update_account(db: Database, actor: Actor, *, account_id: int, expected_version: int | None, platform: str,
                   handle: str, url: str = "", matched: Iterable[tuple[str, str]] = (), self_disclosed: bool = False,
                   notes: str | None = None, notes_review: TextReview | None = None,
                   reviews: dict[str, TextReview] | None = None) -> AccountView:
    """Edit an account (assigned investigator); fields are screened as in :func:`add_account`."""
    if not platform.strip() or not handle.strip():
        raise RuleViolation("An account needs a platform and a handle.")
    with operation(db, actor, "account.update", object_type="account", object_id=account_id) as op:
        acc = op.session.get(Account, account_id)
        if acc is None:
            raise NotFound(f"Account {account_id} does not exist.")
        load_investigation(op, acc.investigation_id, edit=True)
        check_version(acc, expected_version)
        fields, m = _account_fields(op, acc, platform, handle, url, matched, reviews or {})
        res = screen_optional(notes, notes_review, options=screening_options(op.session), what="Notes",
                              stored=acc.notes)
        acc.platform, acc.handle, acc.url = fields["platform"].text, fields["handle"].text, fields["url"].text
        acc.matched, acc.self_disclosed = m, self_disclosed
        acc.ownership = _ownership(self_disclosed, m, all_in(op.session)["identifiers_to_confirm_account"])
        acc.notes = res.text if res else None
        op.session.flush()
        op.detail = {"ownership": acc.ownership}
        op.audit()
        audit_screening(op, "account", acc.id, {**fields, "notes": res})
        return account_view(acc)


def _check_account(op: Op, investigation_id: int, account_id: int | None) -> None:
    if account_id is not None:
        acc = op.session.get(Account, account_id)
        if acc is None or acc.investigation_id != investigation_id:
            raise RuleViolation("The account does not belong to this investigation.")


def _categories(op: Op, kind: str, categories: Iterable[str]) -> list[str]:
    cats = sorted(set(categories))
    known = set(op.session.scalars(select(ConcernCategory.code)))
    unknown = [c for c in cats if c not in known]
    if unknown:
        raise RuleViolation(f"Unknown concern category: {', '.join(unknown)}.")
    if kind == FindingKind.CONCERN.value and not cats:
        raise RuleViolation("A finding of concern needs at least one concern category.")
    return cats


def _kind(kind: str) -> str:
    try:
        return FindingKind(kind).value
    except ValueError as exc:
        raise RuleViolation("A finding is either 'concern' or 'mitigating'.") from exc


def _capture(ref: CaptureRef | None, name: str | None, sha: str | None) -> CaptureRef | None:
    """The capture a finding references: ``ref`` (from :func:`capture_reference`) or the legacy
    name + SHA-256 pair typed in (size and type unknown)."""
    if ref is None and not name and not sha:
        return None
    if ref is None:
        if not name or not sha or not _SHA256.match(sha.lower()):
            raise RuleViolation("An attachment is referenced by its file name and its SHA-256 (64 hex digits).")
        return CaptureRef(name, -1, "", sha.lower())
    if not _SHA256.match(ref.sha256) or ref.size < 0:
        raise RuleViolation("The capture reference is incomplete; choose the file again.")
    return ref


def _capture_name(op: Op, ref: CaptureRef | None, review: TextReview | None, stored: str | None = None
                  ) -> ScreenResult | None:
    """The capture's file name through the screening seam (a file name can say anything)."""
    if ref is None:
        return None
    return _short(op, ref.name.strip()[:255], review, what="The capture's file name", limit=255, stored=stored)


def set_capture(f: Finding, ref: CaptureRef | None, name: ScreenResult | None = None) -> None:
    """The one place a finding's capture reference (screened name, size, type, SHA-256) is set."""
    if ref is None or name is None:
        f.attachment_name = f.attachment_sha256 = f.attachment_type = None
        f.attachment_size = None
        return
    f.attachment_name = name.text
    f.attachment_sha256 = ref.sha256
    f.attachment_size = ref.size if ref.size >= 0 else None
    f.attachment_type = ref.media_type[:100] or None


def _apply_text(op: Op, f: Finding, text: str, review: TextReview | None) -> dict:
    if not text or not text.strip():
        raise RuleViolation("The finding's text is empty; paste or type what was posted.")
    res = screen_for_file(text, review, options=screening_options(op.session), what="The finding's text")
    rec = res.record
    f.text = res.text
    f.redaction_spans = rec.span_count
    f.redaction_automatic = rec.automatic_count
    f.redaction_manual = rec.manual_count
    f.redaction_dismissed = res.dismissed_by_reason
    f.redaction_engine = rec.engine_version[:255]
    f.redaction_confirm = {"redacted": rec.confirm_redacted, "kept": rec.confirm_kept}
    f.redacted_by_id = op.user.id
    f.redacted_at = utcnow()
    return _record_detail(rec)


@service
def add_finding(
    db: Database,
    actor: Actor,
    *,
    item_result_id: int,
    platform: str,
    text: str,
    url: str = "",
    kind: str = "concern",
    categories: Iterable[str] = (),
    post_date: dt.date | None = None,
    captured_at: dt.datetime | None = None,
    account_id: int | None = None,
    review: TextReview | None = None,
    attachment_name: str | None = None,
    attachment_sha256: str | None = None,
    reviews: dict[str, TextReview] | None = None,
    capture: CaptureRef | None = None,
) -> FindingView:
    """Record a finding under a checklist item (assigned investigator). ``text`` is the original
    post; it is screened with the investigator's ``review`` decisions and only the redacted form is
    stored. Platform, URL and the capture's file name are screened too (decisions in ``reviews``
    under ``"platform"``, ``"url"``, ``"attachment_name"``). ``capture`` references the capture file
    (name, size, type, SHA-256; never its content). New findings start ``unvalidated``."""
    reviews = reviews or {}
    with operation(db, actor, "finding.create", object_type="item_result", object_id=item_result_id) as op:
        r = op.session.get(ItemResult, item_result_id)
        if r is None:
            raise NotFound(f"Checklist item {item_result_id} does not exist.")
        inv = load_investigation(op, r.investigation_id, edit=True)
        if not r.item.findings_possible:
            raise RuleViolation(f"The item '{r.item.title}' does not take findings.")
        _check_account(op, inv.id, account_id)
        if not platform.strip():
            raise RuleViolation("A finding needs a platform.")
        k = _kind(kind)
        captured = captured_at or utcnow()
        if captured.tzinfo is None:
            raise RuleViolation("The capture time needs a time zone.")
        ref = _capture(capture, attachment_name, attachment_sha256)
        name = _capture_name(op, ref, reviews.get("attachment_name"))
        fields = {"platform": _short(op, platform, reviews.get("platform"), what="The platform", limit=80),
                  "url": _url(op, url, reviews.get("url")), "attachment_name": name}
        f = Finding(investigation_id=inv.id, item_result_id=r.id, account_id=account_id,
                    platform=fields["platform"].text, url=fields["url"].text, post_date=post_date,
                    captured_at=captured, kind=k, categories=_categories(op, k, categories), created_by_id=op.user.id)
        set_capture(f, ref, name)
        red = _apply_text(op, f, text, review)
        op.session.add(f)
        if r.status == ItemStatus.NO_FINDINGS.value:
            r.status = ItemStatus.PENDING.value  # the recorded outcome no longer holds
        op.session.flush()
        op.audit(object_type="finding", object_id=f.id, detail={"investigation_id": inv.id, "kind": k})
        op.audit("screening.apply", object_type="finding", object_id=f.id, detail={"field": "text", **red})
        audit_screening(op, "finding", f.id, fields)
        return finding_view(f)


@service
def update_finding(
    db: Database,
    actor: Actor,
    *,
    finding_id: int,
    expected_version: int | None,
    platform: str,
    url: str = "",
    kind: str = "concern",
    categories: Iterable[str] = (),
    post_date: dt.date | None = None,
    captured_at: dt.datetime | None = None,
    account_id: int | None = None,
    text: str | None = None,
    review: TextReview | None = None,
    reviews: dict[str, TextReview] | None = None,
    capture: CaptureRef | None | Keep = KEEP,
) -> FindingView:
    """Edit a finding (assigned investigator). ``text=None`` keeps the stored text; a new text is
    screened again, as are a changed platform or URL (``reviews`` as in :func:`add_finding`).
    ``capture`` replaces the capture reference (``None`` removes it; the default keeps it).
    Changing a finding resets its validation to ``unvalidated``."""
    reviews = reviews or {}
    with operation(db, actor, "finding.update", object_type="finding", object_id=finding_id) as op:
        f = op.session.get(Finding, finding_id)
        if f is None:
            raise NotFound(f"Finding {finding_id} does not exist.")
        inv = load_investigation(op, f.investigation_id, edit=True)
        check_version(f, expected_version)
        _check_account(op, inv.id, account_id)
        k = _kind(kind)
        if not platform.strip():
            raise RuleViolation("A finding needs a platform.")
        fields = {"platform": _short(op, platform, reviews.get("platform"), what="The platform", limit=80,
                                     stored=f.platform),
                  "url": _url(op, url, reviews.get("url"), f.url)}
        f.platform, f.url, f.kind = fields["platform"].text, fields["url"].text, k
        f.categories = _categories(op, k, categories)
        f.post_date, f.account_id = post_date, account_id
        if captured_at is not None:
            f.captured_at = captured_at
        if not isinstance(capture, Keep):
            ref = _capture(capture, None, None)
            fields["attachment_name"] = _capture_name(op, ref, reviews.get("attachment_name"))
            set_capture(f, ref, fields["attachment_name"])
        red = _apply_text(op, f, text, review) if text is not None and text != f.text else None
        f.validation_status = ValidationStatus.UNVALIDATED.value
        f.validation_methods, f.validation_note, f.validated_by_id, f.validated_at = [], None, None, None
        op.session.flush()
        op.audit()
        if red:
            op.audit("screening.apply", object_type="finding", object_id=f.id, detail={"field": "text", **red})
        audit_screening(op, "finding", f.id, fields)
        return finding_view(f)


@service
def delete_finding(db: Database, actor: Actor, *, finding_id: int, expected_version: int | None) -> None:
    """Remove a finding recorded in error (assigned investigator, while the case is editable)."""
    with operation(db, actor, "finding.delete", object_type="finding", object_id=finding_id) as op:
        f = op.session.get(Finding, finding_id)
        if f is None:
            raise NotFound(f"Finding {finding_id} does not exist.")
        load_investigation(op, f.investigation_id, edit=True)
        check_version(f, expected_version)
        r = f.item_result
        op.session.delete(f)
        op.session.flush()
        left = op.session.scalar(select(func.count()).select_from(Finding).where(Finding.item_result_id == r.id))
        if not left and r.status == ItemStatus.FINDINGS_RECORDED.value:
            r.status = ItemStatus.PENDING.value


@service
def set_validation(
    db: Database,
    actor: Actor,
    *,
    finding_id: int,
    expected_version: int | None,
    status: str,
    methods: Iterable[str] = (),
    note: str | None = None,
    note_review: TextReview | None = None,
) -> FindingView:
    """Record how a finding was validated (assigned investigator). ``validated`` requires at least
    one method and a note; the note is screened."""
    try:
        st = ValidationStatus(status)
    except ValueError as exc:
        raise RuleViolation(f"Unknown validation status {status!r}.") from exc
    ms = sorted(set(methods))
    for m in ms:
        if m not in METHOD_LABELS:
            raise RuleViolation(f"Unknown validation method {m!r}.")
    if st == ValidationStatus.VALIDATED and not ms:
        raise RuleViolation("To mark the finding validated, choose at least one validation method.")
    if st in (ValidationStatus.VALIDATED, ValidationStatus.UNABLE_TO_VALIDATE, ValidationStatus.REFUTED) and not (note or "").strip():
        raise RuleViolation("Add a note saying how the finding was (or could not be) validated.")
    with operation(db, actor, "finding.validate", object_type="finding", object_id=finding_id) as op:
        f = op.session.get(Finding, finding_id)
        if f is None:
            raise NotFound(f"Finding {finding_id} does not exist.")
        load_investigation(op, f.investigation_id, edit=True)
        check_version(f, expected_version)
        if ValidationMethod.DATE_CONFIRMED.value in ms and f.post_date is None:
            raise RuleViolation("'Date confirmed' needs the post's date: enter it in the finding (Edit finding…, "
                                "Posted on) first, or choose another method.")
        res = screen_optional(note, note_review, options=screening_options(op.session), what="The validation note",
                              stored=f.validation_note)
        f.validation_status = st.value
        f.validation_methods = ms if st != ValidationStatus.UNVALIDATED else []
        f.validation_note = res.text if res else None
        if st == ValidationStatus.UNVALIDATED:
            f.validated_by_id, f.validated_at = None, None
        else:
            f.validated_by_id, f.validated_at = op.user.id, utcnow()
        op.session.flush()
        op.detail = {"status": st.value, "methods": ms}
        op.audit()
        if res and (res.record.span_count or res.record.dismissed_count):
            op.audit("screening.apply", object_type="finding", object_id=f.id,
                     detail={"field": "validation_note", **_record_detail(res.record)})
        return finding_view(f)
