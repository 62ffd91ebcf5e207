"""Signed reports: an approved report is signed (PAdES) with the configured certificate and
validates without the database; drafts stay unsigned and say so; any change after signing is refused."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import func, select

from tests.factories import add_finding, complete_items, make_process, open_case, validate_all
from vetting.config import load_config
from vetting.models import ReportRecord
from vetting.services import investigations as I
from vetting.services import reports as R
from vetting.services import signing as S

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_signing():
    return S.install_demo_certificate(load_config())


@pytest.fixture
def approved(db, supervisor, investigator):
    d = open_case(db, supervisor, investigator, make_process(db, supervisor))
    add_finding(db, investigator, d)
    validate_all(db, investigator, I.get_investigation(db, investigator, investigation_id=d.id))
    complete_items(db, investigator, d.id)
    I.submit_investigation(db, investigator, investigation_id=d.id)
    I.approve_investigation(db, supervisor, investigation_id=d.id)
    return d.id


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _pyhanko_status(pdf: bytes, root: Path):
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    sig = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    return validate_pdf_signature(sig, ValidationContext(trust_roots=[load_cert_from_pemder(str(root))]))


def test_an_approved_report_is_signed_and_validates_with_pyhanko(db, supervisor, approved, demo_signing):
    rep = R.generate_report(db, supervisor, investigation_id=approved)
    assert rep.signed and not rep.draft
    status = _pyhanko_status(rep.pdf, demo_signing.trust_root)
    assert status.bottom_line and status.intact and status.valid and status.trusted
    assert "DEMONSTRATION ONLY" in status.signing_cert.subject.human_friendly
    assert "digitally signed (PAdES)" in _text(rep.pdf)
    with db.read() as s:
        rec = s.scalars(select(ReportRecord).where(ReportRecord.document_id == rep.document_id)).one()
        assert rec.signed and rec.sha256 == rep.sha256  # the record is of the signed file
    check = R.verify_report_file(rep.pdf, db=None)
    assert check.ok and check.signature.ok and check.record is None


def test_a_draft_stays_unsigned_and_says_so(db, supervisor, investigator, demo_signing):
    d = open_case(db, supervisor, investigator, make_process(db, supervisor))
    rep = R.generate_report(db, supervisor, investigation_id=d.id)
    assert rep.draft and not rep.signed
    assert not pypdf.PdfReader(io.BytesIO(rep.pdf)).get_fields()
    assert "This is a draft and is not digitally signed" in _text(rep.pdf)
    assert not R.verify_report_file(rep.pdf, db=None).ok  # no signature and no database: unverifiable
    assert R.verify_report_file(rep.pdf, db=db).ok  # the record still vouches for it


def test_an_approved_report_without_a_configured_certificate_says_it_is_not_signed(db, supervisor, approved):
    rep = R.generate_report(db, supervisor, investigation_id=approved)
    assert not rep.signed and "not digitally signed: no department signing certificate" in _text(rep.pdf)


def test_one_changed_byte_or_an_update_after_signing_is_refused(db, supervisor, approved, demo_signing):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = R.generate_report(db, supervisor, investigation_id=approved).pdf
    changed = bytearray(pdf)
    changed[len(changed) // 3] ^= 0x01
    check = R.verify_report_file(bytes(changed), db=db)
    assert not check.ok and not check.signature.ok and not check.record.ok

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    w.root["/Lang"] = generic.TextStringObject("de")
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    check = R.verify_report_file(out.getvalue(), db=None)
    assert not check.ok and "added to the file after it was signed" in check.signature.message


def test_a_signature_from_another_root_is_not_trusted(db, supervisor, approved, demo_signing, tmp_path,
                                                      monkeypatch):
    pdf = R.generate_report(db, supervisor, investigation_id=approved).pdf
    _p12, other_root = S.make_certificate_pair(tmp_path, organisation="Elsewhere", signer="Someone else",
                                               passphrase=b"other")
    monkeypatch.setenv("VETTING_SIGNING_TRUST_ROOT", str(other_root))
    check = R.verify_report_file(pdf, db=None)
    assert not check.ok and "does not chain to a configured trust root" in check.signature.message


def test_a_wrong_passphrase_is_a_clear_refusal_and_records_nothing(db, supervisor, approved, demo_signing,
                                                                   monkeypatch):
    monkeypatch.setenv(S.PASSPHRASE_ENV, "not the passphrase")
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(ReportRecord))
    with pytest.raises(S.SigningUnavailable, match="passphrase is wrong"):
        R.generate_report(db, supervisor, investigation_id=approved)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ReportRecord)) == before


def test_the_uniformity_report_is_recorded_and_verifies(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid)
    rep = R.generate_uniformity_report(db, supervisor, process_id=pid)
    with db.read() as s:
        rec = s.scalars(select(ReportRecord).where(ReportRecord.document_id == rep.document_id)).one()
    assert rec.process_id == pid and rec.investigation_id is None and rec.sha256 == rep.sha256
    assert R.verify_report_bytes(db, rep.pdf).ok


@pytest.mark.sqlite_only
def test_report_verify_command_works_with_no_database_configured(db, supervisor, approved, demo_signing, tmp_path):
    pdf = tmp_path / "approved.pdf"
    pdf.write_bytes(R.generate_report(db, supervisor, investigation_id=approved).pdf)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VETTING_DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}"}
    r = subprocess.run([sys.executable, "-m", "vetting.cli", "report", "verify", str(pdf)], capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Signature: OK" in r.stdout and "Record: not checked" in r.stdout and r.stderr == ""
    data = bytearray(pdf.read_bytes())
    data[-200] ^= 0x01
    pdf.write_bytes(bytes(data))
    r = subprocess.run([sys.executable, "-m", "vetting.cli", "report", "verify", str(pdf)], capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 1 and "NOT VERIFIED" in r.stdout and "Traceback" not in r.stderr
