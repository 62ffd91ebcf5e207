"""Report renderers. ``reports.pdf:render`` turns a ``ReportData`` into PDF bytes.

This package takes plain data only: it never imports the ORM, Qt, or touches a database.
"""
