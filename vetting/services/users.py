"""Accounts, sign-in and lockout.

Passwords are hashed with Argon2id (argon2-cffi), never logged, never returned. A failed
sign-in never says whether the user name exists.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vetting.db import Database
from vetting.errors import AuthenticationFailed, NotFound, PermissionDenied, RuleViolation
from vetting.models import Role, User, utcnow
from vetting.services import audit
from vetting.services.core import Actor, operation, service, system_write
from vetting.services.settings import all_in

_HASHER = PasswordHasher()  # Argon2id, RFC 9106 low-memory profile defaults


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A real hash to verify against when the user does not exist, so timing does not reveal it."""
    return _HASHER.hash("not-a-real-password-000")

SIGN_IN_FAILED = "Sign-in failed: the user name or password is wrong, or the account is locked or disabled."


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool
    version: int
    must_change_password: bool = False


def _info(u: User) -> UserInfo:
    locked = bool(u.locked_until and u.locked_until > utcnow())
    return UserInfo(u.id, u.username, u.display_name, u.role, u.active, locked, u.version, u.must_change_password)


def _actor(u: User) -> Actor:
    return Actor(u.id, u.username, u.role, u.display_name, u.must_change_password)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    path = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


#: zxcvbn's score (0-4) a password must reach: 3 is "safely unguessable" (about 10^10 guesses
#: offline), which with Argon2id hashing is far beyond what an attacker with a stolen file can try.
MIN_PASSWORD_SCORE = 3
_ESTIMATED_CHARS = 72  # zxcvbn's own limit; a longer password is at least as strong as its start


def check_password_policy(password: str, username: str, min_length: int = 12) -> None:
    """Raise RuleViolation naming every rule the password breaks.

    Beyond the length and the lists, the password's strength is estimated with zxcvbn (patterns,
    repeats, sequences, keyboard walks, dictionary words); a password scoring below
    :data:`MIN_PASSWORD_SCORE` is refused with zxcvbn's reason.
    """
    from zxcvbn import zxcvbn  # imported when needed: it loads its dictionaries

    problems = []
    if not password.strip():
        problems.append("must not be only spaces")
    elif len(password) < min_length:
        problems.append(f"at least {min_length} characters")
    if username and username.lower() in password.lower():
        problems.append("must not contain the user name")
    if password.lower() in common_passwords():
        problems.append("is a commonly used password")
    if password.strip() and not problems:
        estimate = zxcvbn(password[:_ESTIMATED_CHARS], user_inputs=[username] if username else None)
        if estimate["score"] < MIN_PASSWORD_SCORE:
            feedback = estimate["feedback"]
            reason = (feedback.get("warning") or "").rstrip(".") or "it follows a pattern that is easy to guess"
            hint = " ".join(feedback.get("suggestions") or ["Add another word or two; uncommon words are better."])
            problems.append(f"too easy to guess ({reason}). {hint}".rstrip("."))
    if problems:
        raise RuleViolation("The password does not meet the policy: " + "; ".join(problems) + ".")


def _validate_username(username: str) -> str:
    username = username.strip()
    if not (2 <= len(username) <= 80) or any(c.isspace() for c in username) or not username.isprintable():
        raise RuleViolation("A user name is 2-80 printable characters without spaces.")
    return username


def _role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError as exc:
        raise RuleViolation(f"Unknown role {role!r}; use investigator, supervisor or administrator.") from exc


def needs_first_administrator(db: Database) -> bool:
    with db.read() as s:
        return not s.scalar(select(func.count()).select_from(User))


def create_first_administrator(db: Database, *, username: str, display_name: str, password: str) -> Actor:
    """Create the administrator on a brand-new database; refused once any user exists."""
    username = _validate_username(username)
    with system_write(db, "user.create_first_admin") as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise RuleViolation("An administrator already exists; sign in instead.")
        check_password_policy(password, username, all_in(s)["password_min_length"])
        user = User(username=username, display_name=display_name.strip() or username,
                    role=Role.ADMINISTRATOR.value, password_hash=_HASHER.hash(password))
        s.add(user)
        s.flush()
        audit.append(s, event_type="user.create_first_admin", user_id=user.id, username=user.username,
                     object_type="user", object_id=user.id)
        return _actor(user)


def sign_in(db: Database, *, username: str, password: str) -> Actor:
    """Check a password; count failures toward lockout; audit success and failure.

    Raises AuthenticationFailed with the same message whatever the cause.
    """
    failed = False
    with system_write(db, "auth.sign_in") as s:
        settings = all_in(s)
        user = s.scalars(select(User).where(User.username == username.strip())).one_or_none()
        now = utcnow()
        if user is None:
            with contextlib.suppress(VerificationError):  # same work as a real check: timing reveals nothing
                _HASHER.verify(_dummy_hash(), password)
            audit.append(s, event_type="auth.sign_in", outcome="failed", object_type="user",
                         detail={"cause": "unknown_user"})
            failed = True
        else:
            cause = ""
            if not user.active:
                cause = "disabled"
            elif user.locked_until and user.locked_until > now:
                cause = "locked"
            else:
                try:
                    _HASHER.verify(user.password_hash, password)
                except (VerifyMismatchError, VerificationError, InvalidHashError):
                    cause = "bad_password"
            if cause:
                if cause == "bad_password":
                    user.failed_attempts += 1
                    if user.failed_attempts >= settings["lockout_threshold"]:
                        user.locked_until = now + dt.timedelta(minutes=settings["lockout_minutes"])
                        user.failed_attempts = 0
                        cause = "bad_password_locked"
                audit.append(s, event_type="auth.sign_in", outcome="failed", user_id=user.id,
                             username=user.username, object_type="user", object_id=user.id,
                             detail={"cause": cause})
                failed = True
            else:
                user.failed_attempts = 0
                user.locked_until = None
                if _HASHER.check_needs_rehash(user.password_hash):
                    user.password_hash = _HASHER.hash(password)
                audit.append(s, event_type="auth.sign_in", user_id=user.id, username=user.username,
                             object_type="user", object_id=user.id)
                actor = _actor(user)
    if failed:
        raise AuthenticationFailed(SIGN_IN_FAILED)
    return actor


def authenticate_administrator(session: Session, *, username: str, password: str) -> User:
    """Check an active, unlocked administrator's password in the caller's transaction, writing nothing
    (restore uses it on the backup about to become the database, whose first new event is the restore).

    Raises AuthenticationFailed (the sign-in message) or PermissionDenied (not an administrator).
    """
    user = session.scalars(select(User).where(User.username == username.strip())).one_or_none()
    try:
        _HASHER.verify(user.password_hash if user else _dummy_hash(), password)
        good = user is not None and user.active and not (user.locked_until and user.locked_until > utcnow())
    except (VerificationError, InvalidHashError):
        good = False
    if not good:
        raise AuthenticationFailed(SIGN_IN_FAILED)
    if user.role != Role.ADMINISTRATOR.value:
        raise PermissionDenied(f"Your role ({user.role}) does not allow this action; it needs administrator.")
    return user


@service
def add_user(db: Database, actor: Actor, *, username: str, display_name: str, role: str, password: str) -> UserInfo:
    """Create an account (administrator)."""
    username = _validate_username(username)
    with operation(db, actor, "user.create", object_type="user", roles=[Role.ADMINISTRATOR]) as op:
        if op.session.scalars(select(User).where(User.username == username)).first():
            raise RuleViolation(f"The user name {username!r} is taken.")
        check_password_policy(password, username, all_in(op.session)["password_min_length"])
        user = User(username=username, display_name=display_name.strip() or username,
                    role=_role(role), password_hash=_HASHER.hash(password))
        op.session.add(user)
        op.session.flush()
        op.audit(object_id=user.id, detail={"role": user.role})
        return _info(user)


@service
def list_users(db: Database, actor: Actor) -> list[UserInfo]:
    """All accounts (administrators and supervisors, who assign investigations)."""
    with operation(db, actor, "user.list", object_type="user",
                   roles=[Role.ADMINISTRATOR, Role.SUPERVISOR]) as op:
        return [_info(u) for u in op.session.scalars(select(User).order_by(User.username))]


def _target(op, user_id: int) -> User:  # type: ignore[no-untyped-def]
    user = op.session.get(User, user_id)
    if user is None:
        raise NotFound(f"User {user_id} does not exist.")
    return user


@service
def set_user_active(db: Database, actor: Actor, *, user_id: int, active: bool) -> UserInfo:
    """Disable or re-enable an account (administrator); an administrator cannot disable themself."""
    with operation(db, actor, "user.enable" if active else "user.disable", object_type="user",
                   object_id=user_id, roles=[Role.ADMINISTRATOR]) as op:
        user = _target(op, user_id)
        if user.id == op.user.id and not active:
            raise RuleViolation("You cannot disable your own account.")
        user.active = active
        op.session.flush()
        return _info(user)


@service
def set_user_role(db: Database, actor: Actor, *, user_id: int, role: str) -> UserInfo:
    """Change a role (administrator); takes effect on the user's next action."""
    with operation(db, actor, "user.set_role", object_type="user", object_id=user_id,
                   roles=[Role.ADMINISTRATOR]) as op:
        user = _target(op, user_id)
        if user.id == op.user.id and role != Role.ADMINISTRATOR.value:
            raise RuleViolation("You cannot remove your own administrator role.")
        user.role = _role(role)
        op.detail = {"role": user.role}
        op.session.flush()
        return _info(user)


@service
def reset_password(db: Database, actor: Actor, *, user_id: int, new_password: str) -> UserInfo:
    """Set a new password for a user and unlock the account (administrator)."""
    with operation(db, actor, "user.reset_password", object_type="user", object_id=user_id,
                   roles=[Role.ADMINISTRATOR]) as op:
        user = _target(op, user_id)
        check_password_policy(new_password, user.username, all_in(op.session)["password_min_length"])
        user.password_hash = _HASHER.hash(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        user.must_change_password = True
        op.session.flush()
        return _info(user)


@service
def unlock_user(db: Database, actor: Actor, *, user_id: int) -> UserInfo:
    """Lift a lockout (administrator)."""
    with operation(db, actor, "user.unlock", object_type="user", object_id=user_id,
                   roles=[Role.ADMINISTRATOR]) as op:
        user = _target(op, user_id)
        user.failed_attempts = 0
        user.locked_until = None
        op.session.flush()
        return _info(user)


@service
def change_own_password(db: Database, actor: Actor, *, old_password: str, new_password: str) -> None:
    """Any signed-in user changes their own password, giving the current one."""
    with operation(db, actor, "user.change_password", object_type="user", object_id=actor.user_id) as op:
        try:
            _HASHER.verify(op.user.password_hash, old_password)
        except (VerificationError, InvalidHashError) as exc:
            raise RuleViolation("The current password is wrong; the password was not changed.") from exc
        check_password_policy(new_password, op.user.username, all_in(op.session)["password_min_length"])
        op.user.password_hash = _HASHER.hash(new_password)
        op.user.must_change_password = False
