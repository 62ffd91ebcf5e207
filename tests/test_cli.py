"""The `vetting` command line, run as a person would (in-process and as a real subprocess)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def fresh_url(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def run(url, *args, stdin=None, env_extra=None):
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "vetting.cli", "--database-url", url, *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=300)


def test_help_lists_the_commands():
    r = subprocess.run([sys.executable, "-m", "vetting.cli", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    for cmd in ("init", "users", "demo", "audit", "backup", "restore", "report", "screen"):
        assert cmd in r.stdout


def test_init_creates_the_database_and_the_first_administrator(fresh_url, tmp_path):
    r = run(fresh_url, "init", "--admin", "chief", "--display-name", "Chief Admin", "--password-stdin",
            stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    assert "Administrator chief created" in r.stdout
    assert (tmp_path / "cli.sqlite3").exists()
    again = run(fresh_url, "init", "--admin", "other", "--password-stdin", stdin=PASSWORD + "\n")
    assert again.returncode == 1 and "already exists" in again.stderr


@pytest.mark.parametrize("var", ["VETTING_NEW_PASSWORD", "VETTING_PASSWORD"])
def test_init_without_a_terminal_takes_the_new_password_from_the_environment(tmp_path, var):
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    clean = {k: "" for k in ("VETTING_NEW_PASSWORD", "VETTING_PASSWORD")}
    r = run(url, "init", "--admin", "chief", stdin="", env_extra={**clean, var: PASSWORD})
    assert r.returncode == 0, r.stderr
    assert "Administrator chief created" in r.stdout


def test_init_without_a_terminal_or_password_names_both_ways_to_give_it(fresh_url):
    env = dict(os.environ)
    env.pop("VETTING_NEW_PASSWORD", None)
    env.pop("VETTING_PASSWORD", None)
    r = subprocess.run([sys.executable, "-m", "vetting.cli", "--database-url", fresh_url, "init", "--admin",
                        "chief"], input="", capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 1
    assert "set VETTING_NEW_PASSWORD or pipe it with --password-stdin" in r.stderr


def test_weak_password_is_refused_with_the_rules(fresh_url):
    r = run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin="short\n")
    assert r.returncode == 1 and "at least 12 characters" in r.stderr


def test_users_add_list_disable(fresh_url):
    env = {"VETTING_PASSWORD": PASSWORD}
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    r = run(fresh_url, "--user", "chief", "users", "add", "ivan", "--role", "investigator", "--display-name",
            "Det. Ivan", "--new-password-stdin", stdin=PASSWORD + "\n", env_extra=env)
    assert r.returncode == 0, r.stderr
    r = run(fresh_url, "--user", "chief", "users", "disable", "ivan", env_extra=env)
    assert r.returncode == 0, r.stderr
    r = run(fresh_url, "--user", "chief", "users", "list", env_extra=env)
    line = next(x for x in r.stdout.splitlines() if " ivan " in x)
    assert "investigator" in line and "disabled" in line
    r = run(fresh_url, "--user", "ivan", "users", "list", env_extra=env)
    assert r.returncode == 1 and "Sign-in failed" in r.stderr


def test_wrong_password_gives_the_generic_message(fresh_url):
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    for user in ("chief", "nobody"):
        r = run(fresh_url, "--user", user, "users", "list", env_extra={"VETTING_PASSWORD": "wrong-password-123"})
        assert r.returncode == 1
        assert "the user name or password is wrong" in r.stderr


def test_demo_then_audit_verify_then_report_and_verify(fresh_url, tmp_path):
    env = {"VETTING_PASSWORD": PASSWORD}
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    r = run(fresh_url, "--user", "chief", "demo", "--demo-password", PASSWORD, env_extra=env)
    assert r.returncode == 0, r.stderr
    assert "investigation" in r.stdout and "demo.investigator" in r.stdout
    assert "DEMONSTRATION signing certificate" in r.stdout
    ids = [int(line.split()[1].rstrip(":")) for line in r.stdout.splitlines() if line.strip().startswith("investigation")]
    assert len(ids) == 3
    r = run(fresh_url, "audit", "verify")
    assert r.returncode == 0 and "Audit chain OK" in r.stdout
    pdf = tmp_path / "approved.pdf"
    r = run(fresh_url, "--user", "demo.supervisor", "report", str(ids[2]), "-o", str(pdf), env_extra=env)
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    r = run(fresh_url, "report", "verify", str(pdf))
    assert r.returncode == 0 and r.stdout.startswith("Signature: OK - signed by"), r.stdout + r.stderr
    assert "DEMO" in r.stdout and "Record: OK: this is report" in r.stdout
    r = run(f"sqlite:///{tmp_path / 'no-such-database.sqlite3'}", "report", "verify", str(pdf))
    assert r.returncode == 0 and "Signature: OK" in r.stdout and "Record: not checked" in r.stdout, r.stdout
    assert not (tmp_path / "no-such-database.sqlite3").exists()
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    r = run(fresh_url, "report", "verify", str(tampered))
    assert r.returncode == 1 and "Signature: FAILED" in r.stdout and "NOT VERIFIED" in r.stdout


def test_backup_writes_a_consistent_copy_and_refuses_to_overwrite(fresh_url, tmp_path):
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    out = tmp_path / "b.sqlite3"
    env = {"VETTING_PASSWORD": PASSWORD}
    r = run(fresh_url, "--user", "chief", "backup", "-o", str(out), env_extra=env)
    assert r.returncode == 0, r.stderr
    r2 = run(f"sqlite:///{out}", "audit", "verify")
    assert r2.returncode == 0
    r = run(fresh_url, "--user", "chief", "backup", "-o", str(out), env_extra=env)
    assert r.returncode == 1 and "exists" in r.stderr


def test_a_damaged_database_is_refused_by_every_command(tmp_path):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    url = f"sqlite:///{path}"
    for args in (["init"], ["audit", "verify"], ["backup", "-o", str(tmp_path / "x")]):
        r = run(url, *args)
        assert r.returncode == 1
        assert str(path) in r.stderr and "not modified" in r.stderr
    assert path.read_bytes() == b"this is not a database" * 100


def test_audit_export_writes_json_lines(fresh_url, tmp_path):
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    out = tmp_path / "events.jsonl"
    r = run(fresh_url, "--user", "chief", "audit", "export", "--from", "2020-01-01", "-o", str(out),
            env_extra={"VETTING_PASSWORD": PASSWORD})
    assert r.returncode == 0, r.stderr
    events = [json.loads(x) for x in out.read_text().splitlines()]
    assert events and {"seq", "hash", "event_type", "outcome", "occurred_at"} <= set(events[0])
    r = run(fresh_url, "--user", "chief", "audit", "export", "--from", "yesterday",
            env_extra={"VETTING_PASSWORD": PASSWORD})
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr


def test_purge_dry_run_and_export_from_the_command_line(fresh_url, tmp_path):
    env = {"VETTING_PASSWORD": PASSWORD}
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    r = run(fresh_url, "--user", "chief", "demo", "--demo-password", PASSWORD, env_extra=env)
    approved = int([x for x in r.stdout.splitlines() if "approved" in x][0].split()[1].rstrip(":"))
    r = run(fresh_url, "--user", "chief", "purge", "--dry-run", env_extra=env)
    assert r.returncode == 0 and "Nothing is due" in r.stdout
    bundle = tmp_path / "b.zip"
    r = run(fresh_url, "--user", "demo.supervisor", "export", str(approved), "-o", str(bundle), env_extra=env)
    assert r.returncode == 0, r.stderr
    r = run(fresh_url, "export", "verify", str(bundle))
    assert r.returncode == 0 and r.stdout.startswith("OK")


def test_backup_and_restore_need_an_administrator_sign_in_and_leave_a_trace(fresh_url, tmp_path):
    env = {"VETTING_PASSWORD": PASSWORD}
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    out = tmp_path / "b.sqlite3"
    r = run(fresh_url, "backup", "-o", str(out))
    assert r.returncode == 1 and "--user" in r.stderr and not out.exists()
    for user in ("nobody", "chief"):  # an unknown user, and the administrator with a wrong password
        r = run(fresh_url, "--user", user, "backup", "-o", str(out), env_extra={"VETTING_PASSWORD": "Wrong-Guess-123"})
        assert r.returncode == 1 and "Sign-in failed" in r.stderr and not out.exists()
    r = run(fresh_url, "--user", "chief", "backup", "-o", str(out), env_extra=env)
    assert r.returncode == 0 and "SHA-256" in r.stdout, r.stderr
    r = run(fresh_url, "restore", str(out), "--yes")
    assert r.returncode == 1 and "--user" in r.stderr
    r = run(fresh_url, "--user", "chief", "restore", str(out), "--yes", env_extra=env)
    assert r.returncode == 0 and "recorded as audit event" in r.stdout, r.stderr
    r = run(fresh_url, "--user", "chief", "audit", "export", env_extra=env)
    events = [json.loads(x) for x in r.stdout.splitlines()]
    kinds = [(e["event_type"], e["outcome"]) for e in events]
    # The restored chain is the backup's (which ends before its own backup event) and then the restore.
    assert kinds[-2:] == [("database.restore", "success"), ("auth.sign_in", "success")]  # then this export
    assert ("database.backup", "success") not in kinds
    (kept,) = tmp_path.glob("cli-replaced-*.sqlite3")
    conn = sqlite3.connect(kept)  # the replaced database keeps the record of the backup
    assert conn.execute("SELECT username FROM audit_event WHERE event_type = 'database.backup' "
                        "AND outcome = 'success'").fetchall() == [("chief",)]
    conn.close()
    r = run(fresh_url, "audit", "verify")
    assert r.returncode == 0, r.stdout


def test_after_a_reset_the_message_names_users_passwd_which_changes_ones_own_password(fresh_url):
    env = {"VETTING_PASSWORD": PASSWORD}
    run(fresh_url, "init", "--admin", "chief", "--password-stdin", stdin=PASSWORD + "\n")
    run(fresh_url, "--user", "chief", "users", "add", "ivan", "--role", "investigator", "--new-password-stdin",
        stdin=PASSWORD + "\n", env_extra=env)
    r = run(fresh_url, "--user", "chief", "users", "reset-password", "ivan", "--new-password-stdin",
            stdin="Temporary-Reset-Pass-51\n", env_extra=env)
    assert r.returncode == 0 and "vetting --user ivan users passwd" in r.stdout
    temp = {"VETTING_PASSWORD": "Temporary-Reset-Pass-51"}
    r = run(fresh_url, "--user", "ivan", "purge", "--dry-run", env_extra=temp)
    assert r.returncode == 1 and "vetting users passwd" in r.stderr
    r = run(fresh_url, "--user", "ivan", "users", "passwd", "--new-password-stdin", stdin="            \n",
            env_extra=temp)
    assert r.returncode == 1 and "only spaces" in r.stderr
    r = run(fresh_url, "--user", "ivan", "--password-stdin", "users", "passwd", "--new-password-stdin",
            stdin="Temporary-Reset-Pass-51\nBrand-New-Own-Secret-93\n")
    assert r.returncode == 0 and "changed" in r.stdout, r.stderr
    r = run(fresh_url, "--user", "ivan", "users", "passwd", "--new-password-stdin", stdin="x\n",
            env_extra={"VETTING_PASSWORD": "Brand-New-Own-Secret-93"})
    assert r.returncode == 1 and "at least 12 characters" in r.stderr
