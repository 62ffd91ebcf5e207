"""Find the system libraries Qt's X11 platform plugin lacks, before Qt fails on them.

On a Linux desktop without them Qt only says that it "could not load the Qt platform plugin
'xcb' even though it was found" and aborts. This module asks the dynamic linker (``ldd``) which
libraries the plugin cannot find and names the packages that provide them
(``resources/qt-system-libraries.tsv``), so the person can install exactly those.

No Qt import here: the check must run before Qt loads its platform plugin.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_TABLE = Path(__file__).with_name("resources") / "qt-system-libraries.tsv"
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


@dataclass(frozen=True)
class Packages:
    debian: str
    fedora: str


def package_table() -> dict[str, Packages]:
    """soname -> the Debian/Ubuntu and Fedora packages that provide it."""
    out = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        soname, debian, fedora = line.split("\t")
        out[soname] = Packages(debian, fedora)
    return out


def _qt_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def _wants_xcb(environ: os._Environ[str] | dict[str, str]) -> bool:
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform:
        return platform == "xcb"
    # Qt's own choice on Linux: Wayland when a Wayland session is there, else X11.
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_from_ldd(output: str) -> list[str]:
    """The sonames ``ldd`` reported as "not found", once each, in order."""
    seen: dict[str, None] = {}
    for name in _NOT_FOUND.findall(output):
        seen.setdefault(name, None)
    return list(seen)


def missing_xcb_libraries(*, qt_dir: Path | None = None) -> list[str]:
    """Sonames the xcb platform plugin needs and the system lacks ([] when unknowable)."""
    qt_dir = qt_dir or _qt_dir()
    ldd = shutil.which("ldd")
    if qt_dir is None or ldd is None:
        return []
    files = [qt_dir / "plugins" / "platforms" / "libqxcb.so", *sorted((qt_dir / "lib").glob("libQt6XcbQpa.so*"))[:1]]
    missing: dict[str, None] = {}
    for f in files:
        if not f.exists():
            continue
        try:
            out = subprocess.run([ldd, str(f)], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        for name in missing_from_ldd(out):
            missing.setdefault(name, None)
    return list(missing)


def install_advice(missing: list[str]) -> str:
    """What to tell a person: the missing libraries and the commands that install them."""
    table = package_table()
    debian = sorted({table[m].debian for m in missing if m in table})
    fedora = sorted({table[m].fedora for m in missing if m in table})
    unknown = [m for m in missing if m not in table]
    lines = [
        "The Vetting Workbench cannot open its window: Qt's X11 (xcb) platform needs system libraries "
        "that are not installed on this computer:",
        "  " + ", ".join(missing),
        "Install them (an administrator may have to do this), then start the workbench again:",
    ]
    if debian:
        lines.append("  Debian / Ubuntu:  sudo apt-get install " + " ".join(debian))
    if fedora:
        lines.append("  Fedora / RHEL:    sudo dnf install " + " ".join(fedora))
    if unknown:
        lines.append("  Also find the package that provides: " + ", ".join(unknown))
    return "\n".join(lines)


def check_before_qt(environ: os._Environ[str] | dict[str, str] | None = None) -> str | None:
    """The advice when Qt is about to use xcb and its libraries are missing; None when all is well."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or not _wants_xcb(environ):
        return None
    missing = missing_xcb_libraries()
    return install_advice(missing) if missing else None


__all__ = ["check_before_qt", "install_advice", "missing_from_ldd", "missing_xcb_libraries", "package_table"]
