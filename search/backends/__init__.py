"""Wagtail search backends with Chinese analysis (SQLite FTS5 and PostgreSQL)."""
