"""Page count, page sizes and text of the PDFs Chromium prints, with the standard library only.

Chromium (Skia) writes plain indirect objects, Flate-compressed content streams and Type0
fonts with a ToUnicode CMap; that is all this reads. Not a general PDF parser.
"""

import re
import zlib
from dataclasses import dataclass

OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)\bendobj", re.S)
REF = rb"(\d+)\s+\d+\s+R"
TOKEN = re.compile(
    rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]<>()]+|[-+]?\d*\.?\d+|[A-Za-z'\"*]+",
    re.S,
)


MISSING = "\ufffd"  # a drawn glyph that carries no text (the font has no such character)


@dataclass
class PdfPage:
    width: float
    height: float
    text: str


def _objects(data):
    found = {}
    for match in OBJECT.finditer(data):
        body = match.group(3)
        head, _, rest = body.partition(b"stream")
        stream = None
        if rest:
            rest = rest.lstrip(b"\r\n") if rest[:1] in b"\r\n" else rest
            length = re.search(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", head)
            stream = rest[: int(length.group(1))] if length else rest.rsplit(b"endstream", 1)[0]
            if b"/FlateDecode" in head:
                stream = zlib.decompress(stream)
        found[int(match.group(1))] = (head, stream)
    return found


def _utf16(hexdigits):
    return bytes.fromhex(hexdigits.decode()).decode("utf-16-be", errors="replace")


def _cmap(stream):
    """{code bytes: text} from a ToUnicode CMap (bfchar and bfrange sections)."""
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[bytes.fromhex(src.decode())] = _utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block
        ):
            width, start, end = len(lo) // 2, int(lo, 16), int(hi, 16)
            targets = re.findall(rb"<([0-9A-Fa-f]+)>", dst)
            for offset, code in enumerate(range(start, end + 1)):
                if dst.startswith(b"["):
                    text = _utf16(targets[offset]) if offset < len(targets) else ""
                else:
                    base = bytes.fromhex(targets[0].decode())
                    value = int.from_bytes(base, "big") + offset
                    text = value.to_bytes(len(base), "big").decode("utf-16-be", errors="replace")
                mapping[code.to_bytes(width, "big")] = text
    return mapping


def _fonts(objects, resources):
    fonts = {}
    font_dict = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
    if font_dict is None:
        return fonts
    for name, ref in re.findall(rb"/([^\s/]+)\s+" + REF, font_dict.group(1)):
        head = objects[int(ref)][0]
        unicode_ref = re.search(rb"/ToUnicode\s+" + REF, head)
        mapping = _cmap(objects[int(unicode_ref.group(1))][1]) if unicode_ref else {}
        fonts[name] = mapping
    return fonts


def _decode(raw, mapping):
    if raw.startswith(b"<"):
        data = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode())
    else:
        data = re.sub(rb"\\(.)", rb"\1", raw[1:-1])
    width = len(next(iter(mapping))) if mapping else 1
    chunks = [data[i : i + width] for i in range(0, len(data), width)]
    missing = "" if width == 1 else MISSING
    return "".join(mapping.get(c, c.decode("latin-1") if width == 1 else missing) for c in chunks)


ACTUAL = re.compile(rb"/ActualText\s*<([0-9A-Fa-f]*)>")


def _text(content, fonts):
    """Shown strings through their font's CMap; a marked span's ActualText replaces what it
    draws (Skia writes one for glyphs the font lacks, e.g. Chinese without a CJK font)."""
    content = ACTUAL.sub(lambda m: b" (" + m.group(1) + b") ActualText ", content)
    out, stack, font, actual = [], [], {}, None
    for token in TOKEN.findall(content):
        if token == b"ActualText":
            hexdigits = stack[-1][1:-1]
            actual = _utf16(hexdigits[4:] if hexdigits[:4].upper() == b"FEFF" else hexdigits)
        elif token == b"EMC" and actual is not None:
            out.append(actual)
            actual = None
        elif token in (b"Tj", b"'", b'"', b"TJ") and actual is None:
            out.extend(_decode(s, font) for s in stack if s[:1] in (b"<", b"("))
        elif token == b"Tf":
            names = [s for s in stack if s.startswith(b"/")]
            font = fonts.get(names[-1][1:], {}) if names else {}
        elif token in (b"ET", b"Td", b"TD", b"T*", b"Tm"):
            out.append(" ")
        if re.fullmatch(rb"[A-Za-z'\"*]+", token) or token == b"]":
            if token != b"]":
                stack = []
            continue
        stack.append(token)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def read_pdf(data):
    """The pages of a PDF, in order: size in points and text."""
    assert data.startswith(b"%PDF-"), "not a PDF"
    objects = _objects(data)
    root = next(h for h, _ in objects.values() if re.search(rb"/Type\s*/Pages\b", h))
    order = [int(n) for n in re.findall(REF, re.search(rb"/Kids\s*\[(.*?)\]", root, re.S)[1])]
    pages = []
    for number in order:
        head = objects[number][0]
        box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", head)[1].split()]
        resources = head
        ref = re.search(rb"/Resources\s+" + REF, head)
        if ref:
            resources = objects[int(ref.group(1))][0]
        contents = re.search(rb"/Contents\s+(\[[^\]]*\]|" + REF + rb")", head).group(1)
        stream = b"\n".join(objects[int(n)][1] for n in re.findall(REF, contents))
        text = _text(stream, _fonts(objects, resources))
        pages.append(PdfPage(box[2] - box[0], box[3] - box[1], text))
    return pages


def shows(text, expected):
    """Whether ``expected`` is in ``text``, ignoring white space; a glyph printed without a
    character (MISSING) may stand for any one character."""
    pattern = "".join(f"(?:{re.escape(c)}|{MISSING})" for c in "".join(expected.split()))
    return re.search(pattern, "".join(text.split())) is not None
