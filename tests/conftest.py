"""Shared fixtures: an isolated VETTING_HOME, a fresh database per test on SQLite and on a real
PostgreSQL server, signed-in actors for each role, and a fail-on-leftover-threads check."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import, and before anything reads a real profile.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="vetting-test-home-")
os.environ["VETTING_HOME"] = _HOME
os.environ.pop("VETTING_DATABASE_URL", None)

from ui._binding_fix import keep_none_alive

keep_none_alive()  # PySide6 6.12.0 on CPython 3.11 loses a reference to None per void call

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests import pg
from vetting.db import Database, open_database
from vetting.services import Actor
from vetting.services import users as U
from vetting.services.templates import install_defaults

PASSWORD = "Correct-Horse-Battery-42"
BACKENDS = ["sqlite", "postgresql"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: runs on SQLite only")
    config.addinivalue_line("markers", "postgres_only: runs on PostgreSQL only")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Backend-specific tests are not run (nor reported as skipped) in the other backend's variant."""
    keep, drop = [], []
    for it in items:
        callspec = getattr(it, "callspec", None)
        backend = callspec.params.get("db_url") if callspec is not None else None
        wrong = (backend == "postgresql" and it.get_closest_marker("sqlite_only")) or (
            backend == "sqlite" and it.get_closest_marker("postgres_only"))
        (drop if wrong else keep).append(it)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(f"sqlite:///{path}")
    install_defaults(db)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str | None]:
    url = os.environ.get("VETTING_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    bindir = pg.find_bin()
    if bindir is None:
        yield None
        return
    cluster = pg.Cluster(bindir)
    _CLUSTER.append(cluster)
    try:
        yield cluster.start()
    finally:
        cluster.cleanup()


_CLUSTER: list[pg.Cluster] = []


@pytest.fixture
def pg_cluster_handle(pg_server: str | None) -> pg.Cluster | None:
    """The suite's own PostgreSQL cluster (to stop and restart it), or None for an external server."""
    return _CLUSTER[0] if _CLUSTER else None


@pytest.fixture(scope="session")
def pg_template(pg_server: str | None) -> str | None:
    if pg_server is None:
        return None
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text("DROP DATABASE IF EXISTS vetting_template"))
        c.execute(text("CREATE DATABASE vetting_template"))
    admin.dispose()
    url = make_url(pg_server).set(database="vetting_template").render_as_string(hide_password=False)
    db = open_database(url)
    install_defaults(db)
    db.dispose()
    return url


def new_pg_database(pg_server: str) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE vetting_template'))
    admin.dispose()
    return make_url(pg_server).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(pg_server: str, url: str) -> None:
    name = make_url(url).database
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A fresh, migrated database with the default template, on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "vetting.sqlite3"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    server = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL server programs not found (install postgresql-15); PostgreSQL tests skipped")
    request.getfixturevalue("pg_template")
    url = new_pg_database(server)
    yield url
    drop_pg_database(server, url)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    return U.create_first_administrator(db, username="admin", display_name="Pat Admin", password=PASSWORD)


def make_user(db: Database, admin: Actor, username: str, role: str, display: str | None = None) -> Actor:
    U.add_user(db, admin, username=username, display_name=display or username.title(), role=role, password=PASSWORD)
    return U.sign_in(db, username=username, password=PASSWORD)


@pytest.fixture
def investigator(db: Database, admin: Actor) -> Actor:
    return make_user(db, admin, "ivan", "investigator", "Det. Ivan Investigator")


@pytest.fixture
def other_investigator(db: Database, admin: Actor) -> Actor:
    return make_user(db, admin, "olga", "investigator", "Det. Olga Other")


@pytest.fixture
def supervisor(db: Database, admin: Actor) -> Actor:
    return make_user(db, admin, "sue", "supervisor", "Sgt. Sue Supervisor")


@pytest.fixture(autouse=True)
def workstation_settings_restored() -> Iterator[None]:
    """A test that writes the workstation's settings.toml (e.g. the demo certificate) leaves no trace."""
    from vetting.config import config_file

    path = config_file()
    before = path.read_bytes() if path.exists() else None
    yield
    if before is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(before)


@pytest.fixture(autouse=True)
def no_leftover_threads() -> Iterator[None]:
    """Fail a test that leaves a worker thread running (napari's conftest does the same)."""
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    for t in leftover:
        t.join(timeout=5)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"test left threads running: {still}"
    jobs = sys.modules.get("ui.jobs")
    if jobs is not None:  # GUI tests moved garbage collection to the main thread; keep it going
        jobs.collect_garbage_if_due()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture
def demo(db: Database, admin: Actor):  # type: ignore[no-untyped-def]
    """The demonstration data (``vetting demo``), created through the services."""
    from vetting.services.demo import create_demo

    return create_demo(db, admin, password=PASSWORD)
