"""Every `vetting` command, given what a careless day or an attacker gives it (missing folders,
unwritable paths, malformed files, bogus URLs, a data folder that cannot be made, a read-only
database folder), ends with one plain line on stderr and a non-zero exit — never a traceback.

Each command runs as a real subprocess, as a person would run it. `vetting screen` is not in the
sweep: it never opens the database (its bad input is covered by tests/test_screening_cli.py).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests import bundle_faults
from tests.conftest import PASSWORD

pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parent.parent
ENV = {"VETTING_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT)}


def run(*args: str, url: str | None = None, home: Path | None = None, stdin: str = "",
        as_user: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VETTING_")}
    env.update(ENV)
    if home is not None:
        env["VETTING_HOME"] = str(home)
    argv = [sys.executable, "-m", "vetting.cli", *(["--database-url", url] if url else []), *args]
    if as_user:
        argv = [*as_user, "env", *(f"{k}={v}" for k, v in env.items() if k.startswith(("VETTING_", "PYTHON"))),
                *argv]
    return subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)


def assert_one_line_refusal(r: subprocess.CompletedProcess[str], *phrases: str) -> str:
    out = r.stdout + r.stderr
    assert "Traceback" not in out, out
    assert r.returncode != 0, out
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vetting: "), r.stderr
    for phrase in phrases:
        assert phrase in out, out
    return lines[0]


@pytest.fixture(scope="module")
def workbench(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    """A database with an administrator (chief) and an investigator (ivan), and a home for settings."""
    base = tmp_path_factory.mktemp("cli-failures")
    url = f"sqlite:///{base / 'db.sqlite3'}"
    r = run("init", "--admin", "chief", "--password-stdin", url=url, home=base / "home", stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    r = run("--user", "chief", "users", "add", "ivan", "--role", "investigator", "--new-password-stdin",
            url=url, home=base / "home", stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    return {"base": base, "url": url, "db": base / "db.sqlite3", "home": base / "home"}


def commands(out: Path) -> dict[str, list[str]]:
    """Every command that opens the database, as a person would type it (acting as chief)."""
    u = ["--user", "chief"]
    return {
        "init": ["init"],
        "users list": [*u, "users", "list"],
        "users add": [*u, "users", "add", "newbie", "--role", "investigator", "--new-password-stdin"],
        "users disable": [*u, "users", "disable", "ivan"],
        "users enable": [*u, "users", "enable", "ivan"],
        "users unlock": [*u, "users", "unlock", "ivan"],
        "users reset-password": [*u, "users", "reset-password", "ivan", "--new-password-stdin"],
        "users passwd": [*u, "users", "passwd", "--new-password-stdin"],
        "demo": [*u, "demo"],
        "audit verify": ["audit", "verify"],
        "audit export": [*u, "audit", "export", "-o", str(out / "events.jsonl")],
        "backup": [*u, "backup", "-o", str(out / "backup.sqlite3")],
        "restore": [*u, "restore", str(out / "backup.sqlite3"), "--yes"],
        "report": [*u, "report", "1", "-o", str(out / "r.pdf")],
        "report verify": ["report", "verify", str(out / "r.pdf")],
        "purge": [*u, "purge", "--dry-run"],
        "export": [*u, "export", "1", "-o", str(out / "b.zip")],
    }


COMMANDS = sorted(commands(Path("/x")))
STDIN = "Brand-New-Own-Secret-93\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bogus_database_url_is_named_in_one_line(command, tmp_path, workbench):
    r = run(*commands(tmp_path)[command], url="bogus://x", home=workbench["home"], stdin=STDIN)
    if command == "report verify":  # verifies a signed PDF without any database: the missing file is named
        assert_one_line_refusal(r, "r.pdf")
        return
    assert_one_line_refusal(r, "'bogus'", "sqlite:///")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_data_folder_that_cannot_be_created_is_named_in_one_line(command, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    r = run(*commands(tmp_path)[command], home=blocker, stdin=STDIN)
    if command == "report verify":  # needs no data folder: the missing file is named
        assert_one_line_refusal(r, "r.pdf")
        return
    assert_one_line_refusal(r, str(blocker), "VETTING_HOME")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_malformed_settings_file_is_named_in_one_line(command, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text('database_url = "sqlite:///x\n')
    r = run(*commands(tmp_path)[command], home=tmp_path, stdin=STDIN)
    if command == "report verify":  # the file to verify is read first: its absence is named
        assert_one_line_refusal(r, "r.pdf")
        return
    assert_one_line_refusal(r, "settings.toml", "not valid TOML")


@pytest.mark.parametrize("command", ["audit export", "backup", "report", "export"])
def test_writing_into_a_missing_folder_is_refused_before_any_work(command, tmp_path, workbench):
    missing = tmp_path / "no-such-folder"
    r = run(*commands(missing)[command], url=workbench["url"], home=workbench["home"])
    assert_one_line_refusal(r, f"The folder {missing} does not exist")
    assert not missing.exists()


@pytest.mark.parametrize("command", ["audit export", "backup", "report", "export"])
def test_writing_to_an_unwritable_place_is_one_line(command, workbench):
    # /proc refuses new files even to root, who can write anywhere else.
    r = run(*commands(Path("/proc"))[command], url=workbench["url"], home=workbench["home"])
    assert_one_line_refusal(r, "/proc")


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return bundle_faults.malformed(tmp_path_factory.mktemp("bundles"))


@pytest.mark.parametrize("fault", sorted(bundle_faults.malformed(Path(tempfile.mkdtemp()))))
def test_export_verify_refuses_a_malformed_bundle_with_its_reason(fault, bundles):
    path, phrase = bundles[fault]
    r = run("export", "verify", str(path))
    assert_one_line_refusal(r, phrase)
    assert " is listed but missing" not in r.stdout or fault == "missing_file"


def test_export_verify_of_a_missing_file_is_one_line(tmp_path):
    assert_one_line_refusal(run("export", "verify", str(tmp_path / "nowhere.zip")), "nowhere.zip")


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.4 truncated"])
def test_report_verify_of_a_malformed_or_missing_pdf_is_one_line(content, tmp_path, workbench):
    pdf = tmp_path / "r.pdf"
    if content:
        pdf.write_bytes(content)
    r = run("report", "verify", str(pdf), url=workbench["url"], home=workbench["home"])
    assert "Traceback" not in r.stdout + r.stderr and r.returncode != 0


def _copy(workbench, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "copy.sqlite3"
    src = sqlite3.connect(workbench["db"])
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path, f"sqlite:///{path}"


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")  # what an attacker with the file does first
    for st in statements:
        conn.execute(st)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("statement,phrase", [
    ("UPDATE audit_event SET detail = '{not json' WHERE seq = 2", "event 2 was altered after it was written (its "
                                                                  "detail is not valid JSON)"),
    ("UPDATE audit_event SET occurred_at = 'yesterday' WHERE seq = 1", "event 1 was altered after it was written "
                                                                       "(its time is not a valid date and time)"),
    ("UPDATE audit_event SET detail = '[1, 2]' WHERE seq = 2", "its detail is not a JSON object"),
])
def test_audit_verify_reports_an_unreadable_row_instead_of_crashing(statement, phrase, tmp_path, workbench):
    path, url = _copy(workbench, tmp_path)
    _tamper(path, statement)
    r = run("audit", "verify", url=url, home=workbench["home"])
    assert_one_line_refusal(r, "Audit chain BROKEN", phrase)


@pytest.mark.parametrize("command", ["audit verify", "users list", "backup"])
def test_dropped_audit_tables_are_reported_as_tampering(command, tmp_path, workbench):
    path, url = _copy(workbench, tmp_path)
    _tamper(path, "DROP TABLE audit_event", "DROP TABLE audit_head")
    r = run(*commands(tmp_path)[command], url=url, home=workbench["home"])
    assert_one_line_refusal(r, "outside the workbench")


@pytest.mark.parametrize("content,phrase", [
    (b"garbage" * 100, "not a workbench database"),
    (None, "does not exist"),
])
def test_restore_of_a_malformed_or_missing_file_is_one_line_and_replaces_nothing(content, phrase, tmp_path,
                                                                                 workbench):
    path, url = _copy(workbench, tmp_path)
    before = path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    if content is not None:
        bad.write_bytes(content)
    r = run("--user", "chief", "restore", str(bad), "--yes", url=url, home=workbench["home"])
    assert_one_line_refusal(r, phrase)
    assert path.read_bytes() == before


@pytest.fixture
def nobody_folder() -> tuple[Path, list[str]]:
    """A folder that the unprivileged user `nobody` can read but not write (root can write anywhere)."""
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("needs root and runuser to act as an unprivileged user")
    folder = Path(tempfile.mkdtemp(prefix="vetting-ro-"))
    os.chmod(folder, 0o755)
    home = folder / "home"
    home.mkdir()
    shutil.chown(home, "nobody")
    yield folder, ["runuser", "-u", "nobody", "--"]
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("command", ["audit verify", "users list", "init"])
def test_a_database_in_a_read_only_folder_is_called_read_only_not_damaged(command, nobody_folder, workbench):
    folder, as_nobody = nobody_folder
    path = folder / "db.sqlite3"
    shutil.copy(workbench["db"], path)
    shutil.chown(path, "nobody")  # the file is theirs; the folder is not writable for them
    r = run(*commands(folder)[command], url=f"sqlite:///{path}", home=folder / "home", as_user=as_nobody)
    line = assert_one_line_refusal(r, "cannot be written", f"the folder {folder} is read-only", "Make it writable")
    assert "damaged" not in line and "not a workbench database" not in line


def test_demo_killed_half_way_can_be_rerun(tmp_path):
    """Kill `vetting demo` once its users exist (the engine load that follows takes seconds); the
    rerun says exactly what exists and a run with another suffix completes beside it."""
    import signal
    import time

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    home = tmp_path / "home"
    assert run("init", "--admin", "chief", "--password-stdin", url=url, home=home, stdin=PASSWORD + "\n").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("VETTING_")} | ENV | {"VETTING_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "vetting.cli", "--database-url", url, "--user", "chief", "demo"],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(tmp_path / "demo.sqlite3", timeout=0.2) as c:
                if c.execute("SELECT count(*) FROM hiring_process").fetchone()[0]:
                    break
        except sqlite3.OperationalError:
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    again = run("--user", "chief", "demo", url=url, home=home)
    if again.returncode == 0:  # the kill came after the last step: the rerun recognises the whole demo
        assert "already exists" in again.stdout
    else:  # one sentence, then exactly what exists, one thing a line
        first, *listed = again.stderr.strip().splitlines()
        assert "Traceback" not in again.stderr and first.startswith("vetting: ") and "--suffix" in first
        assert "  - user demo.investigator" in listed and "  - user demo.supervisor" in listed
        assert any(x.startswith("  - hiring process 'Police Officer - 2027 spring'") for x in listed)
    beside = run("--user", "chief", "demo", "--suffix", "-2", "--demo-password", PASSWORD, url=url, home=home)
    assert beside.returncode == 0, beside.stderr
    assert "demo.investigator-2" in beside.stdout
    third = run("--user", "chief", "demo", "--suffix", "-2", url=url, home=home)
    assert third.returncode == 0 and "already exists" in third.stdout
