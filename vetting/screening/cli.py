"""``vetting screen``: JSON Lines in, JSON Lines out (DESIGN.md, "Command-line contract").

Input, one object per line: ``{"id": "...", "text": "..."}``. Output, one line per valid input,
in input order: ``{"id": "...", "spans": [{"start", "end", "category", "score", "tier"}]}`` with Python
``str`` offsets into ``text``; with ``--redact``: ``{"id": "...", "text": "<redacted>"}``.
Texts of any length up to 10,000,000 characters are screened (the engine works in overlapping
windows). A malformed line, or a longer one, gets a message on stderr naming its line number
(never its content), the other lines are still answered, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import IO

__all__ = ["add_parser", "build_parser", "run", "main"]

BATCH = 256
#: Flush a batch once it holds this many characters, so memory stays bounded by the batch.
BATCH_CHARS = 1_000_000
#: Longest text one line may hold (documented in README.md); longer lines get an error.
MAX_TEXT_CHARS = 10_000_000


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redact", action="store_true", help="print the redacted text instead of the spans"
    )
    parser.add_argument(
        "--category-tokens",
        action="store_true",
        help="with --redact, use [CATEGORY] instead of [REDACTED]",
    )
    parser.add_argument(
        "--political",
        action="store_true",
        help="also screen POLITICAL_AFFILIATION (off by default)",
    )
    parser.add_argument("--batch-size", type=int, default=64, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def add_parser(subparsers) -> None:
    """Register the ``screen`` subcommand on an ``argparse`` subparsers object."""
    parser = subparsers.add_parser(
        "screen",
        help="screen JSON Lines from stdin for protected-class information",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
    )
    _configure(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m vetting.screening", description="Screen JSON Lines from stdin."
    )
    _configure(parser)
    return parser


def _parse(line: str, lineno: int) -> tuple[str, str] | str:
    """``(id, text)`` or an error message naming the line."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return f"line {lineno}: not valid JSON ({exc.msg if hasattr(exc, 'msg') else 'too deep'})"
    if not isinstance(obj, dict):
        return f'line {lineno}: expected a JSON object with "id" and "text"'
    if "id" not in obj or not isinstance(obj["id"], str):
        return f'line {lineno}: "id" is missing or not a string'
    if "text" not in obj or not isinstance(obj["text"], str):
        return f'line {lineno}: "text" is missing or not a string'
    return obj["id"], obj["text"]


def _answer(engine, args: argparse.Namespace, ident: str, text: str, spans) -> str:
    if getattr(args, "redact", False):
        out: dict = {"id": ident, "text": engine.redact(text, spans).text}
    else:
        out = {
            "id": ident,
            "spans": [
                {"start": s.start, "end": s.end, "category": s.category, "score": s.score, "tier": s.tier}
                for s in spans
            ],
        }
    line = json.dumps(out, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates in the input: escape them
        line = json.dumps(out, ensure_ascii=True)
    return line


def _use_surrogateescape(stream: IO[str]) -> None:
    """Undecodable bytes become lone surrogates (reported or escaped), never a traceback."""
    with contextlib.suppress(AttributeError, ValueError):
        stream.reconfigure(encoding="utf-8", errors="surrogateescape")  # type: ignore[attr-defined]


def run(
    args: argparse.Namespace,
    stdin: IO[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Execute the subcommand; returns the exit status (0, or 1 if any line was not answered).

    Lines are answered in input order. A line that is malformed, longer than
    :data:`MAX_TEXT_CHARS`, or that the engine fails on gets one line on stderr naming its line
    number; the lines after it are still answered.
    """
    from vetting.errors import VettingError
    from vetting.screening import DEFAULT_ENABLED, get_engine

    if stdin is None:
        _use_surrogateescape(sys.stdin)
        _use_surrogateescape(sys.stdout)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    enabled = set(DEFAULT_ENABLED)
    if getattr(args, "political", False):
        enabled.add("POLITICAL_AFFILIATION")
    try:
        engine = get_engine(
            enabled=frozenset(enabled),
            category_tokens=bool(getattr(args, "category_tokens", False)),
        )
    except VettingError as exc:
        print(f"error: {exc}", file=stderr)
        return 2
    status = 0
    pending: list[tuple[int, str, str]] = []  # (line number, id, text)
    pending_chars = 0
    batch_size = max(1, int(getattr(args, "batch_size", 64) or 64))

    def error(message: str) -> None:
        nonlocal status
        print(f"error: {message}", file=stderr)
        stderr.flush()
        status = 1

    def analyse(batch: list[tuple[int, str, str]]) -> list:
        try:
            return engine.analyze_many([t for _, _, t in batch], batch_size=batch_size)
        except Exception:  # find the line at fault and answer the others
            if len(batch) == 1:
                raise
        out = []
        for item in batch:
            try:
                out.append(analyse([item])[0])
            except Exception as exc:  # one line's failure must not stop the rest
                out.append(exc)
        return out

    def flush() -> None:
        nonlocal pending_chars
        if not pending:
            return
        try:
            results = analyse(pending)
        except Exception as exc:  # a single line the engine could not screen
            results = [exc]
        for (lineno, ident, text), spans in zip(pending, results, strict=True):
            if isinstance(spans, BaseException):
                kind = "out of memory" if isinstance(spans, MemoryError) else type(spans).__name__
                error(f"line {lineno}: the text could not be screened ({kind}); nothing was answered for it")
                continue
            stdout.write(_answer(engine, args, ident, text, spans) + "\n")
        stdout.flush()
        pending.clear()
        pending_chars = 0

    try:
        for lineno, raw in enumerate(stdin, 1):
            line = raw.strip()
            if not line:
                continue
            parsed = _parse(line, lineno)
            if isinstance(parsed, tuple) and len(parsed[1]) > MAX_TEXT_CHARS:
                parsed = (
                    f"line {lineno}: the text has {len(parsed[1]):,} characters; `vetting screen` "
                    f"screens at most {MAX_TEXT_CHARS:,} per line. Split it into several lines."
                )
            if isinstance(parsed, str):
                # Answer everything before the bad line first, so output order = input order.
                flush()
                error(parsed)
                continue
            pending.append((lineno, *parsed))
            pending_chars += len(parsed[1])
            if len(pending) >= BATCH or pending_chars >= BATCH_CHARS:
                flush()
        flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        if stdout is sys.stdout:  # no second error when Python flushes stdout at exit
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args)
