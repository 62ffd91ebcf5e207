"""A per-user cache of the tables the engine builds from the term lists at load (and of the rule
book's prefilters, :class:`vetting.screening.rulebook._Prefilters`).

Expanding every term of the lists into its surface forms and per-token look-up tables is about
0.6 s of the engine's load on a workstation. The result depends only on the term lists (their
digest, local terms included), the categories reported, the spaCy pipeline's tokenizer exceptions
and the code that builds the tables. This module keeps it as JSON in the user's cache folder
(``VETTING_HOME/cache``, else the platform's cache folder), under a key that is a digest of all of
those, so a later start with the same inputs reads it instead of building it. The parse of the
term files is not kept: reading it back as JSON took as long as parsing them, and writing it
cost the first start 0.16 s.

What it guarantees:

* **Never stale.** The key covers the inputs and the compiled code of the modules that build
  the tables (the whole module, its constants too), so a changed term, flag, rule of variant
  generation or tokenizer gives a different key and the tables are built again.
* **Never in the way.** A missing, unreadable, truncated or malformed file, or a cache folder
  that cannot be written, only means the tables are built as if there were no cache. JSON is
  read with :func:`json.loads` (data, never code), and what it holds is checked while the
  tables are made from it.
* **One file per kind.** Writing a table removes that kind's older files; writes go to a
  temporary file first and are renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

__all__ = ["code_digest", "default_folder", "read", "write"]


def default_folder() -> Path | None:
    """The cache folder (``VETTING_HOME/cache`` or the platform's user cache folder), or ``None``
    when it cannot be created."""
    from vetting.config import cache_dir
    from vetting.errors import ConfigError

    try:
        return cache_dir()
    except ConfigError as exc:
        log.info("term table cache off: %s", exc)
        return None


def code_digest(module_names: Iterable[str]) -> str:
    """A digest of the compiled code of whole modules (functions and module constants alike).

    Read through each module's loader, so it works from source, from byte-code caches and in
    the frozen deployable build. ``""`` when a module's code cannot be read: then nothing is
    cached.
    """
    h = hashlib.sha256()
    for name in module_names:
        module = sys.modules.get(name)
        loader = getattr(getattr(module, "__spec__", None), "loader", None)
        try:
            code = loader.get_code(name)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - any loader without code: no cache, never an error
            return ""
        if code is None:
            return ""
        h.update(name.encode() + b"\0" + marshal.dumps(code))
    return h.hexdigest()


def _path(folder: Path, kind: str, key: str) -> Path:
    return folder / f"{kind}-{key[:32]}.json"


def read(folder: Path | None, kind: str, key: str) -> object | None:
    """The payload stored under ``kind`` and ``key``, or ``None`` (no folder, no file, not
    readable, not JSON, or stored under another key)."""
    if folder is None or not key:
        return None
    path = _path(folder, kind, key)
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError) as exc:
        log.info("screening cache %s not used: %s", path, exc)
        return None
    if not isinstance(data, dict) or data.get("key") != key or "payload" not in data:
        return None
    return data["payload"]


def write(folder: Path | None, kind: str, key: str, payload: object) -> None:
    """Store ``payload`` (JSON data) under ``kind`` and ``key``; failures are logged, not raised."""
    if folder is None or not key:
        return
    path = _path(folder, kind, key)
    tmp = None
    try:
        body = json.dumps({"key": key, "payload": payload}, ensure_ascii=False, separators=(",", ":"))
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(body)
        os.replace(tmp, path)
        tmp = None
        for old in folder.glob(f"{kind}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError) as exc:
        log.info("screening cache %s not written: %s", path, exc)
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
