"""Where cached pages live on disk, and how they are written and purged.

Layout under PAGECACHE_ROOT::

    current -> generations/<id>          (symlink, switched atomically on purge)
    generations/<id>/<script>-<elder>/<path>/index.html
    generations/<id>/stale/<bucket>/<script>-<elder>/<path>/index.html

nginx serves ``current/<script>-<elder>${uri}index.html`` (or ``$uri``), else the stale copy
of the current 10-second bucket, else the application. A full purge makes a new, empty
generation and points ``current`` at it, so a render that started before the purge writes into
the old generation, which nobody reads and the next purge deletes.

A publish *retires* the files of pages that stay public (``retire_paths``): each is hard-linked
into the stale buckets of the next PAGECACHE_MAX_STALE_SECONDS, then leaves ``current``, so nginx
keeps serving it until the new version is written (``write`` drops the stale copies) and never
after the last bucket is over, whoever fails to render it. Content that goes away is removed
from both places at once (``purge_paths``). Both bump the purge epoch: a render that started
before is not stored. Each file has a gzip twin (``index.html.gz``, for nginx's ``gzip_static``),
written before it and removed after it. Files are only ever replaced whole (temporary file +
``os.replace``), so a reader gets the old or the new file, never half of one; a file removed
under nginx's feet goes to the application (``error_page 404`` in the recipe).
"""

import fcntl
import gzip
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from . import addresses

SCRIPTS = ("hans", "hant", "hk")
ELDER = ("0", "1")
VARIANTS = tuple(f"{script}-{elder}" for script in SCRIPTS for elder in ELDER)
EPOCH_FILE = ".epoch"
FEED_FILE_SUFFIXES = (".xml", ".rss", ".atom")
STALE = "stale"
GZ = ".gz"  # each file's pre-compressed twin, for nginx's gzip_static
# nginx names the bucket by cutting the last digit off the seconds of $msec (gongkai-maps.conf).
BUCKET_SECONDS = 10


def enabled():
    return bool(getattr(settings, "PAGECACHE_ENABLED", False))


def root():
    return Path(settings.PAGECACHE_ROOT)


def variant_for_cookies(cookies):
    """The cache folder for a reader's preferences; same rules as the nginx maps."""
    script = cookies.get("script") if cookies.get("script") in ("hant", "hk") else "hans"
    elder = "1" if cookies.get("elder") == "1" else "0"
    return f"{script}-{elder}"


def variant_cookies(variant):
    script, elder = variant.split("-")
    cookies = {"script": script}
    if elder == "1":
        cookies["elder"] = "1"
    return cookies


def relative_file(path):
    """The file below a variant folder for a URL path, or None if the path is not cacheable
    (``addresses.relative_file``: the one mapping every writer and purger uses)."""
    return addresses.relative_file(path)


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


def max_stale():
    """Seconds a retired file may still be served (PAGECACHE_MAX_STALE_SECONDS, 10-s steps);
    0 without PAGECACHE_EAGER, when nothing renders it again ahead of the readers."""
    if not getattr(settings, "PAGECACHE_EAGER", False):
        return 0
    return max(0, int(getattr(settings, "PAGECACHE_MAX_STALE_SECONDS", 60)))


def bucket(now=None):
    """The stale bucket nginx reads at this moment."""
    return int(time.time() if now is None else now) // BUCKET_SECONDS


def write(generation, variant, path, content, started=None):
    """Store one rendered response body; False when the path is not cacheable or it has been
    purged meanwhile (the generation is gone, or the epoch read before rendering changed).
    The stale copies of the path go once the new file is in place."""
    rel = relative_file(path)
    if rel is None or variant not in VARIANTS or not Path(generation).is_dir():
        return False
    if started is not None and epoch() != started:
        return False
    target = Path(generation) / variant / rel
    twin = _twin(target)
    try:
        written = [_replace(twin, gzip.compress(content, 6, mtime=0)), _replace(target, content)]
    except OSError:
        return False
    if started is not None and epoch() != started:
        for path, inode in zip((twin, target), written, strict=True):
            _unlink_if_same(path, inode)
        return False
    _drop_stale(Path(generation), variant, [rel])
    return True


def _twin(target):
    return target.with_name(target.name + GZ)


def _replace(target, content):
    """Write ``target`` whole; returns the new file's inode."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    os.chmod(tmp, 0o644)
    inode = os.stat(tmp).st_ino
    os.replace(tmp, target)
    return inode


def _unlink_if_same(target, inode):
    """Remove a file just written that lost the race with a purge (unless already replaced)."""
    try:
        if os.stat(target).st_ino == inode:
            target.unlink()
    except OSError:
        pass


def _unlink(target):
    """Remove a file and then its compressed twin; True if the file was there."""
    try:
        target.unlink()
        found = True
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        found = False
    _twin(target).unlink(missing_ok=True)
    return found


def _feed_files(folder):
    """Cached feeds (all below /feeds/) and XML files at the top (the sitemap)."""
    found = [p for p in folder.glob("*") if p.suffix in FEED_FILE_SUFFIXES]
    if (folder / "feeds").is_dir():
        found += [p for p in (folder / "feeds").rglob("*") if p.suffix in FEED_FILE_SUFFIXES]
    return found


def _buckets(gen):
    """The stale bucket folders of a generation (name, path), oldest first."""
    try:
        found = [(int(p.name), p) for p in (gen / STALE).iterdir() if p.name.isdigit()]
    except OSError:
        return []
    return sorted(found)


def _sweep(gen):
    """Delete the buckets nginx no longer reads."""
    now = bucket()
    for number, folder in _buckets(gen):
        if number < now:
            shutil.rmtree(folder, ignore_errors=True)


def _drop_stale(gen, variant, rels):
    for _, folder in _buckets(gen):
        for rel in rels:
            _unlink(folder / variant / rel)


def _targets(folder, rels, feeds):
    targets = [folder / rel for rel in rels]
    if feeds and folder.is_dir():
        targets += _feed_files(folder)
    return targets


def _rels(paths):
    return {rel for rel in map(relative_file, paths) if rel}


def purge_paths(paths, feeds=False):
    """Remove the cached files of these URL paths in every variant, stale copies included (and
    every cached feed and sitemap when ``feeds``); returns how many files went. Other files
    stay. For content that must not be shown any more."""
    with _locked() as base:
        _bump_epoch(base)
        gen = _current(base)
        if gen is None:
            return 0
        removed = 0
        folders = [gen] + [folder for _, folder in _buckets(gen)]
        for folder in folders:
            for variant in VARIANTS:
                for target in _targets(folder / variant, _rels(paths), feeds):
                    removed += _unlink(target) and folder == gen
        _sweep(gen)
        return removed


def retire_paths(paths, feeds=False):
    """Take these files out of ``current`` but keep serving them from the stale buckets until
    they are written again, at most max_stale() seconds; returns how many files were retired.
    For pages that stay public while the change is rendered."""
    buckets = [str(bucket() + n) for n in range(max_stale() // BUCKET_SECONDS)]
    with _locked() as base:
        _bump_epoch(base)
        gen = _current(base)
        if gen is None:
            return 0
        _sweep(gen)
        retired = 0
        for variant in VARIANTS:
            folder = gen / variant
            for target in _targets(folder, _rels(paths), feeds):
                if not target.is_file():
                    continue
                rel = target.relative_to(folder)
                for name in buckets:
                    dest = gen / STALE / name / variant / rel
                    _link(_twin(target), _twin(dest))
                    _link(target, dest)
                _unlink(target)
                retired += 1
        return retired


def _link(source, dest):
    """Hard-link ``source`` to ``dest``, replacing it whole (nothing if ``source`` just went)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".tmp-{os.getpid()}-{time.time_ns()}"
    try:
        os.link(source, tmp)
    except FileNotFoundError:
        return
    os.replace(tmp, dest)


def _served(gen, variant, rel):
    for folder in (gen, gen / STALE / str(bucket())):
        target = folder / variant / rel
        if target.is_file():
            return target
    return None


def cached_file(path, cookies=None):
    """The file nginx would serve for this path and these cookies, fresh or stale, if any."""
    rel = relative_file(path)
    gen = _current(root())
    if rel is None or gen is None:
        return None
    return _served(gen, variant_for_cookies(cookies or {}), rel)


def _files(folder):
    """The cached files below ``folder`` (not their compressed twins, not temporary files)."""
    return [
        p
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".tmp-") and not p.name.endswith(GZ)
    ]


def cached_files():
    """Every fresh file (stale copies are in stale_files)."""
    gen = _current(root())
    if gen is None:
        return []
    return sorted(p for variant in VARIANTS for p in _files(gen / variant))


def _path_of(rel):
    return addresses.url_path(rel)


def stale_entries():
    """(variant, URL path) of every file nginx serves stale now: what needs rendering again."""
    gen = _current(root())
    folder = gen / STALE / str(bucket()) if gen else None
    if folder is None or not folder.is_dir():
        return []
    found = []
    for variant in VARIANTS:
        found += [
            (variant, _path_of(p.relative_to(folder / variant))) for p in _files(folder / variant)
        ]
    return sorted(found)


def stale_files():
    gen = _current(root())
    return sorted(_files(gen / STALE)) if gen and (gen / STALE).is_dir() else []
