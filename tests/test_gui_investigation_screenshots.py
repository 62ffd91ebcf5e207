"""Renders the investigator's screens offscreen.

``VETTING_SCREENSHOTS=1 pytest tests/test_gui_investigation_screenshots.py`` writes
``docs/screenshots/investigation.png`` and ``docs/screenshots/finding-editor.png`` (used in the
README); otherwise the images go to a temporary directory, which still proves the screens render.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.factories import item, make_process, mark_plan, open_case
from tests.gui_fixtures import _wait_for_jobs, warm_engine  # noqa: F401 (fixtures)
from tests.test_gui_investigation import POST, make_ctx
from ui.investigation_view import InvestigationView
from vetting.services import findings as F
from vetting.services import investigations as I

pytestmark = pytest.mark.sqlite_only

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def _out(tmp_path: Path) -> Path:
    if os.environ.get("VETTING_SCREENSHOTS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        return DOCS
    return tmp_path


def test_render_investigation_view_and_finding_editor(qtbot, db, supervisor, investigator, warm_engine,
                                                      tmp_path):  # type: ignore[no-untyped-def]
    out = _out(tmp_path)
    d = open_case(db, supervisor, investigator, make_process(db, supervisor), name="Casey Q. Candidate",
                  aliases=("CQ", "Casey Quinn"))
    acc = F.add_account(db, investigator, investigation_id=d.id, platform="Facebook", handle="casey.q.candidate",
                        url="https://facebook.example/casey.q.candidate",
                        matched=[("full_name", "Casey Q. Candidate"), ("email", "casey@example.org"),
                                 ("photo", "profile photo")], self_disclosed=True)
    for key in ("lawful_methods", "web_search"):
        it = mark_plan(db, investigator, item(d, key))
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                      attestations=it.required_attestations, searched="Full name, aliases and caseyq.")
    fb = item(d, "facebook")
    f1 = F.add_finding(db, investigator, item_result_id=fb.id, platform="Facebook", text=POST,
                       url="https://facebook.example/casey.q.candidate/posts/1841", kind="concern",
                       categories=["bias_speech", "reckless_behaviour"], post_date=dt.date(2025, 3, 14),
                       account_id=acc.id)
    F.set_validation(db, investigator, finding_id=f1.id, expected_version=f1.version, status="validated",
                     methods=["account_ownership_confirmed", "seen_on_original_platform"],
                     note="Seen on the platform on 2026-02-03; account disclosed by the candidate.")
    F.add_finding(db, investigator, item_result_id=fb.id, platform="Facebook", kind="mitigating",
                  text="Organised a neighbourhood clean-up with 40 volunteers.",
                  url="https://facebook.example/casey.q.candidate/posts/1902", post_date=dt.date(2025, 6, 1),
                  account_id=acc.id)

    ctx = make_ctx(db, investigator)
    v = InvestigationView(ctx, d.id)
    qtbot.addWidget(v)
    v.resize(1440, 900)
    v.show()
    qtbot.waitUntil(lambda: v.detail is not None, timeout=10000)
    v.select_item(fb.id)
    for cb in v.attest_checks.values():
        cb.setChecked(True)
    v.status_combo.setCurrentIndex(v.status_combo.findData("findings_recorded"))
    with qtbot.waitSignal(v.searched.sig_screened, timeout=15000):
        v.searched.setPlainText("Searched 'Casey Q. Candidate', 'Casey Quinn', caseyq and casey@example.org. "
                                "Found the profile through her church youth group page.")
    v.notes.setPlainText("Two posts captured; the rest of the public timeline is holiday photos.")
    qtbot.waitUntil(lambda: v.notes.is_screening_done(), timeout=15000)
    qtbot.wait(50)
    v.findings.setCurrentItem(v.findings.topLevelItem(0))
    qtbot.wait(50)
    path = out / "investigation.png"
    assert v.grab().save(str(path))
    assert path.stat().st_size > 10000

    # The finding editor with the pasted post, highlights, one dismissal, one manual mark.
    v.notes.set_original_text(None)
    v.searched.set_original_text(None)
    dlg = v.new_finding()
    dlg.resize(1180, 760)
    dlg.url.setText("https://facebook.example/casey.q.candidate/posts/2210")
    dlg.set_categories(["bias_speech"])
    dlg.account.setCurrentIndex(1)
    dlg.post_date.setDate(dt.date(2025, 9, 20))
    with qtbot.waitSignal(dlg.text.sig_screened, timeout=15000):
        dlg.text.setPlainText(POST)
    h = next(x for x in dlg.text.highlights() if x.category == "NATIONAL_ORIGIN")
    dlg.text.dismiss(h.start, h.end, "biased_speech_evidence")
    start = POST.index("my old unit")
    dlg.text.mark(start, start + len("my old unit"), "MILITARY_STATUS")
    qtbot.waitUntil(lambda: "[REDACTED]" in dlg.preview.toPlainText(), timeout=5000)
    qtbot.wait(50)
    path = out / "finding-editor.png"
    assert dlg.grab().save(str(path))
    assert path.stat().st_size > 10000
    dlg.text.set_original_text(None)
    dlg.url.clear()
    dlg.done(0)
