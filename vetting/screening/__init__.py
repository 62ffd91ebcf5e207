"""Protected-class screening (DESIGN.md, "Protected-class screening").

Public API (used by the service layer and the GUI)::

    CATEGORIES, DEFAULT_ENABLED, DISMISS_REASONS, REDACTION_TOKEN
    Span, Dismissal, RedactionRecord, RedactedText
    ScreeningEngine, get_engine, screen_text, validate_local_terms

Importing this package is cheap; Presidio and spaCy are imported when the engine is first
needed (``ScreeningEngine``/``get_engine``/``screen_text``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from vetting.screening.redaction import (
    DISMISS_REASONS,
    REDACTION_TOKEN,
    Dismissal,
    RedactedText,
    RedactionRecord,
    Span,
)
from vetting.screening.terms import CATEGORIES, validate_local_terms

if TYPE_CHECKING:
    from vetting.config import LocalConfig
    from vetting.screening.engine import ScreeningEngine

__all__ = [
    "CATEGORIES",
    "DEFAULT_ENABLED",
    "DISMISS_REASONS",
    "REDACTION_TOKEN",
    "Dismissal",
    "RedactedText",
    "RedactionRecord",
    "ScreeningEngine",
    "Span",
    "get_engine",
    "screen_text",
    "validate_local_terms",
]

DEFAULT_ENABLED: frozenset[str] = frozenset(c for c in CATEGORIES if c != "POLITICAL_AFFILIATION")

_engines: dict[tuple, ScreeningEngine] = {}
_engines_lock = threading.Lock()


def __getattr__(name: str) -> Any:
    if name == "ScreeningEngine":
        from vetting.screening.engine import ScreeningEngine

        return ScreeningEngine
    raise AttributeError(name)


def get_engine(config: LocalConfig | None = None, **kw: Any) -> ScreeningEngine:
    """The process-wide engine for ``config`` (default: :func:`vetting.config.load_config`).

    Created once per distinct configuration, under a lock, so concurrent first calls from
    several threads build one engine. Keyword arguments (``enabled``, ``category_tokens``,
    ``spacy_model``, ``local_terms_file``, ``local_terms``) override the configuration.

    An engine is kept per distinct configuration, so a new version of the department's local
    terms builds a new engine (and the old one stays for callers that still hold it).

    Raises
    ------
    ScreeningUnavailable, ConfigError
        As :class:`ScreeningEngine`.
    """
    from vetting.screening.engine import ScreeningEngine

    if config is None and not ({"spacy_model", "local_terms_file"} <= kw.keys()):
        from vetting.config import load_config

        config = load_config()
    options = {
        "spacy_model": kw.pop("spacy_model", None) or (config.spacy_model if config else None),
        "local_terms_file": kw.pop("local_terms_file", None)
        or (config.local_terms_file if config else None)
        or None,
        "local_terms": kw.pop("local_terms", None) or None,
        "enabled": frozenset(kw.pop("enabled", DEFAULT_ENABLED)),
        "category_tokens": bool(kw.pop("category_tokens", False)),
    }
    if kw:
        raise TypeError(f"unexpected arguments: {', '.join(sorted(kw))}")
    if not options["spacy_model"]:
        from vetting.config import DEFAULT_SPACY_MODEL

        options["spacy_model"] = DEFAULT_SPACY_MODEL
    key = tuple(
        sorted(
            (k, tuple(sorted(v)) if isinstance(v, frozenset) else v) for k, v in options.items()
        )
    )
    engine = _engines.get(key)
    if engine is None:
        with _engines_lock:
            engine = _engines.get(key)
            if engine is None:
                engine = ScreeningEngine(**options)
                _engines[key] = engine
    return engine


def screen_text(
    text: str,
    *,
    engine: ScreeningEngine | None = None,
    dismissed: Sequence[Dismissal] = (),
    manual: Sequence[Span] = (),
) -> RedactedText:
    """Analyse and redact in one call (uses :func:`get_engine` when ``engine`` is None)."""
    engine = engine or get_engine()
    return engine.redact(text, engine.analyze(text), dismissed=dismissed, manual=manual)
