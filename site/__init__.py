"""Site-wide configuration of Gongkai, importable as ``gongkai``."""
