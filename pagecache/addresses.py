"""One address, one file: the single mapping from a URL path to its file in the page cache.

Writing (the middleware and the renderer), retiring and purging (signal handlers, the task,
the purge endpoint of the other nodes) all go through ``relative_file``, so a page is always
found under the name nginx looks for: ``try_files /<variant>${uri}index.html`` uses ``$uri``,
the *decoded* path. A path is therefore taken as written in a link (``/siwu/%E7%9B%90/``, what
``Page.get_url`` and ``reverse`` give) and decoded once, exactly as nginx does; a path already
decoded (``/siwu/盐/``) has nothing to decode and maps to the same file.

nginx cannot hash an address into a short file name, so a path with a segment longer than the
file system allows (255 bytes: 85 Chinese characters) is not cached at all: nginx's
``try_files`` treats the over-long name as missing and sends the reader to the application,
which then answers every request for it (and there is nothing to purge).
"""

from urllib.parse import quote, unquote

MAX_PATH_BYTES = 1024
# A path segment is a folder name, or the file name plus the ".gz" of its compressed twin.
NAME_MAX_BYTES = 255 - len(".gz")
INDEX = "index.html"
# What a URL path keeps unencoded (the characters escape_uri_path leaves alone).
SAFE = "/:@&+$,-_.!~*'()"


def decoded(path):
    """The path as nginx's $uri sees it (decoded once), or None for bytes that are not UTF-8."""
    try:
        return unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None


def relative_file(path):
    """The file below a variant folder for a URL path (encoded or not), or None when it is
    not cacheable: not absolute, unsafe (dot segments, double slashes, back slashes, NUL),
    too long for the file system, or not UTF-8."""
    path = decoded(path) if isinstance(path, str) else None
    if not path or not path.startswith("/") or len(path.encode("utf-8")) > MAX_PATH_BYTES:
        return None
    parts = path.split("/")[1:]
    if any(p in (".", "..") or "\\" in p or "\x00" in p for p in parts):
        return None
    if any(p == "" for p in parts[:-1]):
        return None  # double slashes: nginx would normalise them, we don't guess
    if any(len(p.encode("utf-8")) > NAME_MAX_BYTES for p in parts):
        return None
    if path.endswith("/"):
        return "/".join(parts[:-1] + [INDEX])
    return "/".join(parts)


def url_path(rel):
    """The URL path (percent-encoded, as in a link) of a file below a variant folder."""
    rel = rel.as_posix() if hasattr(rel, "as_posix") else str(rel)
    path = "/" + (rel[: -len(INDEX)] if rel == INDEX or rel.endswith("/" + INDEX) else rel)
    return quote(path, safe=SAFE)
