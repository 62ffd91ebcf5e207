"""Department-wide local screening terms: stored in the database, versioned, audited, and used by
every workstation (a second process on the same database is the second workstation)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import select

from tests import factories as fx
from vetting.errors import PermissionDenied, RuleViolation
from vetting.models import AuditEvent, Finding
from vetting.services import local_terms as LT

WORD = "Qorvathian Hall"  # an invented congregation: no shipped list can know it
TEXT = f"He sings every week at {WORD} with the choir."

SECOND_WORKSTATION = textwrap.dedent("""
    import json, sys
    from vetting.db import open_database
    from vetting.services.screening import engine_for, options_from_settings, screen_for_file, screening_settings
    db = open_database(sys.argv[1])
    options = options_from_settings(screening_settings(db))
    result = screen_for_file(sys.argv[2], options=options)
    print(json.dumps({"text": str(result.text), "engine": engine_for(options).version}))
""")


def _second_workstation(db_url: str, text: str) -> dict:
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    out = subprocess.run([sys.executable, "-c", SECOND_WORKSTATION, db_url, text], capture_output=True,
                         text=True, env=env, timeout=180)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_local_terms_saved_by_an_administrator_take_effect_on_a_second_workstation(db, db_url, admin):
    before = _second_workstation(db_url, TEXT)
    assert WORD in before["text"]
    assert "local terms" not in before["engine"]

    v = LT.save_local_terms(db, admin, content=f"RELIGION | {WORD}\n", note="local congregation")
    assert v.version == 1 and v.term_count == 1

    after = _second_workstation(db_url, TEXT)
    assert WORD not in after["text"] and "[REDACTED]" in after["text"]
    assert f"local terms v{v.version}" in after["engine"]


def test_every_change_makes_a_new_audited_version_and_the_newest_is_used(db, admin, supervisor, investigator):
    first = LT.save_local_terms(db, admin, content=f"RELIGION | {WORD}\n")
    second = LT.save_local_terms(db, admin, content="# congregation removed again\n", note="removed")
    assert (first.version, second.version) == (1, 2)
    assert [v.version for v in LT.local_terms_history(db)] == [2, 1]
    assert LT.current_local_terms(db).content.startswith("# congregation removed")
    with db.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "local_terms.save")).all()
        assert [e.detail["version"] for e in events] == [1, 2]

    # the newest version (no term) is what screening uses now: the word stays
    process = fx.make_process(db, supervisor)
    case = fx.open_case(db, supervisor, investigator, process)
    f = fx.add_finding(db, investigator, case, text=TEXT)
    assert WORD in f.text
    with db.read() as s:
        assert "local terms v2" in s.get(Finding, f.id).redaction_engine


def test_a_malformed_line_is_refused_with_its_line_number_and_nothing_is_stored(db, admin):
    with pytest.raises(RuleViolation, match=r"local terms:2: unknown category 'RELIGON'"):
        LT.save_local_terms(db, admin, content=f"RELIGION | {WORD}\nRELIGON | Other Hall\n")
    assert LT.current_local_terms(db).version == 0


def test_only_an_administrator_changes_the_local_terms(db, admin, supervisor):
    with pytest.raises(PermissionDenied):
        LT.save_local_terms(db, supervisor, content=f"RELIGION | {WORD}\n")


def test_a_workstation_file_is_imported_as_a_version(db, admin, tmp_path):
    path = tmp_path / "local_terms.txt"
    path.write_text(f"RELIGION\t{WORD}\n", encoding="utf-8")
    v = LT.import_local_terms_file(db, admin, path=path)
    assert v.version == 1 and v.note == "imported from local_terms.txt"
    with pytest.raises(RuleViolation, match="unchanged"):
        LT.import_local_terms_file(db, admin, path=path)


def test_the_command_line_imports_and_shows_the_department_terms(db, db_url, admin, tmp_path, capsys, monkeypatch):
    from vetting.cli import main

    path = tmp_path / "terms.txt"
    path.write_text(f"RELIGION | {WORD}\n", encoding="utf-8")
    from tests.conftest import PASSWORD

    monkeypatch.setenv("VETTING_PASSWORD", PASSWORD)
    assert main(["terms", "import", str(path), "--user", "admin", "--database-url", db_url, "--note", "clans"]) == 0
    assert "Saved as version 1 (1 term(s))" in capsys.readouterr().out
    assert main(["terms", "show", "--database-url", db_url]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# local terms v1 ") and f"RELIGION | {WORD}" in out and "clans" in out
