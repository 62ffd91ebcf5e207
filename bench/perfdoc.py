"""``docs/performance.md``: replace one ``## Title`` section with new figures, keep the rest."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_section(title: str, body: str) -> Path:
    """Write ``body`` under ``## title`` (replacing that section, or appending it); returns the path."""
    path = ROOT / "docs" / "performance.md"
    path.parent.mkdir(exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    heading = f"## {title}"
    section = f"{heading}\n\n{body.rstrip()}\n"
    lines = old.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if ln.strip() == heading), None)
    if start is None:
        new = old.rstrip("\n") + "\n\n" + section
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        tail = "".join(lines[end:])
        new = "".join(lines[:start]) + section + ("\n" + tail if tail else "")
    path.write_text(new, encoding="utf-8")
    return path


def publish(title: str, body: str, *, write: bool = True) -> None:
    """Print the figures and, unless ``write`` is false, record them under ``## title``."""
    print(body)
    if write:
        print(f"written to {write_section(title, body)}")
