"""The term-table cache (vetting/screening/tablecache.py): a later load reads the tables the
first one built, screens exactly as an engine without the cache, and a damaged, stale or
unwritable cache only means the tables are built again."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from vetting.screening import tablecache
from vetting.screening.engine import ScreeningEngine
from vetting.screening.recognizers import TermRecognizer

CORPUS = Path(__file__).parent / "data" / "screening" / "dev.jsonl"


def _texts(n: int = 120) -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    return [r["text"] for r in rows[:n]]


def _spans(engine: ScreeningEngine, texts: list[str]) -> list[list[tuple]]:
    return [[(s.start, s.end, s.category, s.tier) for s in spans] for spans in engine.analyze_many(texts)]


@pytest.fixture(scope="module")
def reference() -> list[list[tuple]]:
    """Spans of an engine that builds its tables and keeps nothing."""
    return _spans(ScreeningEngine(table_cache=False), _texts())


def _files(folder: Path) -> dict[str, Path]:
    return {p.name.split("-")[0]: p for p in folder.glob("*.json")}


def test_second_load_reads_the_tables_and_screens_the_same(tmp_path, reference, monkeypatch):
    first = ScreeningEngine(table_cache=tmp_path)
    files = _files(tmp_path)
    assert set(files) == {"tables"}
    assert _spans(first, _texts()) == reference

    def not_again(self, special):
        raise AssertionError("the tables were built although the cache holds them")

    monkeypatch.setattr(TermRecognizer, "_build_tables", not_again)
    second = ScreeningEngine(table_cache=tmp_path)
    assert _spans(second, _texts()) == reference
    assert second.version == first.version


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), id="truncated"),
        pytest.param(lambda p: p.write_bytes(b"\x00\xff not json \xfe"), id="garbage"),
        pytest.param(lambda p: p.write_text("[1, 2, 3]"), id="not-an-object"),
        pytest.param(
            lambda p: p.write_text(json.dumps({"key": json.loads(p.read_text())["key"], "payload": {}})),
            id="empty-payload",
        ),
        pytest.param(lambda p: _retable(p, "entries", [10**9]), id="index-out-of-range"),
        pytest.param(lambda p: _retable(p, "joined", {"proudveteran": -1}), id="negative-index"),
        pytest.param(lambda p: _retable(p, "single_lower", {"army": [1.5]}), id="index-not-a-whole-number"),
        pytest.param(lambda p: _retable(p, "single_lower", {"army": [10**9]}), id="bad-table-entry"),
        pytest.param(lambda p: _retable(p, "multi_lower", {"army": "nonsense"}), id="bad-table-shape"),
    ],
)
def test_a_damaged_cache_file_is_rebuilt(tmp_path, reference, damage):
    ScreeningEngine(table_cache=tmp_path)
    for path in _files(tmp_path).values():
        damage(path)
    engine = ScreeningEngine(table_cache=tmp_path)
    assert _spans(engine, _texts()) == reference
    # and the files were written again, whole
    for path in _files(tmp_path).values():
        assert json.loads(path.read_text(encoding="utf-8"))["payload"]


def _retable(path: Path, name: str, value) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["payload"][name] = value
    path.write_text(json.dumps(data), encoding="utf-8")


def test_local_terms_and_categories_get_their_own_tables(tmp_path):
    ScreeningEngine(table_cache=tmp_path)
    before = _files(tmp_path)["tables"].name
    local = ("local terms v2", "RELIGION | Zorblatt Fellowship\n")
    engine = ScreeningEngine(table_cache=tmp_path, local_terms=local)
    after = _files(tmp_path)
    assert after["tables"].name != before  # a new key; the old file is gone
    assert len(list(tmp_path.glob("tables-*.json"))) == 1
    assert [s.category for s in engine.analyze("We met at Zorblatt Fellowship on Sunday.")] == ["RELIGION"]
    # read back from the cache, the local term is still there
    again = ScreeningEngine(table_cache=tmp_path, local_terms=local)
    assert [s.category for s in again.analyze("We met at Zorblatt Fellowship on Sunday.")] == ["RELIGION"]
    only_age = ScreeningEngine(table_cache=tmp_path, enabled=frozenset({"AGE"}))
    assert only_age.analyze("As a Catholic I am 52 years old.")[0].category == "AGE"
    assert all(s.category == "AGE" for s in only_age.analyze("As a Catholic I am 52 years old."))


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, reference):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    engine = ScreeningEngine(table_cache=blocker)
    assert _spans(engine, _texts()) == reference
    assert blocker.read_text() == "a file where the folder should be"


def test_default_folder_is_under_vetting_home(tmp_path, monkeypatch):
    monkeypatch.setenv("VETTING_HOME", str(tmp_path))
    assert tablecache.default_folder() == tmp_path / "cache"
    (tmp_path / "cache").rmdir()
    (tmp_path / "cache").write_text("in the way")
    assert tablecache.default_folder() is None  # no cache, no error


def test_read_and_write_round_trip_under_the_key_only(tmp_path):
    tablecache.write(tmp_path, "tables", "abc123", {"x": [1, 2]})
    assert tablecache.read(tmp_path, "tables", "abc123") == {"x": [1, 2]}
    assert tablecache.read(tmp_path, "tables", "abc124") is None
    assert tablecache.read(None, "tables", "abc123") is None
    assert tablecache.read(tmp_path, "tables", "") is None
    tablecache.write(tmp_path, "tables", "def456", {"y": 1})
    assert [p.name for p in tmp_path.iterdir()] == ["tables-def456.json"]  # older one removed
    assert not list(tmp_path.glob(".*.tmp"))


def test_code_digest_changes_with_a_module_constant(tmp_path, monkeypatch):
    module = tmp_path / "vetting_cache_probe.py"
    module.write_text('PLURALS = {"man": "men"}\n\ndef f(w):\n    return PLURALS.get(w, w)\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    probe = importlib.import_module("vetting_cache_probe")
    one = tablecache.code_digest(["vetting_cache_probe"])
    module.write_text('PLURALS = {"man": "mans"}\n\ndef f(w):\n    return PLURALS.get(w, w)\n')
    importlib.invalidate_caches()
    sys.modules["vetting_cache_probe"] = importlib.reload(probe)
    two = tablecache.code_digest(["vetting_cache_probe"])
    assert one and two and one != two
    assert tablecache.code_digest(["no_such_module_here"]) == ""
