"""Publish-time page cache: rendered pages kept as files that nginx serves to anonymous readers."""
