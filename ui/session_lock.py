"""Session lock: after inactivity (department setting ``session_lock_minutes``, at most 30) or on
demand (Ctrl+L) the window's content is replaced by a lock screen until the *same* user enters
their password again. Anyone else must sign this session out.

Activity is observed with one application-wide event filter that only records the time of the
last user input; a single-shot timer checks that time when it fires, so the filter stays cheap
(no timer restart per mouse move).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.icons import icon
from ui.jobs import Job, error_text
from ui.signin import error_label, show_inline_error
from vetting.services import Actor
from vetting.services import users as U

DEFAULT_MINUTES = 15
MAX_MINUTES = 30

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
    QEvent.Type.ShortcutOverride,
})


def lock_minutes(settings: dict) -> int:
    """The configured inactivity limit, clamped to 1..30 minutes (15 when unset or invalid)."""
    try:
        minutes = int(settings.get("session_lock_minutes", DEFAULT_MINUTES))
    except (TypeError, ValueError):
        minutes = DEFAULT_MINUTES
    return max(1, min(MAX_MINUTES, minutes))


class SessionLock(QObject):
    """Watches user input application-wide and emits ``sig_lock`` after the inactivity limit.

    Lives on the GUI thread. ``lock()`` and ``unlocked()`` are driven by the main window, which
    owns the lock screen.
    """

    sig_lock = Signal()

    def __init__(self, minutes: int = DEFAULT_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = max(1, min(MAX_MINUTES, minutes)) * 60_000
        self._last = time.monotonic()
        self.locked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start(self._timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(max(1, min(MAX_MINUTES, int(minutes))) * 60_000)

    def set_timeout_ms(self, ms: int) -> None:
        """Change the limit (tests use short limits; the setting itself is in minutes)."""
        self._timeout_ms = max(1, int(ms))
        self.touch()

    def touch(self) -> None:
        """Record activity now and re-arm the timer."""
        self._last = time.monotonic()
        if not self.locked:
            self._timer.start(self._timeout_ms)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = time.monotonic()
        return False

    @Slot()
    def _check(self) -> None:
        if self.locked:
            return
        idle_ms = int((time.monotonic() - self._last) * 1000)
        remaining = self._timeout_ms - idle_ms
        if remaining > 0:
            self._timer.start(remaining)
            return
        self.lock()

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self._timer.stop()
        self.sig_lock.emit()

    def unlocked(self) -> None:
        self.locked = False
        self.touch()

    def stop(self) -> None:
        """Stop watching (sign-out, window closed)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """What the window shows while locked: who is signed in, a password box, Unlock and Sign out.

    Only the signed-in user's password unlocks (the user name is fixed to theirs); a wrong
    password counts toward that account's lockout through the sign-in service.
    """

    sig_unlocked = Signal()
    sig_sign_out = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)

        card = QFrame()
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(480)
        card.setStyleSheet("#lockCard { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }")
        pic = QLabel()
        pic.setPixmap(icon("lock").pixmap(48, 48))
        pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Session locked")
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.who = QLabel()
        self.who.setObjectName("lockWho")
        self.who.setWordWrap(True)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("unlockPassword")
        self.password_edit.setAccessibleName("Password to unlock")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("Your password")
        self.password_edit.returnPressed.connect(self._submit)
        self.error = error_label("unlockError")
        self.unlock_button = QPushButton(icon("ok"), "&Unlock")
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.sign_out_button = QPushButton(icon("sign_out"), "Sign &out")
        self.sign_out_button.setObjectName("lockSignOutButton")
        self.sign_out_button.setToolTip("Another person must sign this session out and sign in as themselves.")
        self.sign_out_button.clicked.connect(self.sig_sign_out)
        other = QLabel("Not you? Sign this session out; unsaved work of the signed-in user is discarded.")
        other.setWordWrap(True)
        other.setAlignment(Qt.AlignmentFlag.AlignCenter)
        other.setStyleSheet("color: palette(mid);")

        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(pic)
        inner.addWidget(title)
        inner.addWidget(self.who)
        inner.addWidget(self.password_edit)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        inner.addWidget(other)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.password_edit, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.sign_out_button)

    def prepare(self) -> None:
        """Reset the screen for a new lock."""
        actor = self.ctx.actor
        name = f"{actor.display_name} ({actor.username})" if actor else ""
        self.who.setText(f"Signed in as {name}.\nEnter your password to continue.")
        self.password_edit.clear()
        show_inline_error(self.error, "")
        self._set_busy(False)
        self.password_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.password_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    @Slot()
    def _submit(self) -> None:
        actor = self.ctx.actor
        if self._busy or actor is None:
            return
        password = self.password_edit.text()
        if not password:
            show_inline_error(self.error, "Enter your password.")
            return
        self._set_busy(True)
        Job(U.sign_in, self.ctx.db, parent=self, username=actor.username, password=password) \
            .success(self._checked).failure(self._failed).run_in_background()

    def _checked(self, who: Actor) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        if self.ctx.actor is None or who.user_id != self.ctx.actor.user_id:  # cannot happen: name is fixed
            show_inline_error(self.error, "Only the signed-in user can unlock this session.")
            return
        self.sig_unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        show_inline_error(self.error, error_text(exc))
        self.password_edit.setFocus()
