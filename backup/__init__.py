"""Backup and restore of the database and uploaded media as one archive."""
