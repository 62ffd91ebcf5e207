"""Every text a person types or pastes is screened before it is stored (issue 15, point 1), and
the reviewer of an investigation never worked on it (issue 15, point 2).

* Every String/Text/JSON column of the model uses a screened column type or is a documented
  exception (``vetting.models.UNSCREENED_COLUMNS``, one reason each).
* Protected-class words typed into identifiers, handles, URLs, platforms, capture names and
  aliases reach neither the database (its file bytes on SQLite, every row on PostgreSQL), nor a
  backup, nor the export bundle, nor the PDF.
* Separation of duties: an investigator promoted to supervisor cannot approve, return or close
  the case they worked on; another supervisor can.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import JSON, String, select

from tests.conftest import make_user
from tests.factories import complete_items, item, make_process, open_case, validate_all
from vetting import models
from vetting.errors import PermissionDenied, RuleViolation, SeparationOfDuties
from vetting.models import AuditEvent, Base, ScreenedJSON, ScreenedText
from vetting.screening import Dismissal
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import records as Rec
from vetting.services import reports as R
from vetting.services import users as U
from vetting.services.screening import TextReview, screen_for_file, screen_lines

#: Protected-class words typed into the short fields below; none may be stored anywhere.
LEAK_WORDS = ("pregnant", "catholic", "gay", "veteran", "army")
_LEAK = re.compile(rb"(?i)(?<![a-z])(" + b"|".join(w.encode() for w in LEAK_WORDS) + rb")(?![a-z])")
SHA = "ab" * 32


def leaks(data: bytes | str) -> list[str]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return sorted({m.group(1).decode().lower() for m in _LEAK.finditer(data)})


# ---------------------------------------------------------------------------- the column walk


def test_every_text_column_is_screened_or_a_documented_exception():
    unscreened, stale = [], set(models.UNSCREENED_COLUMNS)
    for mapper in Base.registry.mappers:
        for col in mapper.columns:
            name = f"{col.table.name}.{col.name}"
            stale.discard(name)
            if isinstance(col.type, ScreenedText | ScreenedJSON):
                assert name not in models.UNSCREENED_COLUMNS, f"{name} is screened; drop it from the exceptions"
                continue
            textual = isinstance(col.type, String | JSON) or isinstance(getattr(col.type, "impl", None), String | JSON)
            if textual and not models.UNSCREENED_COLUMNS.get(name, "").strip():
                unscreened.append(name)
    assert not unscreened, ("text columns that neither use a screened type nor are listed, with a reason, in "
                            f"vetting.models.UNSCREENED_COLUMNS: {unscreened}")
    assert not stale, f"exceptions naming columns that do not exist: {sorted(stale)}"


def test_the_typed_fields_named_in_the_issue_use_screened_types():
    cols = {f"{c.table.name}.{c.name}": c.type for m in Base.registry.mappers for c in m.columns}
    for name in ("account.platform", "account.handle", "account.url", "account.matched", "finding.platform",
                 "finding.url", "finding.attachment_name", "candidate.aliases", "candidate.emails",
                 "candidate.usernames"):
        assert isinstance(cols[name], ScreenedText | ScreenedJSON), name


def test_a_screened_json_column_refuses_an_unscreened_value(db, admin, supervisor, investigator):
    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="unscreened text"), db.write() as s:
        s.get(models.Candidate, case.candidate.id).aliases = ["Army Mike"]


# ---------------------------------------------------------------------------- seam behaviour


def test_urls_keep_their_host_and_are_redacted_inside_path_and_query():
    r = screen_for_file("https://www.catholic.example/groups/gay-police-officers?ref=pregnant_moms#x", kind="url")
    assert r.text == "https://www.catholic.example/groups/[REDACTED]-police-officers?ref=[REDACTED]_moms#x"
    assert screen_for_file("social.example/p/veteran-pride/1", kind="url").text == "social.example/p/[REDACTED]-pride/1"
    assert screen_for_file("https://social.example/u/12345", kind="url").text == "https://social.example/u/12345"


def test_identifiers_are_read_word_by_word():
    assert screen_for_file("gay_cops88", kind="words").text == "[REDACTED]_cops88"
    assert screen_for_file("veteran.mike@example.org", kind="words").text == "[REDACTED].mike@example.org"
    assert screen_for_file("pregnant-selfie.png", kind="words").text == "[REDACTED]-selfie.png"


def test_aliases_keep_nicknames_and_names_and_redact_descriptors():
    got = [r.text for r in screen_lines(["Big Mike", "Army Mike", "JJ", "Mike Christian", "Gay Mike"], what="Alias")]
    assert got == ["Big Mike", "[REDACTED] Mike", "JJ", "Mike Christian", "[REDACTED] Mike"]


def test_a_list_review_applies_to_the_right_line():
    text = "Big Mike\n  Army Mike\n\nGay Mike"
    start = text.index("Army")
    review = TextReview(dismissed=(Dismissal(start, start + 4, "not_protected"),))
    got = [r.text for r in screen_lines(text.split("\n"), review, what="Alias")]
    assert got == ["Big Mike", "Army Mike", "[REDACTED] Mike"]


def test_an_over_long_short_field_is_refused_with_the_limit(db, admin, supervisor, investigator):
    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    with pytest.raises(RuleViolation, match="limit is 80"):
        F.add_account(db, investigator, investigation_id=case.id, platform="P" * 81, handle="h")


# ---------------------------------------------------------------------------- no leak anywhere


def _typed_case(db, supervisor, investigator):  # type: ignore[no-untyped-def]
    pid = make_process(db, supervisor)
    case = I.open_investigation(db, supervisor, process_id=pid, investigator_id=investigator.user_id,
                                full_name="Casey Q. Candidate", aliases=["Army Mike", "Big Mike"],
                                emails=["veteran.mike@example.org"], usernames=["gay_cops88"])
    acc = F.add_account(db, investigator, investigation_id=case.id, platform="Catholic Singles", handle="gay_cops88",
                        url="https://social.example/groups/gay-police-officers?ref=pregnant_moms",
                        matched=[("location", "near the fire station, seven months pregnant"),
                                 ("username", "gay_cops88"), ("alias", "Army Mike")])
    F.add_finding(db, investigator, item_result_id=item(case, "facebook").id, platform="Catholic Singles",
                  text="Posted a video doing 120 mph on the highway.", categories=["reckless_behaviour"],
                  url="https://social.example/p/veteran-pride/1", account_id=acc.id,
                  attachment_name="pregnant-selfie.png", attachment_sha256=SHA, post_date=dt.date(2025, 1, 2))
    d = complete_items(db, investigator, case.id)
    validate_all(db, investigator, d)
    I.submit_investigation(db, investigator, investigation_id=case.id)
    return case


def _all_rows_text(db) -> str:  # type: ignore[no-untyped-def]
    out = []
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_event":
                out += [repr(tuple(r)) for r in s.execute(select(AuditEvent.detail))]
                continue
            out += [repr(tuple(r)) for r in s.execute(select(table))]
    return "\n".join(out)


def test_typed_protected_words_reach_no_stored_form(db, admin, supervisor, investigator, tmp_path):
    case = _typed_case(db, supervisor, investigator)
    detail = I.get_investigation(db, supervisor, investigation_id=case.id)
    # What is kept: nicknames, hosts, the shape of identifiers.
    assert detail.candidate.aliases == ("[REDACTED] Mike", "Big Mike")
    acc = detail.accounts[0]
    assert acc.url == "https://social.example/groups/[REDACTED]-police-officers?ref=[REDACTED]_moms"
    assert acc.handle == "[REDACTED]_cops88" and acc.platform == "[REDACTED] Singles"
    assert ("location", "near the fire station, [REDACTED]") in acc.matched
    f = detail.findings[0]
    assert f.url == "https://social.example/p/[REDACTED]-pride/1" and f.attachment_name == "[REDACTED]-selfie.png"

    I.approve_investigation(db, supervisor, investigation_id=case.id)
    report = R.generate_report(db, supervisor, investigation_id=case.id)
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages)
    assert "Big Mike" in pdf_text.replace("\n", " ")
    assert leaks(pdf_text) == []

    bundle = tmp_path / "bundle.zip"
    gen = Rec.export_bundle(db, supervisor, output=bundle, investigation_ids=[case.id])
    for _ in gen:
        pass
    with zipfile.ZipFile(bundle) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith(".pdf"):
                data = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).encode()
            assert leaks(data) == [], name
        assert any(n.endswith("investigation.json") or n.endswith(".json") for n in z.namelist())

    assert leaks(_all_rows_text(db)) == []
    if db.sqlite_path is not None:
        db.dispose()
        raw = b"".join(p.read_bytes() for p in Path(db.sqlite_path).parent.glob(Path(db.sqlite_path).name + "*"))
        assert leaks(raw) == []
        backup = Rec.backup_database(db, admin, output=tmp_path / "backup.sqlite3")
        assert leaks(backup.path.read_bytes()) == []


def test_editing_a_finding_screens_a_changed_url_and_keeps_an_unchanged_one(db, admin, supervisor, investigator):
    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    url = "https://social.example/p/gay-pride"
    start = url.index("gay")
    kept = F.add_finding(db, investigator, item_result_id=item(case, "facebook").id, platform="Facebook",
                         text="Drove drunk again.", categories=["reckless_behaviour"], url=url,
                         reviews={"url": TextReview(dismissed=(Dismissal(start, start + 3, "biased_speech_evidence"),))})
    assert kept.url == url  # dismissed with a reason by the investigator
    same = F.update_finding(db, investigator, finding_id=kept.id, expected_version=kept.version, platform="Facebook",
                            url=kept.url, categories=["reckless_behaviour"])
    assert same.url == url  # unchanged: the reviewed value stays as it was saved
    changed = F.update_finding(db, investigator, finding_id=kept.id, expected_version=same.version,
                               platform="Facebook", url=url + "/veteran", categories=["reckless_behaviour"])
    assert changed.url == "https://social.example/p/[REDACTED]-pride/[REDACTED]"


def test_screening_of_typed_fields_is_audited_without_the_words(db, admin, supervisor, investigator):
    case = _typed_case(db, supervisor, investigator)
    with db.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "screening.apply")).all()
    fields = {e.detail["field"] for e in events}
    assert {"platform", "handle", "url", "matched.0", "attachment_name", "aliases.0"} <= fields
    assert leaks(repr([e.detail for e in events])) == []
    assert case.id


# ---------------------------------------------------------------------------- separation of duties


def _submitted(db, supervisor, investigator):  # type: ignore[no-untyped-def]
    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    complete_items(db, investigator, case.id)
    I.submit_investigation(db, investigator, investigation_id=case.id)
    return case


def test_a_promoted_investigator_cannot_approve_return_or_close_their_own_case(db, admin, supervisor, investigator):
    case = _submitted(db, supervisor, investigator)
    U.set_user_role(db, admin, user_id=investigator.user_id, role="supervisor")
    with pytest.raises(SeparationOfDuties, match="another supervisor") as err:
        I.approve_investigation(db, investigator, investigation_id=case.id)
    assert "assigned investigator" in str(err.value)
    with pytest.raises(SeparationOfDuties):
        I.return_investigation(db, investigator, investigation_id=case.id, reason="Redo it.")
    assert I.get_investigation(db, supervisor, investigation_id=case.id).status == "submitted"
    with db.read() as s:
        denied = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "investigation.approve",
                                                    AuditEvent.outcome == "denied")).all()
    assert denied and denied[-1].user_id == investigator.user_id
    assert I.approve_investigation(db, supervisor, investigation_id=case.id).status == "approved"
    with pytest.raises(SeparationOfDuties):
        I.close_investigation(db, investigator, investigation_id=case.id, outcome="hired")
    assert I.close_investigation(db, supervisor, investigation_id=case.id, outcome="hired").status == "closed"


def test_an_earlier_editor_of_the_findings_cannot_review_after_reassignment(db, admin, supervisor, investigator):
    fred = make_user(db, admin, "fred", "investigator")
    case = open_case(db, supervisor, fred, make_process(db, supervisor))
    F.add_finding(db, fred, item_result_id=item(case, "facebook").id, platform="Facebook",
                  text="Drove drunk again.", categories=["reckless_behaviour"])
    I.reassign_investigation(db, supervisor, investigation_id=case.id, investigator_id=investigator.user_id)
    validate_all(db, investigator, complete_items(db, investigator, case.id))
    I.submit_investigation(db, investigator, investigation_id=case.id)
    U.set_user_role(db, admin, user_id=fred.user_id, role="supervisor")
    with pytest.raises(SeparationOfDuties, match="worked on it"):
        I.approve_investigation(db, fred, investigation_id=case.id)
    assert issubclass(SeparationOfDuties, PermissionDenied)
    assert I.approve_investigation(db, supervisor, investigation_id=case.id).status == "approved"


def test_the_creator_of_a_finding_deleted_after_reassignment_cannot_review(db, admin, supervisor, investigator):
    fred = make_user(db, admin, "fred", "investigator")
    case = open_case(db, supervisor, fred, make_process(db, supervisor))
    f = F.add_finding(db, fred, item_result_id=item(case, "facebook").id, platform="Facebook",
                      text="Drove drunk again.", categories=["reckless_behaviour"])
    I.reassign_investigation(db, supervisor, investigation_id=case.id, investigator_id=investigator.user_id)
    F.delete_finding(db, investigator, finding_id=f.id, expected_version=None)
    complete_items(db, investigator, case.id)
    I.submit_investigation(db, investigator, investigation_id=case.id)
    U.set_user_role(db, admin, user_id=fred.user_id, role="supervisor")
    with pytest.raises(SeparationOfDuties, match="worked on it"):
        I.return_investigation(db, fred, investigation_id=case.id, reason="Redo it.")
    assert I.return_investigation(db, supervisor, investigation_id=case.id, reason="Redo it.").status == "returned"
