"""Keyphrases on DUC-2001 (308 AP/WSJ/FT/LA Times/SJMN/FBIS news documents, Wan & Xiao 2008 keys).

Input: per document file, the body blocks in document order — <LP>/<LEADPARA> (WSJ and SJMN put
the lead paragraph there) and <TEXT> — with SGML tags stripped and entities decoded; a paragraph
starts at a blank line, a <P> tag or an indented line, and the hard-wrapped lines of a paragraph
are joined with spaces (otherwise the CLI's line rule would cut sentences at every wrap).
Paragraphs are separated by blank lines. The headline is not sent.

Gold: annotations.txt `DOCID@kp1;kp2;...`. Matching: a phrase is lowercased, split into \\w+
words, each word Porter-stemmed (porter.py, the original algorithm), and compared exactly.
Prediction: brief.keywords[*].term in order, top 5 and top 10 (duplicate stems take a slot but
match once). P@k = matched / number of terms taken (<= k), R@k = matched / gold keys; F1 per
document, then macro-averaged over documents (P, R and F1 means); an error line is P = R = F1 = 0.
Micro-averaged F1 (pooled counts) is given too. All gold keys count, also those absent from the
text. Published F1@10 on DUC-2001 for context: TextRank 21.5, PositionRank 28.6, EmbedRank 29.5.
"""

import html
import os
import re

import common
from porter import stem

BLOCK_RE = re.compile(r"<(LP|LEADPARA|TEXT)>(.*?)</\1>", re.S | re.I)


def doc_text(raw):
    blocks = [b for _, b in BLOCK_RE.findall(raw)] or [raw]
    paras, cur = [], []
    for block in blocks:
        block = re.sub(r"</?P>", "\n\n", block, flags=re.I)
        block = html.unescape(re.sub(r"<[^>]*>", " ", block))
        for line in block.split("\n"):
            if not line.strip() or line[:1].isspace():
                if cur:
                    paras.append(" ".join(cur))
                    cur = []
            if line.strip():
                cur.append(" ".join(line.split()))
        if cur:
            paras.append(" ".join(cur))
            cur = []
    return "\n\n".join(paras)


def key(phrase):
    return " ".join(stem(w) for w in re.findall(r"\w+", phrase.lower()))


def run(newsar, data_dir):
    root = common.need(os.path.join(data_dir, "keyphrase", "DUC2001"))
    gold = {}
    for line in open(os.path.join(root, "annotations.txt"), encoding="utf-8", errors="replace"):
        if "@" in line:
            doc_id, kps = line.strip().split("@", 1)
            gold[doc_id.strip()] = {key(k) for k in kps.split(";") if key(k)}
    ids = sorted(d for d in gold if os.path.isfile(os.path.join(root, d)))
    missing = sorted(set(gold) - set(ids))
    items = [{"id": d, "text": doc_text(common.read(os.path.join(root, d)))} for d in ids]
    outputs, stderr = common.analyze(newsar, items)
    notes = common.error_notes(outputs, stderr)
    if missing:
        notes.append(f"annotations without a document file (not scored): {', '.join(missing)}")

    rows, dup_docs = [], 0
    for k in (5, 10):
        ps, rs, fs, tp_all, pred_all, gold_all = [], [], [], 0, 0, 0
        for d, out in zip(ids, outputs):
            terms = [] if "error" in out else [kw["term"] for kw in out["keywords"]][:k]
            keys = [key(t) for t in terms]
            if k == 10 and len(set(keys)) < len(keys):
                dup_docs += 1
            matched = len(set(keys) & gold[d])
            p = matched / len(keys) if keys else 0.0
            r = matched / len(gold[d]) if gold[d] else 0.0
            ps.append(p)
            rs.append(r)
            fs.append(common.f1(p, r))
            tp_all, pred_all, gold_all = tp_all + matched, pred_all + len(keys), gold_all + len(gold[d])
        n = len(ids)
        rows += [(f"P@{k} (macro)", sum(ps) / n, n), (f"R@{k} (macro)", sum(rs) / n, n),
                 (f"F1@{k} (macro, mean of per-doc F1)", sum(fs) / n, n),
                 (f"F1@{k} (micro, pooled counts)", common.prf(tp_all, pred_all - tp_all,
                                                               gold_all - tp_all)[2], n)]
    if dup_docs:
        notes.append(f"{dup_docs} document(s) have two top-10 terms with the same stemmed form")
    n_kw = [len(o.get("keywords", [])) for o in outputs]
    notes.append(f"keywords per brief: min {min(n_kw)}, mean {sum(n_kw) / len(n_kw):.1f}, "
                 f"max {max(n_kw)}; gold keys per doc {sum(len(gold[d]) for d in ids) / len(ids):.1f}")
    method = ("Top-k brief.keywords terms vs gold keys, exact match after lowercasing and Porter-"
              "stemming each \\w+ word; per-doc P/R/F1 macro-averaged over documents (micro also "
              "shown). Published F1@10 for context: TextRank 21.5, PositionRank 28.6, EmbedRank 29.5.")
    return common.result("Keyphrases", f"DUC-2001 ({len(ids)} documents)", rows, method, notes,
                         common.provenance(outputs, "keywords"))
