"""Shared helpers for the NEWSAR evaluation scorers (stdlib only).

- `analyze(newsar, items)`: one batched `newsar analyze --jsonl` call; returns the output lines
  (parsed) in input order, checked against the input ids, plus whatever the CLI wrote on stderr.
- `py_offsets(text)`: converts the brief's UTF-16 code-unit offsets to Python str indices.
- Small metric helpers: precision/recall/F1, average precision, Pearson r.
- `Skip`: raised by a scorer whose data folder is absent; run_all.py reports it and goes on.
"""

import json
import math
import os
import subprocess


class Skip(Exception):
    """The scorer's data is absent: report and skip, do not fail."""


def need(path):
    """Returns `path` if it exists, else raises Skip naming it."""
    if not os.path.exists(path):
        raise Skip(f"data not found: {path}")
    return path


def analyze(newsar, items, timeout=900):
    """Runs `newsar analyze --jsonl` once over `items` (dicts with an "id").

    Returns (outputs, stderr_text). outputs[i] is the parsed line for items[i]: a brief (with
    "input_id") or {"input_id": ..., "error": "..."}. Raises if the CLI exits non-zero, or the
    output does not line up with the input (count or ids)."""
    payload = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
    proc = subprocess.run(
        [newsar, "analyze", "--jsonl"],
        input=payload.encode("utf-8"),
        capture_output=True,
        timeout=timeout,
    )
    stderr = proc.stderr.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"newsar exited {proc.returncode}: {stderr.strip()[:500]}")
    lines = proc.stdout.decode("utf-8").splitlines()
    if len(lines) != len(items):
        raise RuntimeError(f"newsar gave {len(lines)} lines for {len(items)} inputs")
    outputs = [json.loads(line) for line in lines]
    for it, out in zip(items, outputs):
        if out.get("input_id") != it["id"]:
            raise RuntimeError(f"output out of order: expected id {it['id']!r}, got {out.get('input_id')!r}")
    return outputs, stderr


def error_notes(outputs, stderr="", limit=5):
    """Human-readable notes on error lines and stderr output, for the report."""
    notes = []
    errors = [o for o in outputs if "error" in o]
    if errors:
        by_msg = {}
        for o in errors:
            by_msg.setdefault(o["error"], []).append(o["input_id"])
        for msg, ids in sorted(by_msg.items(), key=lambda kv: -len(kv[1]))[:limit]:
            shown = ", ".join(str(i) for i in ids[:3])
            notes.append(f"{len(ids)} error line(s): \"{msg}\" (e.g. {shown})")
    if stderr.strip():
        lines = [l for l in stderr.splitlines() if l.strip()]
        notes.append(f"newsar wrote {len(lines)} line(s) on stderr, first: {lines[0][:200]!r}")
    return notes


def py_offsets(text):
    """Table u16 -> Python index for `text` (length = UTF-16 length + 1).

    A character outside the BMP takes two UTF-16 units; both map to its Python index."""
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return table


def span(table, start, end):
    """Python (start, end) for a UTF-16 half-open range, via a py_offsets table."""
    last = len(table) - 1
    return table[min(start, last)], table[min(end, last)]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def average_precision(labels, scores):
    """Average precision as scikit-learn computes it: sum over distinct score thresholds
    (highest first) of (R_k - R_{k-1}) * P_k; tied scores enter together."""
    pairs = sorted(zip(scores, labels), key=lambda x: -x[0])
    total_pos = sum(1 for l in labels if l)
    if total_pos == 0:
        return float("nan")
    ap, tp, seen, prev_recall, i = 0.0, 0, 0, 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            tp += 1 if pairs[j][1] else 0
            seen += 1
            j += 1
        recall = tp / total_pos
        ap += (recall - prev_recall) * (tp / seen)
        prev_recall = recall
        i = j
    return ap


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return float("nan")
    return sxy / math.sqrt(sxx * syy)


def provenance(outputs, section):
    """brief.provenance[section] of the first brief in `outputs` (what the analyzer is made of)."""
    for o in outputs:
        if "error" not in o:
            return o.get("provenance", {}).get(section)
    return None


def result(title, dataset, rows, method, notes=None, made_of=None, tables=None):
    """The dict every scorer's run() returns. rows: (metric, value, n) tuples; made_of: the
    brief's own provenance label for the section scored; tables: extra tables shown after the
    rows, each {"caption", "header": [...], "align": "lr..." (one letter a column), "rows":
    [[cell, ...], ...]} with cells already formatted as strings."""
    return {
        "title": title,
        "dataset": dataset,
        "rows": [{"metric": m, "value": v, "n": n} for m, v, n in rows],
        "method": method,
        "notes": notes or [],
        "made_of": made_of,
        "tables": tables or [],
    }


# --- HTML → plain text (for Readability's expected.html) ---------------------------------------

from html.parser import HTMLParser  # noqa: E402

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}
_SKIP_TAGS = {"script", "style", "noscript", "template"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(html):
    """Text of an HTML fragment: tags stripped (html.parser), entities decoded, inline markup
    joined without spaces, block elements separated by blank lines, whitespace folded per line."""
    p = _TextParser()
    p.feed(html)
    p.close()
    raw = "".join(p.parts)
    paras = []
    for chunk in raw.split("\n\n"):
        folded = " ".join(chunk.split())
        if folded:
            paras.append(folded)
    return "\n\n".join(paras)


def readability_pages(data_dir):
    """Sorted list of readability-test-pages folders (Skip if absent)."""
    root = need(os.path.join(data_dir, "extraction", "readability-test-pages"))
    return [os.path.join(root, d) for d in sorted(os.listdir(root))
            if os.path.isfile(os.path.join(root, d, "source.html"))]


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()
