"""Vetting Workbench: the domain, storage and services (no Qt, no PDF)."""

__version__ = "0.1.0"
