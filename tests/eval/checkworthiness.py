"""Check-worthiness of sentences: ClaimBuster and CLEF CheckThat! 2019 task 1.

ClaimBuster (claims/claimbuster-train.json, label 1 = check-worthy factual claim): each sentence
is its own "text" input; its score is the max of brief.sentences[*].checkworthiness (a sentence the
CLI splits in two takes the higher part). Reported: precision, recall and F1 of the positive class
at the brief's claim threshold (score >= 0.5, CLAIM_THRESHOLD in src/claims), and average
precision (scikit-learn's definition, computed here). The scorer is hand-weighted rules, not
trained on this data, so it is scored on the whole file; a trained model must use 5-fold CV.

CheckThat! 2019 (claims/CT19-T1-Training.csv, debates and speeches): every line is its own
"text" input (avoids sentence-alignment issues); average precision per file (= per debate or
speech) over its lines ranked by score, and the mean over files (MAP, the task's official
measure). An error line scores 0.
"""

import csv
import json
import os

import common

THRESHOLD = 0.5


def score(brief):
    if "error" in brief or not brief.get("sentences"):
        return 0.0
    return max(s["checkworthiness"] for s in brief["sentences"])


def run(newsar, data_dir):
    rows, notes, made_of = [], [], None
    cb_path = os.path.join(data_dir, "claims", "claimbuster-train.json")
    ct_path = os.path.join(data_dir, "claims", "CT19-T1-Training.csv")
    if not os.path.exists(cb_path) and not os.path.exists(ct_path):
        raise common.Skip(f"data not found: {cb_path}, {ct_path}")

    if os.path.exists(cb_path):
        data = json.load(open(cb_path, encoding="utf-8"))
        items = [{"id": f"cb-{d['sentence_id']}-{i}", "text": d["text"]} for i, d in enumerate(data)]
        outputs, stderr = common.analyze(newsar, items)
        made_of = made_of or common.provenance(outputs, "claims")
        notes += ["ClaimBuster: " + n for n in common.error_notes(outputs, stderr)]
        labels = [int(d["label"]) == 1 for d in data]
        scores = [score(o) for o in outputs]
        tp = sum(1 for l, s in zip(labels, scores) if l and s >= THRESHOLD)
        fp = sum(1 for l, s in zip(labels, scores) if not l and s >= THRESHOLD)
        fn = sum(1 for l, s in zip(labels, scores) if l and s < THRESHOLD)
        p, r, f = common.prf(tp, fp, fn)
        n, npos = len(data), sum(labels)
        rows += [(f"ClaimBuster precision @0.5 ({npos} positive)", p, n),
                 ("ClaimBuster recall @0.5", r, n),
                 ("ClaimBuster F1 @0.5 (positive class)", f, n),
                 ("ClaimBuster average precision", common.average_precision(labels, scores), n),
                 ("ClaimBuster AP of a random ranking (= positive rate)", npos / n, n)]
    else:
        notes.append(f"skipped ClaimBuster: {cb_path} not found")

    if os.path.exists(ct_path):
        with open(ct_path, encoding="utf-8", newline="") as f:
            lines = list(csv.DictReader(f))
        items = [{"id": f"ct-{i}", "text": l["text"]} for i, l in enumerate(lines)]
        outputs, stderr = common.analyze(newsar, items)
        made_of = made_of or common.provenance(outputs, "claims")
        notes += ["CT19: " + n for n in common.error_notes(outputs, stderr)]
        by_file = {}
        for l, o in zip(lines, outputs):
            by_file.setdefault(l["file_name"], []).append((l["label"].strip() == "1", score(o)))
        aps = [common.average_precision([l for l, _ in v], [s for _, s in v])
               for _, v in sorted(by_file.items())]
        aps = [a for a in aps if a == a]  # a file without positives has no AP
        rows.append((f"CT19 mean AP over files (MAP; {len(lines)} lines)", sum(aps) / len(aps),
                     len(aps)))
        pos_rate = [sum(l for l, _ in v) / len(v) for v in by_file.values()]
        notes.append(f"CT19: {len(by_file)} files, {sum(l['label'].strip() == '1' for l in lines)} "
                     f"positive lines; mean positive rate per file (≈ MAP of a random ranking) "
                     f"{sum(pos_rate) / len(pos_rate):.3f}")
    else:
        notes.append(f"skipped CT19: {ct_path} not found")

    method = ("Each sentence/line is its own text input; score = max sentence checkworthiness. "
              "Positive class at score >= 0.5 (the brief's claim threshold). AP as scikit-learn "
              "(step-wise, ties together). Hand-weighted rules, not trained: scored on the whole "
              "files (a trained model must use 5-fold CV). CT19: AP per file, mean over files.")
    return common.result("Check-worthiness", "ClaimBuster train (7,976) + CLEF CheckThat! 2019 T1 train",
                         rows, method, notes, made_of)
