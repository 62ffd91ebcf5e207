"""``vetting screen``: JSON Lines in, JSON Lines out (DESIGN.md, "Command-line contract").

Input, one object per line: ``{"id": "...", "text": "..."}``. Output, one line per valid input,
in input order: ``{"id": "...", "spans": [{"start", "end", "category", "score", "tier"}]}`` with Python
``str`` offsets into ``text``; with ``--redact``: ``{"id": "...", "text": "<redacted>"}``.
A malformed line gets a message on stderr naming its line number (never its content), the
other lines are still answered, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO

__all__ = ["add_parser", "build_parser", "run", "main"]

BATCH = 256


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


def run(
    args: argparse.Namespace,
    stdin: IO[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Execute the subcommand; returns the exit status (0, or 1 if any line was malformed)."""
    from vetting.errors import VettingError
    from vetting.screening import DEFAULT_ENABLED, get_engine

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
    pending: list[tuple[str, str]] = []

    def flush() -> None:
        if not pending:
            return
        results = engine.analyze_many(
            [t for _, t in pending], batch_size=getattr(args, "batch_size", 64)
        )
        for (ident, text), spans in zip(pending, results, strict=False):
            if getattr(args, "redact", False):
                out = {"id": ident, "text": engine.redact(text, spans).text}
            else:
                out = {
                    "id": ident,
                    "spans": [
                        {
                            "start": s.start,
                            "end": s.end,
                            "category": s.category,
                            "score": s.score,
                            "tier": s.tier,
                        }
                        for s in spans
                    ],
                }
            line = json.dumps(out, ensure_ascii=False)
            try:
                line.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates in the input: escape them
                line = json.dumps(out, ensure_ascii=True)
            stdout.write(line + "\n")
        stdout.flush()
        pending.clear()

    for lineno, raw in enumerate(stdin, 1):
        line = raw.strip()
        if not line:
            continue
        parsed = _parse(line, lineno)
        if isinstance(parsed, str):
            # Answer everything before the bad line first, so output order = input order.
            flush()
            print(f"error: {parsed}", file=stderr)
            stderr.flush()
            status = 1
            continue
        pending.append(parsed)
        if len(pending) >= BATCH:
            flush()
    flush()
    return status


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        sys.stdin.reconfigure(encoding="utf-8", errors="surrogateescape")  # type: ignore[attr-defined]
        sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    return run(args)
