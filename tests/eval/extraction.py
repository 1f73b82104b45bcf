"""Article extraction: body text and metadata on Mozilla Readability's 130 test pages.

Data: extraction/readability-test-pages/*/ (source.html in, expected.html and
expected-metadata.json from Readability.js as the reference). Each source.html is sent as "html",
without a url (NEWSAR rejects Readability's test URL http://fakehost/test/page.html as not
absolute, and the expected metadata does not depend on the URL).

Body: the ScrapingHub article-extraction-benchmark metric. The reference is the text of
expected.html (tags stripped with html.parser, entities decoded, block elements separated);
ours is brief.article.text. Text is lowercased, tokens = re.findall(r"\\w+"), shingles are
4-token windows counted as a multiset (a text of fewer than 4 tokens is one shingle), as in the
benchmark's evaluate.py. Per document P = tp/(tp+fp), R = tp/(tp+fn) (1 when both sides are
identical); P and R are averaged over documents and F1 is taken from the two averages.
Deviation from evaluate.py, stricter: an error line or an empty body counts as P = R = 0 for that
document (evaluate.py leaves empty predictions out of the precision mean). evaluate.py does not
lowercase; a case-sensitive F1 is reported as well.

Metadata: title, byline, siteName (article.site_name), publishedTime (article.published), lang
(article.declared_lang) against expected-metadata.json, exact string equality after folding
runs of whitespace to one space and trimming (a missing value of ours is ""). A field is scored
only on pages where the expected value is non-null. Byline: ours is a list, joined with ", "
for the exact figure; the lenient figure counts a page when any of our names, case-folded,
equals or is contained in the expected byline. publishedTime lenient: same first 10 characters
(calendar date).
"""

import json
import os
import re

import common

FIELDS = [("title", "title"), ("byline", "byline"), ("siteName", "site_name"),
          ("publishedTime", "published"), ("lang", "declared_lang")]


def shingles(text, lower=True, n=4):
    tokens = re.findall(r"\w+", text.lower() if lower else text)
    out = {}
    for i in range(max(1, len(tokens) - n + 1)):
        sh = tuple(tokens[i:i + n])
        if sh:
            out[sh] = out.get(sh, 0) + 1
    return out


def doc_pr(true, pred, lower=True):
    """Per-document (P, R) of shingle multisets; None for a side with no shingles at all."""
    t, p = shingles(true, lower), shingles(pred, lower)
    tp = sum(min(c, p.get(k, 0)) for k, c in t.items())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    if fp == 0 and fn == 0:
        return (1.0, 1.0) if t else (None, None)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else None
    return prec, rec


def fold(s):
    return " ".join((s or "").split())


def run(newsar, data_dir):
    pages = common.readability_pages(data_dir)
    items = [{"id": os.path.basename(p), "html": common.read(os.path.join(p, "source.html"))}
             for p in pages]
    outputs, stderr = common.analyze(newsar, items)

    rows, notes = [], common.error_notes(outputs, stderr)
    n_err = sum(1 for o in outputs if "error" in o)
    n_empty = 0
    for lower, label in ((True, ""), (False, " (case-sensitive, as evaluate.py)")):
        ps, rs = [], []
        for page, out in zip(pages, outputs):
            true = common.html_text(common.read(os.path.join(page, "expected.html")))
            pred = out.get("article", {}).get("text", "") if "error" not in out else ""
            if not re.search(r"\w", pred):
                if lower:
                    n_empty += 1 if "error" not in out else 0
                if shingles(true, lower):
                    ps.append(0.0)
                    rs.append(0.0)
                continue
            p, r = doc_pr(true, pred, lower)
            if p is not None:
                ps.append(p)
            if r is not None:
                rs.append(r)
        mp, mr = sum(ps) / len(ps), sum(rs) / len(rs)
        if lower:
            rows += [("body precision (mean over docs)", mp, len(ps)),
                     ("body recall (mean over docs)", mr, len(rs)),
                     ("body F1 (from the two means)", common.f1(mp, mr), len(pages))]
        else:
            rows.append(("body F1" + label, common.f1(mp, mr), len(pages)))

    for key, field in FIELDS:
        exact = lenient = n = 0
        for page, out in zip(pages, outputs):
            meta = json.load(open(os.path.join(page, "expected-metadata.json"), encoding="utf-8"))
            want = meta.get(key)
            if want is None:
                continue
            n += 1
            if "error" in out:
                continue  # an error line scores 0 on every field
            got = out["article"].get(field)
            if key == "byline":
                names = [fold(b) for b in (got or []) if fold(b)]
                exact += fold(", ".join(names)) == fold(want)
                w = fold(want).casefold()
                lenient += any(x.casefold() == w or x.casefold() in w for x in names)
            else:
                exact += fold(got) == fold(want)
                if key == "publishedTime":
                    lenient += bool(got) and fold(got)[:10] == fold(want)[:10]
        rows.append((f"{key} exact", exact / n if n else float("nan"), n))
        if key == "byline":
            rows.append(("byline lenient (any of ours = or in expected)", lenient / n, n))
        if key == "publishedTime":
            rows.append(("publishedTime same date (first 10 chars)", lenient / n, n))
    rows.append(("error lines", n_err, len(pages)))
    if n_empty:
        notes.append(f"{n_empty} page(s) gave a brief with an empty article.text")
    method = ("ScrapingHub shingle metric (lowercased \\w+ tokens, 4-shingle multisets, per-doc P/R "
              "averaged, F1 of the averages); an error or empty body counts as P=R=0. Metadata: exact "
              "match after whitespace folding and trimming, only pages whose expected value is non-null; "
              "an error line scores 0 on every field. Pages sent as html without a url.")
    return common.result("Article extraction", "readability-test-pages (130 pages)", rows,
                         method, notes, common.provenance(outputs, "extraction"))
