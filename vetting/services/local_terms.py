"""Department-wide local screening terms: one list in the database, versioned and audited.

Administrators add words the shipped lists lack (e.g. local congregations, clans, units). Every
save adds a version (versions never change); every workstation screens with the newest version,
read from the database at each screening, and the engine's version string — written into every
redaction record — names it ("local terms v3"). A workstation's ``local_terms_file`` setting is
still honoured, and :func:`import_local_terms_file` copies such a file into the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from vetting.db import Database
from vetting.errors import ConfigError, RuleViolation
from vetting.models import LocalTermsVersion, Role, User
from vetting.services.core import Actor, operation, service

#: Largest local list accepted (characters); a department list is a few hundred lines.
MAX_LOCAL_TERMS_CHARS = 200_000


@dataclass(frozen=True)
class LocalTermsView:
    version: int  # 0: no local terms yet
    content: str
    digest: str
    term_count: int
    note: str
    created_at: dt.datetime | None
    created_by: str | None

    @property
    def label(self) -> str:
        """How redaction records name this version."""
        return _label(self.version, self.digest) if self.version else ""


def _label(version: int, digest: str) -> str:
    return f"local terms v{version} {digest[:12]}"


_EMPTY = LocalTermsView(0, "", "", 0, "", None, None)


def _view(row: LocalTermsVersion | None, session: Session) -> LocalTermsView:
    if row is None:
        return _EMPTY
    who = session.get(User, row.created_by_id) if row.created_by_id else None
    return LocalTermsView(row.id, row.content, row.digest, row.term_count, row.note, row.created_at,
                          who.display_name or who.username if who else None)


def current_in(session: Session) -> LocalTermsView:
    """The newest version (inside a caller's transaction); version 0 when there is none."""
    row = session.scalars(select(LocalTermsVersion).order_by(LocalTermsVersion.id.desc()).limit(1)).first()
    return _view(row, session)


#: list text by digest: every screening asks which version is current (a small query), and the
#: text of a version never changes, so it is read from the database once per process
_CONTENT_BY_DIGEST: dict[str, str] = {}


def local_terms_option(session: Session) -> tuple[str, str] | None:
    """``(label, text)`` for the screening engine, or None when the department has no list.

    Called for every screened text: reads the newest version's number and digest, and its text
    only the first time this process meets that version."""
    row = session.execute(select(LocalTermsVersion.id, LocalTermsVersion.digest)
                          .order_by(LocalTermsVersion.id.desc()).limit(1)).first()
    if row is None:
        return None
    content = _CONTENT_BY_DIGEST.get(row.digest)
    if content is None:
        content = session.scalar(select(LocalTermsVersion.content).where(LocalTermsVersion.id == row.id)) or ""
        _CONTENT_BY_DIGEST[row.digest] = content
    return (_label(row.id, row.digest), content) if content.strip() else None


def current_local_terms(db: Database) -> LocalTermsView:
    """The newest version (read-only; terms are vocabulary, not subject data: not audited)."""
    with db.read() as s:
        return current_in(s)


def local_terms_history(db: Database) -> list[LocalTermsView]:
    with db.read() as s:
        rows = s.scalars(select(LocalTermsVersion).order_by(LocalTermsVersion.id.desc())).all()
        return [_view(r, s) for r in rows]


def _validate(content: str, label: str) -> int:
    from vetting.screening.terms import parse_local_terms

    if len(content) > MAX_LOCAL_TERMS_CHARS:
        raise RuleViolation(f"The local term list is {len(content):,} characters long; the limit is "
                            f"{MAX_LOCAL_TERMS_CHARS:,}. Nothing was saved.")
    try:
        return len(parse_local_terms(content, label))
    except ConfigError as exc:
        raise RuleViolation(f"{exc} Nothing was saved; correct that line and save again.") from exc


@service
def save_local_terms(db: Database, actor: Actor, *, content: str, note: str = "") -> LocalTermsView:
    """Store ``content`` as the next version of the department's local terms (administrator).

    Transaction: one; audited as ``local_terms.save`` with the version, digest and term count.
    Raises :class:`RuleViolation` (line-numbered) when a line is malformed; nothing is stored.
    """
    content = content.replace("\r\n", "\n")
    note = " ".join(note.split())[:500]
    with operation(db, actor, "local_terms.save", object_type="local_terms",
                   roles=[Role.ADMINISTRATOR]) as op:
        count = _validate(content, "local terms")
        previous = current_in(op.session)
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
        if previous.version and previous.digest == digest:
            raise RuleViolation(f"The list is unchanged (version {previous.version}); nothing was saved.")
        row = LocalTermsVersion(content=content, digest=digest, term_count=count, note=note,
                                created_by_id=op.user.id)
        op.session.add(row)
        op.session.flush()
        op.object_id = row.id
        op.detail = {"version": row.id, "digest": digest, "terms": count, "previous": previous.version}
        return _view(row, op.session)


def import_local_terms_file(db: Database, actor: Actor, *, path: str | Path, note: str = "") -> LocalTermsView:
    """Read a local term file (the old per-workstation setting) and save it as the next version."""
    from vetting.screening.terms import _read_text

    try:
        text = _read_text(Path(path), str(path))
    except ConfigError as exc:
        raise RuleViolation(str(exc)) from exc
    return save_local_terms(db, actor, content=text, note=note or f"imported from {Path(path).name}")


__all__ = ["LocalTermsView", "MAX_LOCAL_TERMS_CHARS", "current_in", "current_local_terms",
           "import_local_terms_file", "local_terms_history", "local_terms_option", "save_local_terms"]
