"""Laptop resolution: at 1366×768 no main screen scrolls sideways, the navigator shows whole
candidate names and statuses, and the validation panel's note and Save are in view.

The data is the demonstration data (``vetting demo``), created through the services; the
screens are the real main window of each role, resized to 1366×768 offscreen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from tests.conftest import PASSWORD
from tests.gui_fixtures import _wait_for_jobs  # noqa: F401 (fixtures)
from ui.context import AppContext, qsettings
from ui.main_window import MainWindow
from vetting.services import users as U
from vetting.services.settings import get_settings

pytestmark = pytest.mark.sqlite_only

LAPTOP = (1366, 768)



@pytest.fixture(autouse=True)
def _no_remembered_layout():  # type: ignore[no-untyped-def]
    """A first start on this workstation: window state remembered by earlier tests (a narrower
    navigator the person chose, which by design wins over fitting the names) must not leak in."""
    qsettings().clear()
    yield
    qsettings().clear()


def sideways_scrollers(root: QWidget) -> list[str]:
    """Every visible scroll area under ``root`` whose horizontal scroll bar shows."""
    out = []
    for area in root.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            out.append(f"{type(area).__name__} {area.objectName() or area.accessibleName()!r} "
                       f"({area.width()} px wide, content {area.horizontalScrollBar().maximum()} px more)")
    return out


def open_window(qtbot, db, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    actor = U.sign_in(db, username=username, password=PASSWORD)
    ctx = AppContext(db, actor, dict(get_settings(db)))
    ctx.mark_engine_ready()
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.showNormal()
    w.resize(*LAPTOP)
    qtbot.waitUntil(lambda: bool(w.navigator.loaded_once and w.navigator.model.rows), timeout=15000)
    qtbot.wait(50)
    assert (w.width(), w.height()) == LAPTOP, "the window cannot be as small as a laptop screen"
    return w


def show_case(qtbot, w: MainWindow, investigation_id: int):  # type: ignore[no-untyped-def]
    nav = w.navigator
    row = nav.proxy.mapFromSource(nav.model.index(nav.model.row_of(investigation_id), 0)).row()
    nav.select_row(row)
    qtbot.waitUntil(lambda: w.view is not None and getattr(w.view, "detail", None) is not None, timeout=15000)
    qtbot.wait(50)
    return w.view


def assert_names_whole(w: MainWindow) -> None:
    nav = w.navigator
    table = nav.table
    fm = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    for r in nav.model.rows:
        assert table.columnWidth(0) >= fm.horizontalAdvance(r.candidate_name) + margin, \
            f"candidate name elided: {table.columnWidth(0)} px for a {fm.horizontalAdvance(r.candidate_name)} px name"
    status_col = 3
    label_width = max(fm.horizontalAdvance(str(nav.proxy.index(k, status_col).data()))
                      for k in range(nav.proxy.rowCount()))
    icon = table.iconSize().width() if table.iconSize().width() > 0 else 16
    assert table.columnWidth(status_col) >= label_width + icon + margin, "status elided"


def assert_placeholder_fits(w: MainWindow) -> None:
    edit = w.navigator.search_edit
    needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= needed + 40, f"search field {edit.width()} px cannot show its {needed} px placeholder"


def test_investigator_screens_fit_a_laptop_without_sideways_scrolling(qtbot, db, demo):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, demo.investigator)
    assert_names_whole(w)
    assert_placeholder_fits(w)
    v = show_case(qtbot, w, demo.investigation_ids[0])
    assert sideways_scrollers(w) == []
    # An item with findings: the validation panel's note and Save are in view without scrolling.
    with_finding = next(f.item_result_id for f in v.detail.findings)
    v.select_item(with_finding)
    bar = v.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(v.findings_tab).center())
    assert v.tabs.currentIndex() == v.findings_tab
    qtbot.wait(50)
    assert sideways_scrollers(w) == []
    panel = v.validation
    for widget in (panel.note, panel.save_button, panel.status):
        assert widget.isVisible()
        top_left = widget.mapTo(v.validation_scroll.viewport(), widget.rect().topLeft())
        bottom = top_left.y() + widget.height()
        assert top_left.y() >= 0 and bottom <= v.validation_scroll.viewport().height(), \
            f"{widget.accessibleName()} needs scrolling ({bottom} > {v.validation_scroll.viewport().height()})"
    # The finding editor (a dialog) does not scroll sideways either.
    v.findings.setCurrentItem(v.findings.topLevelItem(0))
    dlg = v.edit_finding()
    qtbot.waitUntil(dlg.isVisible)
    qtbot.wait(50)
    assert dlg.width() <= LAPTOP[0] and dlg.height() <= LAPTOP[1]
    assert sideways_scrollers(dlg) == []
    dlg.done(0)


def test_supervisor_screens_fit_a_laptop_without_sideways_scrolling(qtbot, db, demo):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, demo.supervisor)
    assert_names_whole(w)
    assert_placeholder_fits(w)
    show_case(qtbot, w, demo.investigation_ids[1])
    assert sideways_scrollers(w) == []
    queue = w.open_review()
    qtbot.waitUntil(lambda: queue.preview.ready, timeout=30000)
    qtbot.wait(50)
    assert sideways_scrollers(w) == []
    uni = w.open_uniformity(demo.process_id)
    qtbot.waitUntil(lambda: uni.data is not None, timeout=15000)
    qtbot.wait(50)
    assert sideways_scrollers(w) == []


def test_administration_fits_a_laptop_without_sideways_scrolling(qtbot, db, demo):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, "admin")
    assert_names_whole(w)
    panel = w.open_admin("users")
    qtbot.waitUntil(lambda: bool(panel.users.users), timeout=10000)
    for page in panel.PAGES:
        panel.show_page(page)
        qtbot.wait(300)
        assert sideways_scrollers(w) == [], page


def test_first_start_is_maximised_and_later_starts_restore_the_window(qtbot, db, admin):  # type: ignore[no-untyped-def]
    from ui.context import qsettings

    qsettings().clear()
    ctx = AppContext(db, admin, dict(get_settings(db)))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show_remembered()
    qtbot.waitUntil(w.isVisible)
    assert w.isMaximized()
    w.showNormal()
    w.resize(780, 560)
    qtbot.wait(50)
    w.close()
    w2 = MainWindow(ctx)
    qtbot.addWidget(w2)
    w2.show_remembered()
    qtbot.waitUntil(w2.isVisible)
    assert not w2.isMaximized() and (w2.width(), w2.height()) == (780, 560)
    w2.close()
    qsettings().clear()


def test_validation_error_goes_away_when_the_input_changes(qtbot, db, demo):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, demo.investigator)
    v = show_case(qtbot, w, demo.investigation_ids[0])
    v.select_item(next(f.item_result_id for f in v.detail.findings))
    v.tabs.setCurrentIndex(v.findings_tab)
    panel = v.validation
    panel.status.setFocus()
    qtbot.keyClick(panel.status, Qt.Key.Key_Down)  # "Validated"
    assert panel.status.currentData() == "validated"
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.error.isVisible() and "method" in panel.error.text()
    box = next(iter(panel.method_boxes.values()))
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    assert not panel.error.isVisible(), "a message about the earlier input stays after the input changed"
    # Leave nothing unsaved (closing the window would ask).
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.keyClick(panel.status, Qt.Key.Key_Up)
    assert not v.has_unsaved_changes()
