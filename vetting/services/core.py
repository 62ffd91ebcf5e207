"""The unit of work every service function runs in: one transaction, the caller's identity and
role re-checked against the database, and one audit event written in the same transaction.

A refused or failed action rolls back everything it did and is then audited on its own
(outcome ``denied``, ``refused``, ``conflict`` or ``failed``) before the typed error reaches the
caller.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from vetting.config import DEFAULT_BUSY_TIMEOUT_SECONDS
from vetting.db import Database, busy_error, is_busy
from vetting.errors import (
    ConflictError,
    DatabaseUnavailable,
    NotFound,
    PermissionDenied,
    RuleViolation,
    VettingError,
)
from vetting.models import Role, User
from vetting.services import audit

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

#: Every public service function, by name (the role x action matrix test walks this).
SERVICE_FUNCTIONS: dict[str, Callable[..., Any]] = {}


def service(fn: F) -> F:
    """Register a public service function."""
    SERVICE_FUNCTIONS[f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"] = fn
    return fn


@dataclass(frozen=True)
class Actor:
    """Who is acting: the signed-in user as of sign-in. Role is re-read on every action."""

    user_id: int
    username: str
    role: str
    display_name: str = ""
    must_change_password: bool = False  # set after an administrator reset the password


CONFLICT_MESSAGE = (
    "Someone else changed this record on another workstation after you opened it. Your change was "
    "not saved and nothing was overwritten. Reload to see their version, then apply your change again."
)


def missing_table(exc: BaseException) -> bool:
    """The database lacks a table or column the workbench made (changed outside the workbench)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "no such table" in text or "no such column" in text or (
        "does not exist" in text and ("relation" in text or "column" in text))


def busy_message(exc: BaseException, wait_seconds: float = DEFAULT_BUSY_TIMEOUT_SECONDS) -> str:
    """What to tell a person whose write failed with the driver error ``exc``."""
    if missing_table(exc):
        return ("The database lacks tables the workbench made: it was changed outside the workbench. Nothing "
                "was saved. Keep the file as evidence, run `vetting audit verify` and restore a backup.")
    if is_busy(exc):
        return str(busy_error(wait_seconds))
    text = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in text or "read-only" in text:
        return "The database cannot be written (the file or folder is read-only). Nothing was saved."
    if "disk" in text and ("full" in text or "i/o" in text):
        return "The disk holding the database is full or failing. Nothing was saved; free space and try again."
    return (
        "The database could not be reached. Nothing was saved; your input is kept. Check the network "
        f"or database server and try again. ({type(getattr(exc, 'orig', exc)).__name__})"
    )


@dataclass
class Op:
    session: Session
    user: User
    event_type: str
    object_type: str
    object_id: object
    detail: dict[str, Any] = field(default_factory=dict)
    audited: bool = False

    def require_role(self, *roles: Role) -> None:
        if self.user.role not in {r.value for r in roles}:
            raise PermissionDenied(
                f"Your role ({self.user.role}) does not allow this action; it needs "
                + " or ".join(r.value for r in roles)
                + "."
            )

    def audit(self, event_type: str | None = None, *, object_type: str | None = None,
              object_id: object = None, detail: dict[str, Any] | None = None) -> None:
        """Write a success event now (in this transaction); further calls add more events."""
        audit.append(
            self.session,
            event_type=event_type or self.event_type,
            user_id=self.user.id,
            username=self.user.username,
            object_type=object_type if object_type is not None else self.object_type,
            object_id=object_id if object_id is not None else self.object_id,
            detail=detail if detail is not None else self.detail,
        )
        self.audited = True


def _load_user(session: Session, actor: Actor) -> User:
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied("Your account is disabled or no longer exists. Sign in again or ask an administrator.")
    return user


def record_failure(db: Database, actor: Actor | None, event_type: str, object_type: str,
                   object_id: object, outcome: str, message: str = "") -> None:
    """Audit a refused/failed action in its own transaction (best effort)."""
    try:
        with db.write() as s:
            audit.append(
                s,
                event_type=event_type,
                outcome=outcome,
                user_id=actor.user_id if actor else None,
                username=actor.username if actor else "",
                object_type=object_type,
                object_id=object_id,
                detail={"reason": message[:300]} if message else {},
            )
    except Exception:  # the original error matters more; never mask it
        log.exception("could not audit a %s %s", outcome, event_type)


_OUTCOMES: tuple[tuple[type[VettingError], str], ...] = (
    (PermissionDenied, "denied"),
    (ConflictError, "conflict"),
    (RuleViolation, "refused"),
    (NotFound, "refused"),
    (VettingError, "failed"),
)


@contextlib.contextmanager
def operation(
    db: Database,
    actor: Actor,
    event_type: str,
    *,
    object_type: str = "",
    object_id: object = "",
    roles: Iterable[Role] | None = None,
) -> Iterator[Op]:
    """Run one user action as one transaction with its audit event.

    Raises
    ------
    PermissionDenied, RuleViolation, NotFound, ConflictError
        Raised by the body; the transaction is rolled back and the attempt audited.
    DatabaseUnavailable
        The database was busy, unreachable, read-only or full; nothing was written.
    """
    try:
        with db.write() as session:
            user = _load_user(session, actor)
            op = Op(session, user, event_type, object_type, object_id)
            if user.must_change_password and event_type != "user.change_password":
                raise PermissionDenied("An administrator reset your password: choose a new one before you continue "
                                       "(at sign-in in the workbench, or with `vetting users passwd`).")
            if roles is not None:
                op.require_role(*roles)
            yield op
            if not op.audited:
                op.audit()
    except StaleDataError as exc:
        record_failure(db, actor, event_type, object_type, object_id, "conflict")
        raise ConflictError(CONFLICT_MESSAGE) from exc
    except (OperationalError, DBAPIError) as exc:
        if (isinstance(exc, DBAPIError) and not isinstance(exc, OperationalError) and not exc.connection_invalidated
                and not missing_table(exc)):
            # Integrity errors etc. are programming/rule errors; keep them visible.
            if "unique" in str(exc.orig).lower() or "duplicate" in str(exc.orig).lower():
                record_failure(db, actor, event_type, object_type, object_id, "refused", "duplicate")
                raise RuleViolation("A record with the same name already exists.") from exc
            raise
        raise DatabaseUnavailable(busy_message(exc, db.busy_timeout)) from exc
    except VettingError as exc:
        if not isinstance(exc, DatabaseUnavailable):
            outcome = next(o for cls, o in _OUTCOMES if isinstance(exc, cls))
            record_failure(db, actor, event_type, object_type, object_id, outcome, type(exc).__name__)
        raise


def system_write(db: Database, event_type: str, **kw: Any) -> contextlib.AbstractContextManager[Session]:
    """A transaction for actions with no signed-in user (first start, sign-in attempts)."""

    @contextlib.contextmanager
    def _cm() -> Iterator[Session]:
        try:
            with db.write() as s:
                yield s
        except (OperationalError, DBAPIError) as exc:
            if isinstance(exc, OperationalError) or exc.connection_invalidated or missing_table(exc):
                raise DatabaseUnavailable(busy_message(exc, db.busy_timeout)) from exc
            raise

    return _cm()


def get_or_404(session: Session, model: type, ident: object, what: str) -> Any:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFound(f"{what} {ident} does not exist.")
    return obj
