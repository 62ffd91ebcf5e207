"""Fixtures the GUI test modules share; a module imports the ones it uses (``_wait_for_jobs`` is
autouse in every module that imports it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

import ui.jobs


@pytest.fixture(scope="session")
def warm_engine() -> None:
    """Load the screening engine once (the app does this at start-up, in the background)."""
    from vetting.services.screening import engine_for, options_from_settings

    engine_for(options_from_settings({})).analyze("warm up")


@pytest.fixture(autouse=True)
def _wait_for_jobs(qapp):  # type: ignore[no-untyped-def]
    yield
    assert ui.jobs.wait_for_all(), "background jobs still running at teardown"
    QApplication.processEvents()
