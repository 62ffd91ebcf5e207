"""Start-up dialogs: logon banner + sign-in, first-run administrator, change own password
(also forced after an administrator reset it).

Every password check runs in a background job (argon2 is deliberately slow), so the dialogs stay
responsive. Sign-in failures show the service's message as is: it never says whether the user
name exists, and every failure counts toward the lockout in the service.
"""

from __future__ import annotations

import dataclasses
import secrets

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon
from ui.jobs import Job, error_text
from vetting.db import Database
from vetting.services import Actor
from vetting.services import users as U

APP_TITLE = "Vetting Workbench"


def error_label(name: str) -> QLabel:
    """An inline error line: warning icon + text, hidden until there is something to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName("Error message")
    label.setStyleSheet("QLabel { color: #8a1c1c; font-weight: 600; }")
    label.hide()
    return label


def never_default(button: QPushButton) -> QPushButton:
    """A leaving button (Exit, Cancel, Sign out) never becomes the button Enter presses, not even
    after the focus passed over it while the form was disabled for a background check."""
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


def ok_cancel(dialog: QDialog, on_ok, ok_text: str | None = None) -> tuple[QDialogButtonBox, QPushButton]:  # type: ignore[no-untyped-def]
    """OK/Cancel buttons for a form dialog: OK calls ``on_ok``, Cancel rejects the dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setDefault(True)
    never_default(buttons.button(QDialogButtonBox.StandardButton.Cancel))
    if ok_text:
        ok.setText(ok_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def dialog_layout(dialog: QDialog, *parts: QWidget | QLayout) -> QVBoxLayout:
    """The dialogs' common layout: the parts top to bottom with the standard margins."""
    lay = QVBoxLayout(dialog)
    lay.setContentsMargins(16, 16, 16, 12)
    for part in parts:
        if isinstance(part, QLayout):
            lay.addLayout(part)
        else:
            lay.addWidget(part)
    return lay


def show_inline_error(label: QLabel, text: str) -> None:
    label.setText("\u26a0 " + text if text else "")
    label.setVisible(bool(text))


def banner_frame(text: str) -> QFrame:
    """The logon banner: a framed notice with a warning icon, readable at any width."""
    frame = QFrame()
    frame.setObjectName("logonBanner")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet("#logonBanner { background: #fff8e1; border: 1px solid #c9a227; border-radius: 4px; }"
                        "#logonBanner QLabel { color: #3d3000; }")
    lay = QHBoxLayout(frame)
    lay.setContentsMargins(12, 12, 12, 12)
    lay.setSpacing(12)
    pic = QLabel()
    pic.setPixmap(icon("warning").pixmap(32, 32))
    pic.setAlignment(Qt.AlignmentFlag.AlignTop)
    lay.addWidget(pic)
    msg = QLabel(text)
    msg.setObjectName("bannerText")
    msg.setWordWrap(True)
    msg.setTextFormat(Qt.TextFormat.PlainText)
    msg.setAccessibleName("Logon banner")
    msg.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lay.addWidget(msg, 1)
    return frame


class SignInDialog(QDialog):
    """Logon banner and sign-in. ``actor`` holds the signed-in user after ``accepted``.

    The service counts every failure toward the lockout and audits it; this dialog only shows
    the service's generic message.
    """

    sig_signed_in = Signal(object)

    def __init__(self, db: Database, banner: str, parent: QWidget | None = None, *, username: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self._busy = False
        self.setWindowTitle(f"{APP_TITLE} — sign in")
        self.setObjectName("signInDialog")
        self.setMinimumWidth(520)

        title = QLabel(APP_TITLE)
        title.setObjectName("dialogTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        subtitle = QLabel("Social-media part of the background investigation")
        subtitle.setStyleSheet("color: palette(mid);")

        self.user_edit = QLineEdit(username)
        self.user_edit.setObjectName("username")
        self.user_edit.setAccessibleName("User name")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setAccessibleName("Password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&User name:", self.user_edit)
        form.addRow("&Password:", self.password_edit)

        self.error = error_label("signInError")
        note = QLabel("By signing in you confirm that you have read the notice above.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")

        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton("&Sign in", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        exit_button = never_default(self.buttons.addButton("E&xit", QDialogButtonBox.ButtonRole.RejectRole))
        exit_button.setObjectName("exitButton")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 20, 20, 16)
        lay.setSpacing(12)
        lay.addWidget(title)
        lay.addWidget(subtitle)
        lay.addWidget(banner_frame(banner))
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(note)
        lay.addWidget(self.buttons)
        self.setTabOrder(self.user_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.sign_in_button)
        (self.password_edit if username else self.user_edit).setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.user_edit, self.password_edit, self.sign_in_button):
            w.setEnabled(not busy)
        self.sign_in_button.setText("Signing in…" if busy else "&Sign in")

    @Slot()
    def _submit(self) -> None:
        if self._busy:
            return
        username, password = self.user_edit.text().strip(), self.password_edit.text()
        if not username or not password:
            show_inline_error(self.error, "Enter your user name and password.")
            return
        show_inline_error(self.error, "")
        self._set_busy(True)
        Job(U.sign_in, self.db, parent=self, username=username, password=password) \
            .success(self._signed_in).failure(self._failed).run_in_background()

    def _signed_in(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.password_edit.clear()
        self.sig_signed_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        show_inline_error(self.error, error_text(exc))
        self.password_edit.setFocus()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class FirstRunDialog(QDialog):
    """Creates the first administrator on a brand-new database, optionally with demo data.

    Password-policy refusals from the service are shown inline; nothing is created until the
    service accepts the whole request.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.demo_password: str | None = None
        self.demo_result = None
        self._busy = False
        self.setWindowTitle(f"{APP_TITLE} — first start")
        self.setObjectName("firstRunDialog")
        self.setMinimumWidth(540)

        title = QLabel("Welcome to the Vetting Workbench")
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        intro = QLabel("This database is new. Create the administrator account: the administrator adds "
                       "investigators and supervisors, manages checklist templates and department "
                       "settings, and makes backups.")
        intro.setWordWrap(True)

        self.user_edit = QLineEdit("admin")
        self.user_edit.setObjectName("adminUsername")
        self.user_edit.setAccessibleName("Administrator user name")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("adminDisplayName")
        self.name_edit.setAccessibleName("Administrator full name")
        self.name_edit.setPlaceholderText("e.g. Pat Morgan, Records Administrator")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("adminPassword")
        self.password_edit.setAccessibleName("Password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("adminPasswordConfirm")
        self.confirm_edit.setAccessibleName("Repeat password")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        policy = QLabel("At least 12 characters, not a common password, and not containing the user name.")
        policy.setWordWrap(True)
        policy.setStyleSheet("color: palette(mid);")
        # A wrapped label in a form only grows to the field width when it may expand.
        policy.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.demo_box = QCheckBox("&Load demonstration data (fictional candidates, for training)")
        self.demo_box.setObjectName("loadDemo")
        self.demo_box.setAccessibleName("Load demonstration data")
        self.encrypt_box = QCheckBox("&Encrypt the database file on this computer (SQLCipher)")
        self.encrypt_box.setObjectName("encryptDatabase")
        self.encrypt_box.setAccessibleName("Encrypt the database file")
        self.encrypt_box.setVisible(db.sqlite_path is not None and not db.encrypted)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("databasePassphrase")
        self.key_edit.setAccessibleName("Database passphrase")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_confirm = QLineEdit()
        self.key_confirm.setObjectName("databasePassphraseConfirm")
        self.key_confirm.setAccessibleName("Repeat database passphrase")
        self.key_confirm.setEchoMode(QLineEdit.EchoMode.Password)
        key_note = QLabel("At least 12 characters. It is asked at every start (or read from VETTING_DB_KEY); "
                          "without it the database cannot be opened by anyone, including you.")
        key_note.setWordWrap(True)
        key_note.setStyleSheet("color: palette(mid);")
        self.key_form = QWidget()
        kf = QFormLayout(self.key_form)
        kf.setContentsMargins(0, 0, 0, 0)
        kf.addRow("Database &passphrase:", self.key_edit)
        kf.addRow("Repeat pa&ssphrase:", self.key_confirm)
        kf.addRow("", key_note)
        self.key_form.setVisible(False)
        self.encrypt_box.toggled.connect(self.key_form.setVisible)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&User name:", self.user_edit)
        form.addRow("&Full name:", self.name_edit)
        form.addRow("&Password:", self.password_edit)
        form.addRow("&Repeat password:", self.confirm_edit)
        form.addRow("", policy)

        self.error = error_label("firstRunError")
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton("&Create administrator", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createAdminButton")
        self.create_button.setDefault(True)
        self.exit_button = never_default(self.buttons.addButton("E&xit", QDialogButtonBox.ButtonRole.RejectRole))
        self.exit_button.setObjectName("exitButton")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 20, 20, 16)
        lay.setSpacing(12)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.demo_box)
        lay.addWidget(self.encrypt_box)
        lay.addWidget(self.key_form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.name_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.user_edit, self.name_edit, self.password_edit, self.confirm_edit, self.demo_box,
                  self.encrypt_box, self.key_form, self.create_button):
            w.setEnabled(not busy)

    @Slot()
    def _submit(self) -> None:
        if self._busy:
            return
        if self.password_edit.text() != self.confirm_edit.text():
            show_inline_error(self.error, "The two passwords differ. Type the same password twice.")
            self.confirm_edit.setFocus()
            return
        encrypt = self.encrypt_box.isVisible() and self.encrypt_box.isChecked()
        if encrypt and self.key_edit.text() != self.key_confirm.text():
            show_inline_error(self.error, "The two database passphrases differ. Type the same passphrase twice.")
            self.key_confirm.setFocus()
            return
        show_inline_error(self.error, "")
        self._set_busy(True)
        if encrypt:
            from vetting.db import encrypt_new_database

            Job(encrypt_new_database, self.db, self.key_edit.text(), parent=self) \
                .success(lambda _r: self._create_administrator()).failure(self._failed).run_in_background()
        else:
            self._create_administrator()

    def _create_administrator(self) -> None:
        self.key_edit.clear()
        self.key_confirm.clear()
        self.encrypt_box.setVisible(self.db.sqlite_path is not None and not self.db.encrypted)
        Job(U.create_first_administrator, self.db, parent=self, username=self.user_edit.text().strip(),
            display_name=self.name_edit.text().strip(), password=self.password_edit.text()) \
            .success(self._created).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_inline_error(self.error, error_text(exc))
        self.create_button.setDefault(True)
        self.password_edit.setFocus()

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.password_edit.clear()
        self.confirm_edit.clear()
        if not self.demo_box.isChecked():
            self.accept()
            return
        from vetting.services.demo import create_demo

        # Readable, policy-compliant, and different on every installation.
        self.demo_password = "Demo-" + secrets.token_urlsafe(9).replace("_", "x").replace("-", "y")
        Job(create_demo, self.db, actor, parent=self, password=self.demo_password) \
            .with_progress("Loading demonstration data (the screening engine starts first)…") \
            .success(self._demo_loaded).failure(self._demo_failed).run_in_background()

    def _demo_loaded(self, result) -> None:  # type: ignore[no-untyped-def]
        self.demo_result = result
        box = QMessageBox(QMessageBox.Icon.Information, "Demonstration data loaded",
                          "A hiring process with three fictional candidates was created.\n\n"
                          f"Investigator: {result.investigator}\nSupervisor: {result.supervisor}\n"
                          f"Password for both: {self.demo_password}\n\n"
                          "Write these down now; they are not shown again. You are signed in as the "
                          "administrator.", QMessageBox.StandardButton.Ok, self)
        box.setObjectName("demoCredentials")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.finished.connect(lambda _r: self.accept())
        box.open()

    def _demo_failed(self, exc: BaseException) -> None:
        # The administrator exists; demo data is optional. Say so and carry on.
        box = QMessageBox(QMessageBox.Icon.Warning, "Demonstration data not loaded",
                          "The administrator account was created, but the demonstration data could not "
                          f"be loaded:\n\n{error_text(exc)}", QMessageBox.StandardButton.Ok, self)
        box.finished.connect(lambda _r: self.accept())
        box.open()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class ChangePasswordDialog(QDialog):
    """The signed-in user changes their own password (current password required).

    With ``forced=True`` (after an administrator reset the password) the dialog explains why it
    appears and its Cancel button reads "Sign out": the caller opens the main window only after
    ``accepted``. Policy refusals from the service are shown inline; the dialog stays open.
    ``actor`` holds the actor as it is after the change (``must_change_password`` cleared).
    """

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.forced = forced
        self._busy = False
        self.setWindowTitle(f"{APP_TITLE} — choose a new password" if forced else "Change password")
        self.setObjectName("changePasswordDialog")
        self.setMinimumWidth(500)
        self.old_edit, self.new_edit, self.confirm_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.old_edit.setObjectName("currentPassword")
        self.new_edit.setObjectName("newPassword")
        self.confirm_edit.setObjectName("repeatNewPassword")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        current = "&Temporary password:" if forced else "C&urrent password:"
        for edit, label, name in ((self.old_edit, current, "Current password"),
                                  (self.new_edit, "&New password:", "New password"),
                                  (self.confirm_edit, "&Repeat new password:", "Repeat new password")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            form.addRow(label, edit)
        policy = QLabel("At least 12 characters, not a common password, and not containing your user name.")
        policy.setWordWrap(True)
        policy.setStyleSheet("color: palette(mid);")
        # A wrapped label in a form only grows to the field width when it may expand.
        policy.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow("", policy)
        self.error = error_label("changePasswordError")
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("&Change password", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("changePasswordButton")
        self.ok_button.setDefault(True)
        self.cancel_button = never_default(self.buttons.addButton("Sign &out" if forced else "Cancel",
                                                                  QDialogButtonBox.ButtonRole.RejectRole))
        self.cancel_button.setObjectName("signOutButton" if forced else "cancelButton")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 18, 20, 14)
        lay.setSpacing(10)
        if forced:
            title = QLabel("Choose a new password")
            title.setStyleSheet("font-size: 14pt; font-weight: 600;")
            intro = QLabel(f"{actor.display_name or actor.username}, an administrator reset your password. "
                           "Before you continue, enter the temporary password you were given and choose a new "
                           "one that only you know.")
            intro.setObjectName("forcedChangeNotice")
            intro.setWordWrap(True)
            intro.setTextFormat(Qt.TextFormat.PlainText)
            lay.addWidget(title)
            lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.old_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.old_edit, self.new_edit, self.confirm_edit, self.ok_button, self.cancel_button):
            w.setEnabled(not busy)
        self.ok_button.setText("Changing…" if busy else "&Change password")

    @Slot()
    def _submit(self) -> None:
        if self._busy:
            return
        if not self.old_edit.text() or not self.new_edit.text():
            show_inline_error(self.error, "Enter your current password and the new password.")
            return
        if self.new_edit.text() != self.confirm_edit.text():
            show_inline_error(self.error, "The two new passwords differ. Type the same password twice.")
            self.confirm_edit.setFocus()
            return
        show_inline_error(self.error, "")
        self._set_busy(True)
        Job(U.change_own_password, self.db, self.actor, parent=self, old_password=self.old_edit.text(),
            new_password=self.new_edit.text()).success(self._changed) \
            .failure(self._failed).run_in_background()

    def _changed(self, _result: object) -> None:
        self._set_busy(False)
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self.actor = dataclasses.replace(self.actor, must_change_password=False)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.new_edit.clear()
        self.confirm_edit.clear()
        show_inline_error(self.error, error_text(exc))
        self.new_edit.setFocus()

    def reject(self) -> None:
        if not self._busy:
            super().reject()
