"""The pages of a benchmark site, byte for byte: save them once, compare after a change.

    .venv/bin/python bench/web/same_output.py --work /tmp/gongkai-render save /tmp/pages-before
    .venv/bin/python bench/web/same_output.py --work /tmp/gongkai-render compare /tmp/pages-before

Uses the site bench/web/uncached.py built in ``--work`` and Django's test client with every
middleware (as bench/web/profile_page.py does). Each page is asked for in every reader variant
(简体, 繁體 Taiwan and Hong Kong forms, 长者模式), twice: the first answer may fill fragment
caches, the second reads them; both must match what was saved.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import quote, unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from profile_page import setup  # noqa: E402

VARIANTS = {
    "hans": {},
    "hant": {"script": "hant"},
    "hk-elder": {"script": "hk", "elder": "1"},
}


def site_paths():
    from policies.models import PolicyIndexPage, PolicyPage
    from taxonomy.models import Topic

    policies = PolicyPage.objects.live().order_by("pk")
    listing = PolicyIndexPage.objects.live().first().url
    topic = Topic.objects.filter(policypage__live=True).distinct().order_by("pk").first().name
    paths = {
        "home": "/",
        "listing": listing,
        "filter": f"{listing}?topic={topic}",
        "page 2": f"{listing}?page=2",
        "search": "/search/?q=社区治理",
        "search none": "/search/?q=没有这样的词语",
        "hub": "/gongkai-hudong/",
        "missing": "/no-such-page/",
    }
    for n, policy in enumerate([policies.first(), *policies.order_by("-pk")[:3]]):
        paths[f"policy {n}"] = policy.url
    return {name: quote(unquote(path), safe="/?=&") for name, path in paths.items()}


def render_all():
    from django.test import Client

    pages = {}
    for name, path in site_paths().items():
        for variant, cookies in VARIANTS.items():
            client = Client(HTTP_HOST="127.0.0.1")
            client.cookies.load(cookies)
            for attempt in ("first", "second"):
                response = client.get(path)
                headers = {k: v for k, v in response.items() if k not in ("Date", "X-Page-Cache")}
                pages[f"{name} {variant} {attempt}"] = {
                    "path": path,
                    "status": response.status_code,
                    "headers": headers,
                    "body": response.content.decode("utf-8", errors="replace"),
                }
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    setup(args.work)
    pages = render_all()
    saved = args.folder / "pages.json"
    if args.action == "save":
        args.folder.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(pages, ensure_ascii=False, indent=1))
        for key, page in pages.items():
            digest = hashlib.sha256(page["body"].encode()).hexdigest()[:12]
            print(f"{key:<28} HTTP {page['status']}  {len(page['body']):>7} chars  {digest}")
        return
    before = json.loads(saved.read_text())
    differ = [key for key in before if before[key] != pages.get(key)]
    for key in differ:
        print(f"DIFFERENT: {key} ({before[key]['path']})")
        for part in ("status", "headers"):
            if before[key][part] != pages[key][part]:
                print(f"  {part}: {before[key][part]!r}\n  now: {pages[key][part]!r}")
        _first_difference(before[key]["body"], pages[key]["body"])
    print(f"{len(before) - len(differ)} of {len(before)} answers identical")
    sys.exit(1 if differ else 0)


def _first_difference(old, new):
    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
    if at is None:
        at = min(len(old), len(new))
    if old != new:
        print(f"  body differs at {at}:\n  was: {old[at - 80 : at + 120]!r}")
        print(f"  now: {new[at - 80 : at + 120]!r}")


if __name__ == "__main__":
    main()
