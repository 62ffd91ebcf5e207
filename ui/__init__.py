"""The PySide6 workbench. Calls vetting.services only; never the ORM session, never ReportLab."""
