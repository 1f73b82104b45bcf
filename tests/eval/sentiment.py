"""Tone valence against human sentiment ratings: VADER ground truth and NewsMTSC.

VADER (sentiment/vader-resources/*_GroundTruth.txt, TSV `id<TAB>mean rating<TAB>text`, rating
-4..+4, read as UTF-8 with undecodable bytes replaced): each snippet is one "text" input; Pearson r
of brief.tone.valence against the mean human rating, per set. For context, VADER itself reaches
r = 0.881 (tweets), 0.451 (movie), 0.565 (Amazon) (Hutto & Gilbert 2014, table 3).

NewsMTSC (sentiment/NewsMTSC/devtest_mt.jsonl, sentences with >= 2 target people, polarity
2/4/6 = negative/neutral/positive per target): each sentence is one "text" input and its
brief.tone.valence is the prediction for every target in it, with a neutral band
|valence| < 0.05 → neutral, else the sign. NEWSAR gives sentence-level valence, not sentiment
toward a target, so targets of one sentence with different polarities cannot all be right.
Reported: accuracy and macro-F1 over the three classes, n = targets.

An error line counts as valence 0 (neutral).
"""

import json
import os

import common

SETS = [("tweets", "tweets_GroundTruth.txt"), ("movie", "movieReviewSnippets_GroundTruth.txt"),
        ("amazon", "amazonReviewSnippets_GroundTruth.txt")]
BAND = 0.05


def valence(brief):
    return 0.0 if "error" in brief else brief["tone"]["valence"]


def read_vader(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            sid, rating, text = line.split("\t", 2)
            rows.append((sid, float(rating), text))
    return rows


def run(newsar, data_dir):
    vader_dir = os.path.join(data_dir, "sentiment", "vader-resources")
    mtsc_path = os.path.join(data_dir, "sentiment", "NewsMTSC", "devtest_mt.jsonl")
    if not os.path.isdir(vader_dir) and not os.path.exists(mtsc_path):
        raise common.Skip(f"data not found: {vader_dir}, {mtsc_path}")
    rows, notes, made_of = [], [], None

    for name, fname in SETS:
        path = os.path.join(vader_dir, fname)
        if not os.path.exists(path):
            notes.append(f"skipped VADER {name}: {path} not found")
            continue
        data = read_vader(path)
        items = [{"id": f"{name}-{i}", "text": t} for i, (_, _, t) in enumerate(data)]
        outputs, stderr = common.analyze(newsar, items)
        made_of = made_of or common.provenance(outputs, "tone")
        notes += [f"VADER {name}: " + n for n in common.error_notes(outputs, stderr)]
        vals = [valence(o) for o in outputs]
        rows.append((f"VADER {name}: Pearson r (valence vs rating)",
                     common.pearson(vals, [r for _, r, _ in data]), len(data)))
        zero = sum(1 for v in vals if v == 0)
        notes.append(f"VADER {name}: {zero} of {len(vals)} snippets got valence exactly 0")

    if os.path.exists(mtsc_path):
        sents = [json.loads(l) for l in open(mtsc_path, encoding="utf-8") if l.strip()]
        items = [{"id": s["primary_gid"], "text": s["sentence_normalized"]} for s in sents]
        outputs, stderr = common.analyze(newsar, items)
        made_of = made_of or common.provenance(outputs, "tone")
        notes += ["NewsMTSC: " + n for n in common.error_notes(outputs, stderr)]
        gold, pred = [], []
        for s, o in zip(sents, outputs):
            v = valence(o)
            p = "neu" if abs(v) < BAND else ("pos" if v > 0 else "neg")
            for t in s["targets"]:
                gold.append({2.0: "neg", 4.0: "neu", 6.0: "pos"}[float(t["polarity"])])
                pred.append(p)
        n = len(gold)
        acc = sum(g == p for g, p in zip(gold, pred)) / n
        f1s = []
        for c in ("neg", "neu", "pos"):
            tp = sum(g == c and p == c for g, p in zip(gold, pred))
            fp = sum(g != c and p == c for g, p in zip(gold, pred))
            fn = sum(g == c and p != c for g, p in zip(gold, pred))
            f1s.append(common.prf(tp, fp, fn)[2])
            rows.append((f"NewsMTSC F1 {c} (gold {sum(g == c for g in gold)})", f1s[-1], n))
        rows += [("NewsMTSC accuracy", acc, n), ("NewsMTSC macro-F1 (3 classes)", sum(f1s) / 3, n),
                 ("NewsMTSC accuracy of always-majority", max(gold.count(c) for c in set(gold)) / n, n)]
        notes.append(f"NewsMTSC: {len(sents)} sentences, {n} targets; predicted "
                     + ", ".join(f"{c} {pred.count(c)}" for c in ("neg", "neu", "pos")))
    else:
        notes.append(f"skipped NewsMTSC: {mtsc_path} not found")

    method = ("VADER: Pearson r of tone.valence vs mean human rating, one input per snippet. "
              f"NewsMTSC devtest_mt: sentence valence → neg/neu/pos with neutral band |v| < {BAND}, "
              "applied to every target of the sentence (sentence-level, not target-dependent); "
              "accuracy and macro-F1 over targets. An error line counts as valence 0.")
    return common.result("Sentiment (tone valence)", "VADER ground truth; NewsMTSC devtest_mt",
                         rows, method, notes, made_of)
