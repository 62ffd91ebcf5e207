"""The PySide6 workbench. Calls vetting.services only; never the ORM session, never ReportLab."""

from ui._binding_fix import keep_none_alive

keep_none_alive()  # before any Qt call: see ui/_binding_fix.py
