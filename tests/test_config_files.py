"""Settings and template files: a malformed file gives an error naming the file, the line and the
problem, and nothing is half-applied."""

from __future__ import annotations

import json

import pytest

from vetting.config import config_file, load_config
from vetting.errors import ConfigError
from vetting.services import templates as T


@pytest.fixture
def settings_file():
    path = config_file()
    yield path
    path.unlink(missing_ok=True)


def test_settings_toml_with_a_syntax_error_names_file_and_line(settings_file):
    settings_file.write_text('database_url = "sqlite:///x.db"\nspacy_model = \n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config()
    assert str(settings_file) in str(exc.value) and "line 2" in str(exc.value)


def test_settings_toml_with_an_unknown_key_or_wrong_type_is_refused(settings_file):
    settings_file.write_text('databse_url = "sqlite:///x.db"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'databse_url'"):
        load_config()
    settings_file.write_text("spacy_model = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a string"):
        load_config()


def test_environment_overrides_the_settings_file(settings_file, monkeypatch):
    settings_file.write_text('spacy_model = "from_file"\n', encoding="utf-8")
    assert load_config().spacy_model == "from_file"
    monkeypatch.setenv("VETTING_SPACY_MODEL", "from_env")
    assert load_config().spacy_model == "from_env"
    assert load_config("sqlite:////tmp/explicit.db").database_url == "sqlite:////tmp/explicit.db"


def test_template_file_errors_name_the_line_or_the_item(tmp_path):
    broken = tmp_path / "template.json"
    broken.write_text('{\n  "name": "T",\n  "sections": [\n    {"title": "A" "items": []}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        T.load_template_file(broken)
    assert str(broken) in str(exc.value) and "line 4" in str(exc.value)
    doc = {"name": "T", "attestations": [{"key": "a", "text": "A"}],
           "sections": [{"title": "S", "items": [{"key": "x", "title": "X", "instruction": "Do",
                                                 "attestations": ["missing"]}]}]}
    broken.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ConfigError, match="section 1 item 1: attestation 'missing' is not declared"):
        T.load_template_file(broken)


def test_an_invalid_template_creates_no_version(db, admin):
    before = len(T.list_template_versions(db, admin))
    with pytest.raises(ConfigError):
        T.create_template_version(db, admin, template_id=None, document={"name": "Bad", "sections": []})
    assert len(T.list_template_versions(db, admin)) == before
