"""Chinese text analysis shared by every search backend."""

from .analyzer import Alternative, Analyzer, Group, QueryPlan, clean_tokens
from .normalize import clean, fold, to_simplified
from .synonyms import Synonyms

__all__ = [
    "Alternative",
    "Analyzer",
    "Group",
    "QueryPlan",
    "Synonyms",
    "clean",
    "clean_tokens",
    "fold",
    "to_simplified",
]
