"""The search plan and the capture box through the real widgets (pytest-qt), a real SQLite database
and the real screening engine. Opening a browser is asserted through a patched
``QDesktopServices.openUrl`` (never a real call); copying through the real clipboard.

``VETTING_SCREENSHOTS=1`` writes the rendered plan panel and uniformity view to docs/screenshots/.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QScrollArea

from tests.factories import complete_items, make_process, validate_all
from tests.gui_fixtures import _wait_for_jobs, warm_engine  # noqa: F401 (fixtures)
from tests.test_gui_investigation import make_ctx
from ui.finding_editor import FindingEditor
from ui.investigation_view import InvestigationView
from ui.search_plan_panel import QueryRow
from ui.uniformity import UniformityView
from vetting.screening import REDACTION_TOKEN
from vetting.services import investigations as I
from vetting.services import search_plans as S

pytestmark = pytest.mark.sqlite_only

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
FONT = Path(__file__).resolve().parents[1] / "reports" / "fonts" / "DejaVuSans.ttf"




@pytest.fixture
def opened(monkeypatch):  # type: ignore[no-untyped-def]
    """Every URL the workbench asks the system to open (none is really opened)."""
    calls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        calls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return calls


@pytest.fixture
def case(db, supervisor, investigator):  # type: ignore[no-untyped-def]
    return I.open_investigation(db, supervisor, process_id=make_process(db, supervisor),
                                investigator_id=investigator.user_id, full_name="Jordan Alexander Whitfield",
                                aliases=["Jordy"], emails=["jwhitfield@example.org"], usernames=["jaw_907"],
                                places=["Juneau"])


@pytest.fixture
def view(qtbot, db, investigator, warm_engine, case):  # type: ignore[no-untyped-def]
    v = InvestigationView(make_ctx(db, investigator), case.id)
    qtbot.addWidget(v)
    v.resize(1500, 1000)
    v.show()
    qtbot.waitUntil(lambda: v.detail is not None, timeout=10000)
    return v


def show_item(qtbot, v: InvestigationView, key: str) -> None:  # type: ignore[no-untyped-def]
    target = next(i for i in v.detail.items if i.key == key)
    v.select_item(target.id)
    qtbot.waitUntil(lambda: v.current_item_id() == target.id, timeout=5000)


def rows(v: InvestigationView) -> list[QueryRow]:
    return v.plan.rows


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Press a real button, scrolled into view first (a click lands where the pointer is)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _out(tmp_path: Path) -> Path:
    if os.environ.get("VETTING_SCREENSHOTS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        return DOCS
    return tmp_path


def test_copy_and_open_in_browser_act_only_on_click(qtbot, view, opened):  # type: ignore[no-untyped-def]
    show_item(qtbot, view, "instagram")
    assert [r.query.query for r in rows(view)][:1] == ["instagram.com/jaw_907"]
    QGuiApplication.clipboard().setText("before")
    qtbot.wait(200)
    assert opened == [] and QGuiApplication.clipboard().text() == "before"  # showing the plan opens nothing
    profile = rows(view)[0]
    click(qtbot, profile.copy_button)
    assert QGuiApplication.clipboard().text() == "instagram.com/jaw_907"
    assert opened == []
    click(qtbot, profile.open_button)
    assert opened == ["https://www.instagram.com/jaw_907/"]
    web = rows(view)[1]
    click(qtbot, web.open_button)
    assert opened[1] == web.query.url and opened[1].startswith("https://www.google.com/search?q=site")


def test_marking_searches_through_the_widgets_lets_the_item_be_completed(qtbot, view, db, investigator):  # type: ignore[no-untyped-def]
    show_item(qtbot, view, "reddit")
    assert len(rows(view)) == 2
    for cb in view.attest_checks.values():
        cb.setChecked(True)
    view.status_combo.setCurrentIndex(view.status_combo.findData("no_findings"))
    click(qtbot, view.save_button)
    assert "2 planned searches are not marked" in view.item_error.text()
    # Run - nothing found on the first search.
    click(qtbot, rows(view)[0].mark_buttons["nothing_found"])
    qtbot.waitUntil(lambda: rows(view)[0].query.status == "nothing_found", timeout=10000)
    # Not possible on the second: the reason is asked for, and is required.
    click(qtbot, rows(view)[1].mark_buttons["not_possible"])
    assert view.plan.reason_box.isVisible() and rows(view)[1].query.status is None
    click(qtbot, view.plan.reason_ok)
    assert "reason is required" in view.plan.error.text()
    qtbot.keyClicks(view.plan.reason, "Reddit search needs sign-in from this network")
    qtbot.waitUntil(view.plan.reason.is_screening_done, timeout=10000)
    click(qtbot, view.plan.reason_ok)
    qtbot.waitUntil(lambda: rows(view)[1].query.status == "not_possible", timeout=10000)
    assert "sign-in" in rows(view)[1].state.text()
    # "What was searched" was filled from the plan.
    searched = view.searched.original_text()
    assert "reddit.com/user/jaw_907 — run — nothing found" in searched and "not possible" in searched
    # A manual extra search, screened like every text.
    qtbot.keyClicks(view.plan.manual_query, "jaw907 Catholic youth group forum")
    qtbot.waitUntil(view.plan.manual_query.is_screening_done, timeout=10000)
    click(qtbot, view.plan.manual_add)
    qtbot.waitUntil(lambda: len(rows(view)) == 3, timeout=10000)
    manual = rows(view)[2].query
    assert manual.origin == "manual" and REDACTION_TOKEN in manual.query and "Catholic" not in manual.query
    qtbot.waitUntil(view.searched.is_screening_done, timeout=10000)
    click(qtbot, view.save_button)
    qtbot.waitUntil(lambda: not view._saving, timeout=15000)
    assert not view.item_error.isVisible(), view.item_error.text()
    stored = next(i for i in I.get_investigation(db, investigator, investigation_id=view.investigation_id).items
                  if i.key == "reddit")
    assert stored.status == "no_findings" and stored.unmarked_queries == 0
    assert "reddit.com/user/jaw_907" in (stored.searched or "")


def _png(path: Path, text: str) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 44)
    img = Image.new("RGB", (1500, 260), "white")
    draw = ImageDraw.Draw(img)
    for n, line in enumerate(text.split("\n")):
        draw.text((40, 40 + n * 80), line, fill="black", font=font)
    img.save(path)


def _editor(qtbot, view) -> FindingEditor:  # type: ignore[no-untyped-def]
    show_item(qtbot, view, "facebook")
    from tests.test_gui_investigation import show_findings_tab

    show_findings_tab(qtbot, view)  # findings have a tab of their own
    click(qtbot, view.new_finding_button)
    dlg = view.finding_editor
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    return dlg


def test_dropping_a_capture_file_fills_name_size_and_sha256(qtbot, view, tmp_path):  # type: ignore[no-untyped-def]
    shot = tmp_path / "facebook post 2025-01-02.png"
    _png(shot, "Drove 120 mph home again")
    dlg = _editor(qtbot, view)
    box = dlg.capture
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shot))])
    # What a drag from the file manager delivers: enter (accepted only for a local file), move, drop.
    args = (QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(box, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(box, QDragMoveEvent(*args))
    QApplication.sendEvent(box, QDropEvent(*args))
    qtbot.waitUntil(lambda: box.ref is not None or box.error.isVisible(), timeout=10000)
    assert not box.error.isVisible(), box.error.text()
    assert box.name_label.text() == shot.name, box.name_label.text()
    assert box.name_label.text() == shot.name
    assert box.sha_label.text() == hashlib.sha256(shot.read_bytes()).hexdigest()
    assert "image/png" in box.size_label.text() and "KB" in box.size_label.text()
    dlg.done(0)


def test_choosing_a_web_archive_records_it_on_the_saved_finding(qtbot, view, db, investigator, tmp_path,
                                                                monkeypatch):  # type: ignore[no-untyped-def]
    page = tmp_path / "post.warc"
    page.write_bytes(b"WARC/1.1\r\nWARC-Type: response\r\n\r\n" + b"x" * 5000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(page), "")))
    dlg = _editor(qtbot, view)
    click(qtbot, dlg.capture.choose_button)
    qtbot.waitUntil(lambda: dlg.capture.ref is not None, timeout=10000)
    assert not dlg.capture.ocr_button.isVisible()  # text is read from images only
    dlg.text.setPlainText("Posted a video doing 120 mph on the highway.")
    dlg.set_categories(["reckless_behaviour"])
    qtbot.waitUntil(dlg.text.is_screening_done, timeout=10000)
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result_view is not None, timeout=15000)
    f = dlg.result_view
    assert (f.attachment_name, f.attachment_size, f.attachment_type) == ("post.warc", page.stat().st_size,
                                                                        "application/warc")
    assert f.attachment_sha256 == hashlib.sha256(page.read_bytes()).hexdigest()


@pytest.mark.skipif(shutil.which("tesseract") is None,
                    reason="the tesseract program is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
def test_text_read_from_an_image_capture_is_screened_before_it_is_stored(qtbot, view, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    shot = tmp_path / "screenshot.png"
    _png(shot, "As a devout Catholic I drove\n120 mph on the highway")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(shot), "")))
    dlg = _editor(qtbot, view)
    click(qtbot, dlg.capture.choose_button)
    qtbot.waitUntil(lambda: dlg.capture.ocr_button.isEnabled(), timeout=10000)
    click(qtbot, dlg.capture.ocr_button)
    qtbot.waitUntil(lambda: "highway" in dlg.text.original_text(), timeout=60000)
    text = dlg.text.original_text()
    assert "Catholic" in text and "120 mph" in text
    qtbot.waitUntil(dlg.text.is_screening_done, timeout=10000)
    assert any(h.start <= text.index("Catholic") < h.end for h in dlg.text.highlights())
    dlg.set_categories(["reckless_behaviour"])
    for _ in dlg.text.undecided():  # confirm-tier suggestions: redact them (recall first)
        nxt = dlg.text.next_undecided()
        dlg.text.confirm(nxt.start, nxt.end)
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result_view is not None, timeout=15000)
    stored = dlg.result_view.text
    assert "Catholic" not in stored and REDACTION_TOKEN in stored and "highway" in stored


def test_a_clear_message_when_tesseract_is_absent(qtbot, view, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import pytesseract

    shot = tmp_path / "screenshot.png"
    _png(shot, "Some text")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "tesseract-not-installed-here")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(shot), "")))
    dlg = _editor(qtbot, view)
    click(qtbot, dlg.capture.choose_button)
    qtbot.waitUntil(lambda: dlg.capture.ocr_button.isEnabled(), timeout=10000)
    click(qtbot, dlg.capture.ocr_button)
    qtbot.waitUntil(lambda: dlg.capture.error.isVisible(), timeout=10000)
    assert "needs Tesseract OCR, which is not installed" in dlg.capture.error.text()
    assert dlg.text.original_text() == ""
    dlg.done(0)


def test_render_the_plan_panel_and_the_uniformity_view(qtbot, db, supervisor, investigator, warm_engine, view,
                                                       tmp_path):  # type: ignore[no-untyped-def]
    out = _out(tmp_path)
    # A second candidate with every item done, so the uniformity view shows planned against run.
    other = I.open_investigation(db, supervisor, process_id=view.detail.process_id,
                                 investigator_id=investigator.user_id, full_name="Maria Elena Castillo",
                                 aliases=["Mari"], emails=["mcastillo@example.net"], usernames=["mec.ak"],
                                 places=["Sitka"])
    validate_all(db, investigator, other)
    complete_items(db, investigator, other.id)
    it = next(i for i in view.detail.items if i.key == "web_search")
    first = [q for q in it.queries if q.planned][:3]
    for q, st in zip(first, ("nothing_found", "results_recorded", "nothing_found"), strict=True):
        S.mark_query(db, investigator, item_result_id=it.id, plan_key=q.key, query=q.query, status=st)
    q = [q for q in it.queries if q.planned][3]
    S.mark_query(db, investigator, item_result_id=it.id, plan_key=q.key, query=q.query, status="not_possible",
                 reason="Bing refused automated-looking queries from this network")
    view.reload()
    qtbot.waitUntil(lambda: next(i for i in view.detail.items if i.key == "web_search").queries[3].status
                    is not None, timeout=10000)
    show_item(qtbot, view, "web_search")
    qtbot.wait(300)
    view.plan.grab().save(str(out / "search-plan.png"))
    view.grab().save(str(out / "investigation-search-plan.png"))
    assert (out / "search-plan.png").stat().st_size > 10000

    uv = UniformityView(make_ctx(db, supervisor), view.detail.process_id)
    qtbot.addWidget(uv)
    uv.resize(1500, 900)
    uv.show()
    qtbot.waitUntil(lambda: uv.data is not None, timeout=10000)
    qtbot.wait(200)
    text = uv.table.item(1, 0).text() + uv.table.item(1, 1).text()
    assert "searches" in text
    assert "planned searches run" in uv.summary.text()
    uv.grab().save(str(out / "uniformity-searches.png"))


def _tree_node(tree, title: str):  # type: ignore[no-untyped-def]
    for s in range(tree.topLevelItemCount()):
        sec = tree.topLevelItem(s)
        for k in range(sec.childCount()):
            if sec.child(k).text(0) == title:
                return sec.child(k)
    raise AssertionError(title)


def test_an_administrator_edits_a_search_plan_into_a_new_template_version(qtbot, db, admin):  # type: ignore[no-untyped-def]
    from ui.admin import TemplateEditorDialog
    from vetting.services import templates as T

    source = T.list_template_versions(db, admin)[0]
    dlg = TemplateEditorDialog(make_ctx(db, admin), source)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tree.setCurrentItem(_tree_node(dlg.tree, "General web search engines"))
    lines = dlg.searches_edit.toPlainText().splitlines()
    assert lines[0] == 'name_place | Name in quotes with the city (Google) | "{name}" {place} | ' \
                       "https://www.google.com/search?q={query}"
    dlg.searches_edit.moveCursor(dlg.searches_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(dlg.searches_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.searches_edit, 'name_phone | Name with phone | "{name}" {phone}')
    click(qtbot, dlg.save_button)
    assert "unknown placeholder {phone}" in dlg.error.text() and dlg.created is None
    dlg.searches_edit.setPlainText("\n".join(lines + ['name_court | Name in court records | "{name}" court '
                                                      '| https://duckduckgo.com/?q={query}']))
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.created is not None, timeout=10000)
    new = dlg.created
    web = next(i for s in new.sections for i in s.items if i.key == "web_search")
    assert web.searches[-1] == {"key": "name_court", "label": "Name in court records", "query": '"{name}" court',
                                "url": "https://duckduckgo.com/?q={query}"}
    assert new.number == source.number + 1
    assert T.get_template_version(db, admin, version_id=source.id) == source  # the source never changes
