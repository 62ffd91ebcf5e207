"""The one background-job helper (in the spirit of Anki's QueryOp and Picard's run_task).

    Job(services.list_investigations, db, actor, status="open", parent=self) \\
        .success(self._show) \\
        .failure(self._error) \\
        .with_progress("Loading investigations…") \\
        .run_in_background()

* The function runs on a worker thread; ``success``/``failure`` callbacks run on the GUI thread.
* Database work goes to a single-thread pool (SQLite has one writer; ordering stays obvious);
  CPU work (screening, report building) to a separate pool (``pool="cpu"``).
* Callbacks are skipped when ``parent`` was destroyed meanwhile.
* A generator function may ``yield (done, total, message)`` to report progress; its ``return``
  value is the result. Cancel sets ``job.cancelled``; a generator stops at its next yield.
* An unhandled failure shows an error dialog with the plain-language message.
"""

from __future__ import annotations

import gc
import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from vetting.errors import VettingError

log = logging.getLogger(__name__)

_DB_POOL: QThreadPool | None = None
_CPU_POOL: QThreadPool | None = None
_ACTIVE: set[Job] = set()
_GC: GuiThreadGarbageCollector | None = None


class GuiThreadGarbageCollector(QObject):
    """Run Python's cyclic garbage collector on the GUI thread only.

    With worker threads, automatic collection runs in whichever thread happens to allocate, and
    collecting a cycle that holds Qt objects there destroys them off the GUI thread (a crash seen in
    CI). So automatic collection is switched off and the same generational thresholds are checked
    from a GUI-thread timer instead (the pyqtgraph recipe).
    """

    def __init__(self, interval_ms: int = 500) -> None:
        super().__init__()
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start(interval_ms)

    @Slot()
    def collect_if_due(self) -> None:
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 > t0:
            gc.collect(0)
            if c1 > t1:
                gc.collect(1)
                if c2 > t2:
                    gc.collect(2)


def collect_garbage_if_due() -> None:
    """Collect now (GUI thread) if the thresholds are passed; used between tests."""
    if _GC is not None:
        _GC.collect_if_due()


def pool(name: str) -> QThreadPool:
    """The worker pool ``name`` ("db" or "cpu"). Creating the first one moves garbage collection to
    the GUI thread (see :class:`GuiThreadGarbageCollector`). GUI thread only."""
    global _DB_POOL, _CPU_POOL, _GC
    if _GC is None:
        _GC = GuiThreadGarbageCollector()
    if name == "db":
        if _DB_POOL is None:
            _DB_POOL = QThreadPool()
            _DB_POOL.setMaxThreadCount(1)
        return _DB_POOL
    if _CPU_POOL is None:
        _CPU_POOL = QThreadPool()
        _CPU_POOL.setMaxThreadCount(2)
    return _CPU_POOL


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until every background job finished (used at exit and by tests)."""
    ok = True
    for p in (_DB_POOL, _CPU_POOL):
        if p is not None:
            ok = p.waitForDone(msecs) and ok
    return ok


class Cancelled(Exception):
    """Raised inside a job's generator when the user pressed Cancel."""


class _Signals(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_progress = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        job = self.job
        try:
            result = job.fn(*job.args, **job.kwargs)
            if inspect.isgenerator(result):
                gen = result
                try:
                    while True:
                        if job.cancelled.is_set():
                            gen.close()
                            raise Cancelled()
                        done, total, message = next(gen)
                        job.signals.sig_progress.emit(int(done), int(total), str(message))
                except StopIteration as stop:
                    result = stop.value
            job.signals.sig_done.emit(result)
        except BaseException as exc:
            job.signals.sig_failed.emit(exc)


class Job:
    """A function to run off the GUI thread, with callbacks on the GUI thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, parent: QWidget | None = None, **kwargs: Any) -> None:
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.parent = parent
        self.cancelled = threading.Event()
        self.signals = _Signals()
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._cancellable = False
        self._progress_cb: Callable[[int, int, str], None] | None = None
        self._dialog: QProgressDialog | None = None
        self._pool = "db"

    def success(self, cb: Callable[[Any], None]) -> Job:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Job:
        self._failure = cb
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> Job:
        self._progress_label, self._cancellable = label, cancellable
        return self

    def on_progress(self, cb: Callable[[int, int, str], None]) -> Job:
        self._progress_cb = cb
        return self

    def on_pool(self, name: str) -> Job:
        self._pool = name
        return self

    def cancel(self) -> None:
        self.cancelled.set()

    def _alive(self) -> bool:
        return self.parent is None or shiboken6.isValid(self.parent)

    def run_in_background(self) -> Job:
        self.signals.sig_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.signals.sig_failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.signals.sig_progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        if self._progress_label and self.parent is not None:
            dlg = QProgressDialog(self._progress_label, "Cancel" if self._cancellable else "", 0, 0, self.parent)
            dlg.setWindowTitle("Please wait")
            dlg.setMinimumDuration(400)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            if not self._cancellable:
                dlg.setCancelButton(None)
            dlg.canceled.connect(self.cancel)
            self._dialog = dlg
        _ACTIVE.add(self)
        pool(self._pool).start(_Runnable(self))
        return self

    def _finish(self) -> None:
        _ACTIVE.discard(self)
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.reset()
            self._dialog.deleteLater()
        self._dialog = None

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self._finish()
        if self._success and self._alive():
            self._success(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            return
        if not self._alive():
            return
        if self._failure:
            self._failure(exc)
        else:
            show_error(self.parent, exc)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        dialog = self._dialog  # setValue() on a modal dialog runs the event loop, which may end the job
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.setMaximum(total)
            dialog.setValue(done)
            if message and shiboken6.isValid(dialog):
                dialog.setLabelText(message)
        if self._progress_cb and self._alive():
            self._progress_cb(done, total, message)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, VettingError):
        text = str(exc)
        problems = getattr(exc, "problems", None)
        if problems:
            text += "\n\n" + "\n".join(f"• {p}" for p in problems)
        return text
    log.error("unexpected error in a background job", exc_info=exc)
    return (f"Something went wrong that the workbench did not expect ({type(exc).__name__}). Nothing was "
            "saved by the failed action. If it happens again, tell your administrator.")


def show_error(parent: QWidget | None, exc: BaseException, title: str = "The action was not completed") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.open() if parent is not None else box.exec()
