"""Engine, sessions, SQLite pragmas, migrations, backups.

One :class:`Database` per process, made at start-up from the configured URL. Services open one
transaction per user action with :meth:`Database.write` (SQLite: ``BEGIN IMMEDIATE``, so two
workstations sharing a file serialise instead of failing half-way) or :meth:`Database.read`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import stat
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from vetting.config import DEFAULT_BUSY_TIMEOUT_SECONDS, data_dir
from vetting.errors import DatabaseUnavailable

log = logging.getLogger(__name__)

#: Environment variable holding the passphrase of an encrypted (SQLCipher) database.
KEY_ENV = "VETTING_DB_KEY"
SQLITE_HEADER = b"SQLite format 3\x00"
BACKUPS_KEPT = 5
_MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config  # imported when needed: it costs start-up time

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() or ""


SUPPORTED_URLS = "sqlite:////path/to/vetting.sqlite3 or postgresql://user@host/database"


def parse_url(url: str) -> URL:
    """The URL as SQLAlchemy reads it; DatabaseUnavailable for one the workbench cannot use."""
    scheme = url.split(":", 1)[0] if ":" in url else url
    try:
        u = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"The database URL is not a URL ({scheme!r}); use {SUPPORTED_URLS}.") from exc
    if u.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(
            f"The database URL names {u.get_backend_name()!r}, which the workbench does not use; "
            f"use {SUPPORTED_URLS}.")
    return u


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (None for other databases or in-memory SQLite)."""
    u = parse_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    name = u.database
    if str(u.query.get("uri", "")).lower() in ("true", "1") and name.startswith("file:"):
        # SQLite URI filename (file:PATH?mode=ro&uri=true): the file is PATH, not a folder "file:".
        name = urllib.parse.unquote(urllib.parse.urlsplit(name).path)
        if not name or name == ":memory:" or str(u.query.get("mode", "")) == "memory":
            return None
    return Path(name)


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` (a driver error, possibly wrapped by SQLAlchemy) means another connection
    holds a lock we waited for: SQLite "database is locked"/"busy", PostgreSQL lock timeout
    (SQLSTATE 55P03)."""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) == "55P03" or getattr(orig, "pgcode", None) == "55P03":
        return True
    text = str(orig).lower()
    return "database is locked" in text or "database table is locked" in text or "busy" in text \
        or "lock timeout" in text


def busy_error(wait_seconds: float) -> DatabaseUnavailable:
    """The message for a database another writer kept busy for ``wait_seconds``: cause and remedy."""
    return DatabaseUnavailable(
        f"The database is busy: another workstation or program is writing to it, and it was still "
        f"busy after waiting {wait_seconds:g} seconds. Nothing was saved; your input is kept. Wait "
        "a moment and try again. If it stays busy, close other programs that have the database "
        "open (another copy of the workbench, a database browser, a backup or export still "
        "running) or ask your administrator. How long to wait is the workstation setting "
        "busy_timeout_seconds (settings.toml, or VETTING_BUSY_TIMEOUT)."
    )




# ---------------------------------------------------------------- encryption at rest (SQLCipher)


def resolve_key(key: str | None = None) -> str | None:
    """The passphrase given, else the one in ``VETTING_DB_KEY`` (None when neither)."""
    if key is not None:
        return key
    return os.environ.get(KEY_ENV) or None


def is_encrypted_file(path: Path) -> bool:
    """True for a non-empty file that is not plain SQLite (an SQLCipher file - or not a database)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError:
        return False
    return bool(header) and header != SQLITE_HEADER


def file_key(path: Path, key: str | None) -> str | None:
    """The key to use for ``path``: ``key`` for an encrypted file, None for a plain one."""
    return key if key is not None and is_encrypted_file(path) else None


def sqlite_errors() -> tuple[type[Exception], ...]:
    """The DatabaseError classes of plain SQLite and of SQLCipher (for ``except``)."""
    try:
        from sqlcipher3 import dbapi2 as sqlcipher
    except ImportError:  # pragma: no cover - the wheel is a dependency
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, sqlcipher.DatabaseError)


def _key_pragma(key: str) -> str:
    return "PRAGMA key = '" + key.replace("'", "''") + "'"


def raw_connect(path: Path, key: str | None = None, *, readonly: bool = False, **kw):  # type: ignore[no-untyped-def]
    """A DB-API connection to the SQLite file at ``path``: plain ``sqlite3`` without a key, SQLCipher
    with one (the key applied before anything else is read). ``readonly`` never writes the file."""
    target = f"file:{path}?mode=ro" if readonly else str(path)
    if key is None:
        return sqlite3.connect(target, uri=readonly, **kw)
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(target, uri=readonly, **kw)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, not on stderr
    conn.execute(_key_pragma(key))
    return conn


def _install_sqlite_hooks(engine: Engine, busy_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's is broken)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {busy_ms}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


def check_sqlite_file(path: Path, key: str | None = None) -> None:
    """Refuse a file that is not an SQLite database - or an encrypted one without its right key -
    without modifying it."""
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseUnavailable(f"The database file {path} cannot be read: {exc.strerror}.") from exc
    if not path.stat().st_size or header == SQLITE_HEADER:
        return
    if key is None:
        raise DatabaseUnavailable(
            f"The file {path} is not a workbench database, or it is an encrypted one and no passphrase was "
            f"given (set {KEY_ENV} or enter it when asked). It was not modified. {latest_backup_hint(path)}"
        )
    try:
        conn = raw_connect(path, key, readonly=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite_errors() as exc:  # wrong key, or not a database
        raise DatabaseUnavailable(
            f"The database file {path} could not be opened with the passphrase given: the passphrase is "
            "wrong, or the file is not a workbench database. It was not modified."
        ) from exc


def check_writable(path: Path) -> None:
    """Refuse an SQLite file that cannot be written, naming which of file or folder is read-only.

    SQLite keeps its journal files (``-wal``, ``-shm``) beside the database, so even reading needs
    a writable folder. Without this check SQLite's "unable to open database file" would be taken for
    damage.
    """
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    file_ok = not path.exists() or os.access(path, os.R_OK | os.W_OK)
    if folder_ok and file_ok:
        return
    which = f"the folder {path.parent} is" if not folder_ok else "the file is"
    raise DatabaseUnavailable(
        f"The database {path} cannot be written: {which} read-only for this account (SQLite keeps its "
        "journal files beside the database, so the folder must be writable too). Make it writable, or copy "
        "the database to a folder you can write and point the workbench at the copy. It was not modified.")


def backup_dir(path: Path | None = None) -> Path:
    d = (path.parent if path else data_dir()) / "backups"
    d.mkdir(parents=True, exist_ok=True, mode=0o700)
    return d


def latest_backup(path: Path) -> Path | None:
    """The newest automatic backup of the SQLite file at ``path``, if any."""
    folder = path.parent / "backups"
    backups = sorted(folder.glob(f"{path.stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.exists() else []
    return backups[-1] if backups else None


def latest_backup_hint(path: Path) -> str:
    newest = latest_backup(path)
    if newest:
        return f"The latest automatic backup is {newest} (restore it with `vetting restore`)."
    return "No automatic backup was found."


def sqlite_backup(src: Path, dest: Path, key: str | None = None) -> Path:
    """Copy an SQLite database consistently with the online backup API (safe while in use). An
    encrypted source (``key``) gives a copy encrypted with the same key."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    key = file_key(src, key)
    source = raw_connect(src, key, readonly=True)
    try:
        target = raw_connect(tmp, key)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    os.chmod(tmp, 0o600)
    os.replace(tmp, dest)
    return dest


def _prune_backups(path: Path, prefix: str) -> None:
    backups = sorted(backup_dir(path).glob(f"{prefix}*.sqlite3"))
    for old in backups[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


@dataclass
class Database:
    """The process-wide engine and session factory for one database URL."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    #: seconds a write waits for another writer before :func:`busy_error` (setting busy_timeout_seconds)
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS
    key: str | None = field(default=None, repr=False)  # the SQLCipher passphrase of an encrypted file

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A read-write transaction; commits on success, rolls back on any exception."""
        with self.sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (SQLite: deferred transaction, never takes the write lock)."""
        session = self.sessions()
        try:
            session.connection(execution_options={"sqlite_begin": "DEFERRED"})
            yield session
        finally:
            session.close()  # ends the transaction; loaded objects stay readable (detached)

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS, key: str | None = None) -> Engine:
    """An engine whose writes wait at most ``busy_timeout`` seconds for another writer's lock
    (SQLite ``busy_timeout``; PostgreSQL ``lock_timeout``); with ``key``, SQLite connections are
    SQLCipher connections keyed first."""
    busy_ms = max(1, int(busy_timeout * 1000))
    u = parse_url(url)
    if u.get_backend_name() == "sqlite" and key is not None:
        from sqlcipher3 import dbapi2 as sqlcipher

        path = sqlite_path(url)
        engine = create_engine(url, module=sqlcipher, creator=lambda: raw_connect(
            path, key, timeout=busy_ms / 1000, check_same_thread=False))
        _install_sqlite_hooks(engine, busy_ms)
        return engine
    if u.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": busy_ms / 1000})
        _install_sqlite_hooks(engine, busy_ms)
        return engine
    if u.get_backend_name() == "postgresql" and u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    return create_engine(
        u,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "options": f"-c lock_timeout={busy_ms}"},
    )


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    # A read: never wait for the write lock another workstation may hold.
    with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_database(url: str, *, migrate: bool = True, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS,
                  key: str | None = None, encrypt: bool = False) -> Database:
    """Open (and, by default, create or migrate) the database at ``url``.

    Before migrating an existing SQLite file, a backup is written beside it in ``backups/``
    (the last five kept). A file that is not SQLite, is corrupt, or carries a schema newer than
    this program knows is refused without being modified.

    An encrypted (SQLCipher) file is opened with ``key`` or ``VETTING_DB_KEY``; a wrong or missing
    key is refused before anything is written. A new SQLite file is created encrypted only when
    ``encrypt`` is true (opt-in at creation), with that key.

    Raises
    ------
    DatabaseUnavailable
        With a message naming the file/server and what to do; when another workstation or
        program kept it busy (a migration needs the write lock) for ``busy_timeout`` seconds,
        :func:`busy_error`'s message.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    path = sqlite_path(url)
    key = resolve_key(key)
    if path is not None:
        new = not path.exists() or path.stat().st_size == 0
        if encrypt and not new:
            raise DatabaseUnavailable(f"The database {path} already exists; encryption is chosen when a database "
                                      "is created. It was not modified.")
        if encrypt and not key:
            raise DatabaseUnavailable(f"An encrypted database needs a passphrase: set {KEY_ENV} or enter one.")
        check_sqlite_file(path, key)
        key = key if encrypt else file_key(path, key)
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                raise DatabaseUnavailable(
                    f"The folder {path.parent} for the database cannot be created: {exc.strerror}.") from exc
        check_writable(path)
    else:
        key = None
    engine = make_engine(url, busy_timeout, key)
    where = str(path) if path else make_url(url).render_as_string(hide_password=True)
    try:
        existing = path is not None and path.exists() and path.stat().st_size > 0
        if path is not None and existing:
            _check_sqlite_integrity(path, key)
        rev = current_revision(engine)
        known = ScriptDirectory.from_config(alembic_config(url))
        if rev is not None and not _known_revision(known, rev):
            raise DatabaseUnavailable(
                f"The database {where} was written by a newer version of the workbench (schema "
                f"{rev}). It was not modified. Install the newer version, or restore a backup. "
                + (latest_backup_hint(path) if path else "")
            )
        head = known.get_current_head()
        if migrate and rev != head:
            if path is not None and existing and rev is not None:
                stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
                sqlite_backup(path, backup_dir(path) / f"{path.stem}-premigration-{stamp}.sqlite3", key)
                _prune_backups(path, f"{path.stem}-premigration-")
            if path is not None and not existing and rev is None and _has_foreign_tables(engine):
                raise DatabaseUnavailable(f"The file {path} is an SQLite database of another program. It was not modified.")
            with engine.begin() as conn:
                cfg = alembic_config(url)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        elif not migrate and rev != head:
            raise DatabaseUnavailable(f"The database {where} is not initialised; run `vetting init`.")
        if path is not None:
            _restrict_permissions(path)
    except OperationalError as exc:
        engine.dispose()
        if is_busy(exc):
            raise busy_error(busy_timeout) from exc
        raise DatabaseUnavailable(f"Cannot open the database {where}: {exc.orig}.") from exc
    except DatabaseError as exc:
        engine.dispose()
        hint = latest_backup_hint(path) if path else ""
        raise DatabaseUnavailable(f"The database {where} is damaged: {exc.orig}. It was not modified. {hint}") from exc
    except DatabaseUnavailable:
        engine.dispose()
        raise
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False),
                    busy_timeout=busy_timeout, key=key)


def _known_revision(scripts, rev: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        return scripts.get_revision(rev) is not None
    except Exception:  # alembic raises CommandError/ResolutionError for unknown ids
        return False


def _has_foreign_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _check_sqlite_integrity(path: Path, key: str | None = None) -> None:
    # Read-only check on a separate raw connection, so nothing (not even WAL) is written. A damaged
    # header can still make SQLite create an empty -wal/-shm beside a refused file: those are
    # removed again, so a refused file is left exactly as it was found.
    journals = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {j for j in journals if j.exists()}

    def remove_new_journals() -> None:
        for j in journals:
            if j not in existed:
                with contextlib.suppress(OSError):
                    j.unlink(missing_ok=True)

    try:
        conn = raw_connect(path, key, readonly=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite_errors() as exc:
        remove_new_journals()
        raise DatabaseUnavailable(
            f"The database file {path} is damaged or not a workbench database ({exc}). It was not "
            f"modified. {latest_backup_hint(path)}"
        ) from exc
    if not result or result[0] != "ok":
        remove_new_journals()
        raise DatabaseUnavailable(
            f"The database file {path} failed its integrity check ({result[0] if result else 'no answer'}). "
            f"It was not modified. {latest_backup_hint(path)}"
        )


def _restrict_permissions(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists() and stat.S_IMODE(p.stat().st_mode) & 0o077:
            with contextlib.suppress(OSError):
                os.chmod(p, 0o600)


def encrypt_new_database(db: Database, key: str) -> None:
    """Encrypt the brand-new SQLite database of ``db`` in place with ``key`` (the first-run choice).

    The plain file is copied into an SQLCipher file (``sqlcipher_export``), which then replaces it;
    ``db`` gets a new engine on the encrypted file. Refused once anyone has signed up (an existing
    file holds records: copy it with a backup instead).

    Raises
    ------
    DatabaseUnavailable
        Not an SQLite file, already encrypted, a short passphrase, or users exist.
    """
    from sqlalchemy import text

    path = db.sqlite_path
    if path is None or db.encrypted:
        raise DatabaseUnavailable("Only a new, unencrypted embedded database can be encrypted here.")
    if len(key) < 12:
        raise DatabaseUnavailable("Choose a database passphrase of at least 12 characters.")
    with db.engine.connect() as conn:
        if conn.execute(text("SELECT count(*) FROM user_account")).scalar():
            raise DatabaseUnavailable("This database already has users; it is encrypted only when it is created.")
    db.engine.dispose()
    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(tmp), key))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("PRAGMA encrypted.user_version = " + str(conn.execute("PRAGMA user_version").fetchone()[0]))
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    os.chmod(tmp, 0o600)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)
    db.key = key
    db.engine = make_engine(db.url, db.busy_timeout, key)
    db.sessions = sessionmaker(db.engine, expire_on_commit=False)
