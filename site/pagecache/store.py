"""Where cached pages live on disk, and how they are written and purged.

Layout under PAGECACHE_ROOT::

    current -> generations/<id>          (symlink, switched atomically on purge)
    generations/<id>/<script>-<elder>/<path>/index.html

nginx serves ``current/<script>-<elder>$uri`` or ``...${uri}index.html``. A full purge makes a
new, empty generation and points ``current`` at it, so a render that started before the purge
writes into the old generation, which nobody reads and the next purge deletes.

Publishing purges only the files a change affects (``purge_paths``) and bumps the purge epoch: a
render that started before the purge is not stored. Files are only ever replaced whole
(temporary file + ``os.replace``), so a reader gets the old or the new file, never half of one;
a file removed under nginx's feet goes to the application (``error_page 404`` in the recipe).
"""

import fcntl
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

SCRIPTS = ("hans", "hant")
ELDER = ("0", "1")
VARIANTS = tuple(f"{script}-{elder}" for script in SCRIPTS for elder in ELDER)
MAX_PATH_BYTES = 1024
EPOCH_FILE = ".epoch"
FEED_FILE_SUFFIXES = (".xml", ".rss", ".atom")


def enabled():
    return bool(getattr(settings, "PAGECACHE_ENABLED", False))


def root():
    return Path(settings.PAGECACHE_ROOT)


def variant_for_cookies(cookies):
    """The cache folder for a reader's preferences; same rules as the nginx maps."""
    script = "hant" if cookies.get("script") == "hant" else "hans"
    elder = "1" if cookies.get("elder") == "1" else "0"
    return f"{script}-{elder}"


def variant_cookies(variant):
    script, elder = variant.split("-")
    cookies = {"script": script}
    if elder == "1":
        cookies["elder"] = "1"
    return cookies


def relative_file(path):
    """The file below a variant folder for a URL path, or None if the path is not cacheable."""
    if not path.startswith("/") or len(path.encode("utf-8")) > MAX_PATH_BYTES:
        return None
    parts = path.split("/")[1:]
    if any(p in (".", "..") or "\\" in p or "\x00" in p for p in parts):
        return None
    if any(p == "" for p in parts[:-1]):
        return None  # double slashes: nginx would normalise them, we don't guess
    if path.endswith("/"):
        return "/".join(parts[:-1] + ["index.html"])
    return "/".join(parts)


@contextmanager
def _locked():
    base = root()
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield base
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _new_generation(base):
    gens = base / "generations"
    gens.mkdir(exist_ok=True)
    gen = Path(tempfile.mkdtemp(prefix=f"{time.time_ns():x}-", dir=gens))
    gen.chmod(0o755)
    link_tmp = base / f".current-{gen.name}"
    os.symlink(os.path.relpath(gen, base), link_tmp)
    os.replace(link_tmp, base / "current")
    return gen


def _current(base):
    link = base / "current"
    if link.is_dir():
        return link.resolve()
    return None


def current_generation():
    """The folder new files go into, created on first use."""
    base = root()
    gen = _current(base)
    if gen is not None:
        return gen
    with _locked() as base:
        return _current(base) or _new_generation(base)


def purge():
    """Drop every cached file at once; returns the new, empty generation folder."""
    with _locked() as base:
        _bump_epoch(base)
        gen = _new_generation(base)
        for old in (base / "generations").iterdir():
            if old != gen:
                shutil.rmtree(old, ignore_errors=True)
        for stale in base.glob(".current-*"):
            stale.unlink(missing_ok=True)
        return gen


def epoch():
    """A number that changes with every purge; renders started before it are not stored."""
    try:
        return (root() / EPOCH_FILE).read_text().strip()
    except OSError:
        return ""


def _bump_epoch(base):
    tmp = base / f".epoch-{os.getpid()}-{time.time_ns()}"
    tmp.write_text(f"{time.time_ns()}-{os.getpid()}")
    os.replace(tmp, base / EPOCH_FILE)


def write(generation, variant, path, content, started=None):
    """Store one rendered response body; False when the path is not cacheable or it has been
    purged meanwhile (the generation is gone, or the epoch read before rendering changed)."""
    rel = relative_file(path)
    if rel is None or variant not in VARIANTS or not Path(generation).is_dir():
        return False
    if started is not None and epoch() != started:
        return False
    target = Path(generation) / variant / rel
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError:
        return False
    if started is not None and epoch() != started:
        _unlink_if_same(target, tmp_stat=os.stat(target) if target.exists() else None)
        return False
    return True


def _unlink_if_same(target, tmp_stat):
    """Remove a file just written that lost the race with a purge (unless already replaced)."""
    try:
        if tmp_stat and os.stat(target).st_ino == tmp_stat.st_ino:
            target.unlink()
    except OSError:
        pass


def _feed_files(folder):
    """Cached feeds (all below /feeds/) and XML files at the top (the sitemap)."""
    found = [p for p in folder.glob("*") if p.suffix in FEED_FILE_SUFFIXES]
    if (folder / "feeds").is_dir():
        found += [p for p in (folder / "feeds").rglob("*") if p.suffix in FEED_FILE_SUFFIXES]
    return found


def purge_paths(paths, feeds=False):
    """Remove the cached files of these URL paths in every variant (and every cached feed and
    sitemap when ``feeds``); returns how many files went. Other files stay."""
    with _locked() as base:
        _bump_epoch(base)
        gen = _current(base)
        if gen is None:
            return 0
        removed = 0
        rels = {rel for rel in map(relative_file, paths) if rel}
        for variant in VARIANTS:
            folder = gen / variant
            targets = [folder / rel for rel in rels]
            if feeds and folder.is_dir():
                targets += _feed_files(folder)
            for target in targets:
                try:
                    target.unlink()
                    removed += 1
                except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                    continue
        return removed


def cached_file(path, cookies=None):
    """The file nginx would serve for this path and these cookies, if any (for tests and tools)."""
    rel = relative_file(path)
    gen = _current(root())
    if rel is None or gen is None:
        return None
    target = gen / variant_for_cookies(cookies or {}) / rel
    return target if target.is_file() else None


def cached_files():
    gen = _current(root())
    if gen is None:
        return []
    return sorted(p for p in gen.rglob("*") if p.is_file() and not p.name.startswith(".tmp-"))
