"""What every screen needs: the database, who is signed in, department settings, and whether the
screening engine is warm. Widgets receive one AppContext; they never hold ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from vetting.db import Database
from vetting.services import Actor


class AppContext(QObject):
    """Shared state of one running workbench. Lives on the GUI thread."""

    sig_engine_ready = Signal()
    sig_engine_failed = Signal(str)
    sig_data_changed = Signal(str, int)  # (object type, id): e.g. ("investigation", 12)
    sig_actor_changed = Signal()

    def __init__(self, db: Database, actor: Actor | None = None, settings: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.db = db
        self.actor: Actor | None = actor
        self.settings: dict[str, Any] = settings or {}
        self.engine_ready = False
        self.engine_error: str | None = None

    def mark_engine_ready(self) -> None:
        self.engine_ready = True
        self.sig_engine_ready.emit()

    def mark_engine_failed(self, message: str) -> None:
        self.engine_error = message
        self.sig_engine_failed.emit(message)

    @property
    def role(self) -> str:
        return self.actor.role if self.actor else ""


def qsettings() -> QSettings:
    """Window state and per-user preferences (not department settings, which live in the database).

    Under VETTING_HOME (tests, portable installs) the file lives there, never in a real profile.
    """
    import os

    home = os.environ.get("VETTING_HOME")
    if home:
        return QSettings(os.path.join(home, "config", "window.ini"), QSettings.Format.IniFormat)
    return QSettings("VettingWorkbench", "Workbench")


@dataclass
class Prefs:
    """User preferences declared once, with types and defaults."""

    show_hover_categories: bool = True
    screening_debounce_ms: int = 400
    extra: dict[str, Any] = field(default_factory=dict)
