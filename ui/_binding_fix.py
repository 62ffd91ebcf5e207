"""Keep PySide6 6.12.0 from destroying ``None`` on CPython 3.11.

Measured here: with PySide6 6.12.0 on CPython 3.11, every call of a binding method that returns
nothing (``widget.hide()``, ``buffer.setData(…)``, ``view.setDocument(…)``) hands back a
reference to ``None`` that it never took, so ``None``'s reference count falls by one per call.
CPython 3.12 made ``None`` immortal, so the binding does not notice there; on 3.11 the count
reaches zero after some tens of thousands of calls and the process dies natively
("none_dealloc", or a segmentation fault in whatever runs next; the intermittent crashes of the
GUI tests in CI were this). Until the binding is fixed, ``None`` is made effectively immortal
here, as 3.12 does: its count is raised by 2**60, which no session can use up.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["keep_none_alive"]

_MARGIN = 1 << 60


def keep_none_alive() -> None:
    """Raise ``None``'s reference count out of reach (CPython before 3.12 only; idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the object's first field
    if count.value < _MARGIN:
        count.value += _MARGIN
