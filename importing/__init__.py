"""The content importer: JSON Lines records, validated as a batch, saved all or nothing."""

from .pipeline import ImportError_, import_files
from .registry import RecordType, register

__all__ = ["ImportError_", "RecordType", "import_files", "register"]
