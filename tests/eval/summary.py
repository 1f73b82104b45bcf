"""Summary coverage diagnostic on the Readability test pages (not ROUGE: there are no reference
summaries here).

Each source.html is sent as "html" (as in extraction.py). Per page with a brief and a non-empty
summary:
- lead included: the article's first sentence (brief.sentences[0], sliced from article.text via
  UTF-16 offsets) is one of the summary's sentences (same start/end), or its text, whitespace-
  folded, occurs in the summary text.
- top-3 entity coverage: of the first three brief.entities (most salient first), the share with at
  least one mention inside a summary sentence's span; averaged over pages that have entities.
- mean summary.confidence, over pages with a brief.
Error lines and empty summaries are counted and reported, and excluded from the shares above
(so the shares describe the summaries NEWSAR does produce).

Three examples (issue #6 asks for them) are shown as they come out: the first three pages in
name order whose brief is English news-length (at least 300 words and 3 summary sentences),
with title, summary (cut at 700 characters) and confidence — chosen by that rule, not by how
good the summary looks.
"""

import os

import common


def fold(s):
    return " ".join(s.split())


def run(newsar, data_dir):
    pages = common.readability_pages(data_dir)
    items = [{"id": os.path.basename(p), "html": common.read(os.path.join(p, "source.html"))}
             for p in pages]
    outputs, stderr = common.analyze(newsar, items)
    notes = common.error_notes(outputs, stderr)
    briefs = [o for o in outputs if "error" not in o]
    with_summary = [b for b in briefs if b["summary"]["sentences"]]
    lead_hits, cover, conf, offset_bad = 0, [], [], 0
    for b in with_summary:
        text = b["article"]["text"]
        table = common.py_offsets(text)
        sents = b["summary"]["sentences"]
        for s in sents:
            a, e = common.span(table, s["start"], s["end"])
            if fold(text[a:e]) != fold(s["text"]):
                offset_bad += 1
        if b["sentences"]:
            first = b["sentences"][0]
            a, e = common.span(table, first["start"], first["end"])
            lead = fold(text[a:e])
            lead_hits += (any(s["start"] == first["start"] and s["end"] == first["end"] for s in sents)
                          or (lead and lead in fold(b["summary"]["text"])))
        ents = b["entities"][:3]
        if ents:
            inside = sum(any(any(s["start"] <= m["start"] and m["end"] <= s["end"] for s in sents)
                             for m in ent["mentions"]) for ent in ents)
            cover.append(inside / len(ents))
    conf = [b["summary"]["confidence"] for b in briefs]
    n_sum = len(with_summary)
    rows = [("summary includes the first sentence", lead_hits / n_sum if n_sum else float("nan"), n_sum),
            ("share of top-3 entities mentioned in the summary (mean per page)",
             sum(cover) / len(cover) if cover else float("nan"), len(cover)),
            ("mean summary confidence", sum(conf) / len(conf), len(conf)),
            ("pages with an empty summary (of briefs)", len(briefs) - n_sum, len(briefs)),
            ("error lines", len(outputs) - len(briefs), len(outputs))]
    lens = [len(b["summary"]["sentences"]) for b in with_summary]
    if lens:
        notes.append(f"summary sentences per page: min {min(lens)}, mean {sum(lens) / len(lens):.1f}, max {max(lens)}")
    if offset_bad:
        notes.append(f"{offset_bad} summary sentence(s) whose text differs from article.text[start:end]")
    method = ("Coverage diagnostic, not ROUGE: first-sentence inclusion, top-3 entity coverage by "
              "mention offsets, mean confidence; errors and empty summaries excluded from the shares "
              "and counted separately.")
    examples = []
    for item, b in zip(items, outputs):
        if "error" in b or b["language"]["code"] != "en" or b["stats"]["words"] < 300:
            continue
        if len(b["summary"]["sentences"]) < 3:
            continue
        summary = fold(b["summary"]["text"])
        if len(summary) > 700:
            summary = summary[:700].rsplit(" ", 1)[0] + " …"
        examples.append([item["id"], fold(b["article"]["title"] or "(no title)"), summary,
                         f"{b['summary']['confidence']:.2f}"])
        if len(examples) == 3:
            break
    tables = [{"caption": "Three examples (first three English pages in name order with ≥ 300 words "
                          "and ≥ 3 summary sentences; not picked by quality).",
               "header": ["page", "title", "summary", "confidence"], "align": "lllr", "rows": examples}]
    return common.result("Summary (coverage diagnostic)", "readability-test-pages (130 pages)",
                         rows, method, notes, common.provenance(outputs, "summary"), tables)
