"""Reports built from the database through the real screening path, read back from the PDF."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.factories import add_finding, complete_items, item, make_process, open_case, validate_all
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services.reports import generate_report, verify_report_bytes

# Each original text reveals protected-class information; the listed words must not survive.
LEAKY = [
    ("Just got baptized at First Baptist, praise God, a devout Baptist now. Also punched a guy at the bar.",
     ["Baptist", "baptized"]),
    ("20 weeks pregnant and still out drinking and driving lol", ["pregnant"]),
    ("I'm 52 years old and I still outrun the cops on my bike", ["52 years old"]),
    ("Being bipolar and off my meds makes me want to torch my ex's car", ["bipolar"]),
    ("Proud Filipino here, my lola raised me right, now watch me beat this DUI", ["Filipino"]),
    ("As a gay man I say: leak me the patrol schedule and I'll pay", ["gay"]),
    ("Newly divorced and my ex-husband can choke, I'll smash his windows", ["divorced", "ex-husband"]),
    ("Marine vet, two tours in Iraq, I know exactly how to make a pipe bomb", ["Iraq", "Marine"]),
]


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages)


def _meta(pdf: bytes) -> str:
    return str(dict(PdfReader(io.BytesIO(pdf)).metadata or {}))


@pytest.fixture
def reported(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid, name="Rhea Q. Reportson")
    for n, (txt, _) in enumerate(LEAKY):
        add_finding(db, investigator, case, key=("facebook", "instagram", "tiktok", "reddit")[n % 4], text=txt,
                    categories=["threats_harassment"])
    d = I.get_investigation(db, investigator, investigation_id=case.id)
    F.set_validation(db, investigator, finding_id=d.findings[0].id, expected_version=d.findings[0].version,
                     status="refuted", note="The account belongs to a namesake in Ohio.")
    F.set_validation(db, investigator, finding_id=d.findings[1].id, expected_version=d.findings[1].version,
                     status="unable_to_validate", note="Post deleted before it could be viewed.")
    d = complete_items(db, investigator, case.id)
    validate_all(db, investigator, d)
    return case


def test_report_leaks_no_protected_class_terms(db, supervisor, investigator, reported):
    I.submit_investigation(db, investigator, investigation_id=reported.id)
    I.approve_investigation(db, supervisor, investigation_id=reported.id)
    rep = generate_report(db, supervisor, investigation_id=reported.id)
    body, meta = _text(rep.pdf), _meta(rep.pdf)
    for _, words in LEAKY:
        for w in words:
            assert w.lower() not in body.lower(), f"{w!r} leaked into the report"
            assert w.lower() not in meta.lower()
    assert "Rhea" not in meta and "[REDACTED]" in body
    assert "punched a guy at the bar" in re.sub(r"\s+", " ", body)  # the conduct itself stays readable


def test_report_lists_every_item_in_order_and_groups_findings(db, supervisor, investigator, reported):
    I.submit_investigation(db, investigator, investigation_id=reported.id)
    rep = generate_report(db, supervisor, investigation_id=reported.id)
    body = _text(rep.pdf)
    flat = re.sub(r"\s+", " ", body)
    positions = [flat.find(i.title) for i in reported.items]
    assert all(p >= 0 for p in positions), "an item is missing from the report"
    assert positions == sorted(positions), "items are out of template order"
    v = flat.find("Validated (may be considered)")
    u = flat.find("Unable to validate")
    r = flat.find("Refuted (may not be considered)")
    assert -1 < v < u < r
    assert "DRAFT" in body and rep.draft


def test_approved_report_has_no_draft_banner_and_names_the_supervisor(db, supervisor, investigator, reported):
    I.submit_investigation(db, investigator, investigation_id=reported.id)
    I.approve_investigation(db, supervisor, investigation_id=reported.id)
    rep = generate_report(db, investigator, investigation_id=reported.id)
    body = _text(rep.pdf)
    assert "DRAFT" not in body and not rep.draft
    assert "Sgt. Sue Supervisor" in body
    pages = PdfReader(io.BytesIO(rep.pdf)).pages
    for n, page in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in page.extract_text()


def test_recorded_report_verifies_and_a_changed_byte_does_not(db, supervisor, reported):
    rep = generate_report(db, supervisor, investigation_id=reported.id)
    ok = verify_report_bytes(db, rep.pdf)
    assert ok.ok and ok.document_id == rep.document_id
    changed = bytearray(rep.pdf)
    changed[len(changed) // 3] ^= 0x20
    assert not verify_report_bytes(db, bytes(changed)).ok


def test_unassigned_investigator_cannot_generate_the_report(db, other_investigator, reported):
    from vetting.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        generate_report(db, other_investigator, investigation_id=reported.id)


def test_dismissed_biased_speech_is_kept_and_counted_by_reason_only(db, supervisor, investigator):
    from vetting.screening import Dismissal
    from vetting.services.screening import TextReview

    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    txt = "Those Muslims at the mosque downtown should all be run out of Juneau."
    s = txt.index("Muslims")
    f = F.add_finding(db, investigator, item_result_id=item(case, "facebook").id, platform="Facebook", text=txt,
                      categories=["bias_speech"],
                      review=TextReview(dismissed=(Dismissal(s, s + len("Muslims"), "biased_speech_evidence"),)))
    assert "Muslims" in f.text
    assert dict(f.redaction.dismissed) == {"biased_speech_evidence": 1}
    rep = generate_report(db, supervisor, investigation_id=case.id)
    body = re.sub(r"\s+", " ", _text(rep.pdf))
    assert "Target of biased speech kept as evidence of conduct" in body
