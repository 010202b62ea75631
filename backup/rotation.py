"""Which backups to keep: the newest N days' last backup and the newest M months' last backup.

Pure: it reads names like ``gongkai-20261207-031500.tar.gz`` and answers which to delete, so
the rule is tested without files. Anything not named like a backup is never touched.
"""

import datetime
import re

NAME = re.compile(r"^gongkai-(\d{8})-(\d{6})\.tar\.gz$")


def stamp_of(name):
    """The time a backup was made, read from its name; None for other files."""
    match = NAME.match(name)
    if not match:
        return None
    try:
        return datetime.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    except ValueError:
        return None


def to_keep(names, daily, monthly):
    """The names kept: the last backup of each of the newest ``daily`` days and of each of the
    newest ``monthly`` months (one backup can count for both)."""
    dated = sorted(((stamp_of(n), n) for n in names if stamp_of(n) is not None), reverse=True)
    keep, days, months = set(), [], []
    for stamp, name in dated:
        day, month = stamp.date(), (stamp.year, stamp.month)
        if day not in days and len(days) < daily:
            days.append(day)
            keep.add(name)
        if month not in months and len(months) < monthly:
            months.append(month)
            keep.add(name)
    return keep


def to_delete(names, daily, monthly):
    """Backup names to delete, oldest first."""
    kept = to_keep(names, daily, monthly)
    old = [n for n in names if stamp_of(n) is not None and n not in kept]
    return sorted(old, key=stamp_of)
