"""Icons and status labels used across the shell.

Every status is shown as an icon *and* a word, so it never depends on colour alone (colour-blind
safe). Icons come from Qt's standard set (``QStyle.StandardPixmap``) of the running style; nothing
is downloaded and no image files are needed.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap

#: Action and object icons by purpose (one place to change the look).
_ACTIONS: dict[str, SP] = {
    "busy": SP.SP_BrowserReload,
    "sign_out": SP.SP_DialogCloseButton,
    "quit": SP.SP_TitleBarCloseButton,
    "new": SP.SP_FileIcon,
    "refresh": SP.SP_BrowserReload,
    "search": SP.SP_FileDialogContentsView,
    "queue": SP.SP_FileDialogDetailedView,
    "uniformity": SP.SP_FileDialogListView,
    "admin": SP.SP_ComputerIcon,
    "users": SP.SP_DirHomeIcon,
    "template": SP.SP_FileDialogInfoView,
    "settings": SP.SP_FileDialogDetailedView,
    "backup": SP.SP_DriveHDIcon,
    "save": SP.SP_DialogSaveButton,
    "approve": SP.SP_DialogApplyButton,
    "return": SP.SP_ArrowBack,
    "reopen": SP.SP_BrowserReload,
    "close_case": SP.SP_DialogCloseButton,
    "process": SP.SP_DirIcon,
    "all": SP.SP_DirOpenIcon,
    "info": SP.SP_MessageBoxInformation,
    "warning": SP.SP_MessageBoxWarning,
    "error": SP.SP_MessageBoxCritical,
    "ok": SP.SP_DialogApplyButton,
    "user": SP.SP_DirHomeIcon,
    "add": SP.SP_FileDialogNewFolder,
    "zoom_in": SP.SP_ArrowUp,
    "zoom_out": SP.SP_ArrowDown,
    "fit": SP.SP_TitleBarMaxButton,
    "verify": SP.SP_DialogYesButton,
}

#: Investigation status: (label, icon).
INVESTIGATION_STATUS: dict[str, tuple[str, SP]] = {
    "open": ("Open", SP.SP_FileIcon),
    "submitted": ("Submitted", SP.SP_ArrowForward),
    "returned": ("Returned", SP.SP_ArrowBack),
    "approved": ("Approved", SP.SP_DialogApplyButton),
    "closed": ("Closed", SP.SP_DialogCloseButton),
    "purged": ("Purged", SP.SP_TrashIcon),
}

#: Checklist item status: (label, short label, icon).
ITEM_STATUS: dict[str, tuple[str, str, SP]] = {
    "pending": ("Not completed", "Pending", SP.SP_MessageBoxQuestion),
    "no_findings": ("No findings", "No findings", SP.SP_DialogApplyButton),
    "findings_recorded": ("Findings recorded", "Findings", SP.SP_MessageBoxWarning),
    "not_applicable": ("Not applicable", "N/A", SP.SP_DialogNoButton),
    "unable_to_complete": ("Unable to complete", "Unable", SP.SP_MessageBoxCritical),
    "missing": ("Not on this case's checklist", "Missing", SP.SP_TitleBarCloseButton),
}

ROLE_LABELS = {"investigator": "Investigator", "supervisor": "Supervisor", "administrator": "Administrator"}
OUTCOME_LABELS = {"hired": "Hired", "not_hired": "Not hired", "withdrawn": "Withdrawn"}


def _style() -> QStyle:
    app = QApplication.instance()
    assert app is not None, "icons need a QApplication"
    return app.style()  # type: ignore[union-attr]


@cache
def _standard(sp: SP) -> QIcon:
    return _style().standardIcon(sp)


@cache
def _padlock() -> QIcon:
    """Qt's standard set has no padlock outside Windows; draw one (shape, not colour, carries it)."""
    result = QIcon()
    for size in (16, 24, 32, 48):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16.0
        p.setPen(QPen(QColor("#3b4652"), 1.6 * s))
        p.setBrush(Qt.BrushStyle.NoBrush)
        shackle = QPainterPath()
        shackle.moveTo(QPointF(5 * s, 7.5 * s))
        shackle.lineTo(QPointF(5 * s, 5 * s))
        shackle.arcTo(QRectF(5 * s, 2 * s, 6 * s, 6 * s), 180, -180)
        shackle.lineTo(QPointF(11 * s, 7.5 * s))
        p.drawPath(shackle)
        p.setPen(QPen(QColor("#2a323b"), 1.0 * s))
        p.setBrush(QColor("#c99a2e"))
        p.drawRoundedRect(QRectF(3 * s, 7 * s, 10 * s, 7.5 * s), 1.5 * s, 1.5 * s)
        p.setBrush(QColor("#2a323b"))
        p.drawEllipse(QPointF(8 * s, 10.3 * s), 1.1 * s, 1.1 * s)
        p.end()
        result.addPixmap(pm)
    return result


def icon(name: str) -> QIcon:
    """The icon for an action or object name (see ``_ACTIONS``); an empty icon if unknown."""
    if name == "lock":
        return _padlock()
    sp = _ACTIONS.get(name)
    return _standard(sp) if sp is not None else QIcon()


def investigation_status_label(status: str) -> str:
    return INVESTIGATION_STATUS.get(status, (status.replace("_", " ").capitalize(), SP.SP_FileIcon))[0]


def investigation_status_icon(status: str) -> QIcon:
    return _standard(INVESTIGATION_STATUS.get(status, ("", SP.SP_FileIcon))[1])


def item_status_label(status: str, short: bool = False) -> str:
    entry = ITEM_STATUS.get(status)
    if entry is None:
        return status.replace("_", " ").capitalize()
    return entry[1] if short else entry[0]


def item_status_icon(status: str) -> QIcon:
    return _standard(ITEM_STATUS.get(status, ("", "", SP.SP_MessageBoxQuestion))[2])


def clear_cache() -> None:
    """Forget cached icons (after the application style changed)."""
    _standard.cache_clear()
    _padlock.cache_clear()
