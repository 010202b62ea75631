"""XSS payloads and a checker for markup that a browser would execute.

Every payload carries a marker (gk1, gk2, …): the browser test watches for dialogs and console
messages carrying one; the server-side tests look for executable markup in the HTML.
"""

from html.parser import HTMLParser

PAYLOADS = [
    '<script>alert("gk1")</script>',
    '<ScRiPt>alert("gk2")</sCrIpT>',
    '<img src=x onerror=alert("gk3")>',
    '<IMG SRC=x OnErRoR=console.log("XSS:gk4")>',
    '<svg onload=alert("gk5")>',
    '<svg><script>alert("gk6")</script></svg>',
    "<a href=\"javascript:alert('gk7')\">点我7</a>",
    "<a href=\"JaVaScRiPt:alert('gk8')\">点我8</a>",
    "<a href=\"&#106;avascript:alert('gk9')\">点我9</a>",
    "<a href=\"jav&#x09;ascript:alert('gk10')\">点我10</a>",
    '"><script>alert("gk11")</script>',
    "'><img src=x onerror=alert('gk12')>",
    "<iframe src=\"javascript:alert('gk13')\"></iframe>",
    '<body onload=alert("gk14")>',
    '%3Cscript%3Ealert("gk15")%3C%2Fscript%3E',
    '&lt;script&gt;alert("gk16")&lt;/script&gt;',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert("gk17")>',
    '<details open ontoggle=console.log("XSS:gk18")>',
    '</textarea></title><script>alert("gk19")</script>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgiZ2syMCIpPC9zY3JpcHQ+"></object>',
    "<div style=\"background:url(javascript:alert('gk21'))\">x</div>",
    '<scr<script>ipt>alert("gk22")</scr</script>ipt>',
    "<a href=\"data:text/html,<script>alert('gk23')</script>\">点我23</a>",
    "javascript:alert('gk24')",
    '<input autofocus onfocus=alert("gk25")>',
    "<form action=\"javascript:alert('gk26')\"><button>提交</button></form>",
]
MARKERS = [f"gk{n}" for n in range(1, 27)]

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
EMBEDDING_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base"}


class _Finder(HTMLParser):
    def __init__(self, own_prefixes):
        super().__init__(convert_charrefs=True)
        self.own_prefixes = own_prefixes
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            src = attrs.get("src") or ""
            kind = (attrs.get("type") or "").lower()
            if kind in ("application/ld+json", "application/json"):
                return
            if not src.startswith(self.own_prefixes):
                self.found.append(f"<script src={src!r}>")
        if tag in EMBEDDING_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value:
                cleaned = "".join(ch for ch in value if ch > " ").lower()
                if cleaned.startswith(DANGEROUS_SCHEMES):
                    self.found.append(f"<{tag} {name}={value!r}>")
            if name == "style" and "javascript:" in (value or "").lower():
                self.found.append(f"<{tag} style=…javascript:>")

    handle_startendtag = handle_starttag


def dangerous_markup(html, own_prefixes=("/static/",)):
    """Tags and attributes in html that could run script; [] when the page is harmless."""
    finder = _Finder(own_prefixes)
    finder.feed(html)
    finder.close()
    return finder.found
