"""Check-worthiness of sentences: ClaimBuster and CLEF CheckThat! 2019 task 1.

The shipped model is trained on all of ClaimBuster (claims/claimbuster-train.json), so scoring
the shipped model on that file would be in-sample. ClaimBuster is therefore scored by
cross-validation of the same training procedure: `newsar train-claims` runs 5-fold CV
(folds by sentence id) and prints F1 / precision / recall of the positive class at the claim
threshold 0.5 and average precision; this scorer runs it (writing the model to a temporary
file) and reports those figures. The same command also cross-validates on CT19 with whole
debates held out (MAP over debates).

CheckThat! 2019 (claims/CT19-T1-Training.csv, debates and speeches) is not training data for the
shipped model, so it is also scored through the normal analyze path: every line is its own
"text" input, score = max of brief.sentences[*].checkworthiness, average precision per file
(= per debate or speech) over its lines ranked by score, and the mean over files (MAP, the task's
official measure). An error line scores 0.
"""

import csv
import json
import os
import re
import subprocess
import tempfile

import common

THRESHOLD = 0.5


def score(brief):
    if "error" in brief or not brief.get("sentences"):
        return 0.0
    return max(s["checkworthiness"] for s in brief["sentences"])


def positive_rate(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return sum(int(d["label"]) == 1 for d in data) / len(data)


def run(newsar, data_dir):
    rows, notes, made_of = [], [], None
    cb_path = os.path.join(data_dir, "claims", "claimbuster-train.json")
    ct_path = os.path.join(data_dir, "claims", "CT19-T1-Training.csv")
    if not os.path.exists(cb_path) and not os.path.exists(ct_path):
        raise common.Skip(f"data not found: {cb_path}, {ct_path}")

    if os.path.exists(cb_path):
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [newsar, "train-claims", "--claimbuster", cb_path, "--out", os.path.join(tmp, "cw.bin")]
            if os.path.exists(ct_path):
                cmd += ["--ct19", ct_path]
            proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"train-claims failed: {proc.stderr.strip()}")
        m = re.search(r"ClaimBuster (\d+)-fold CV \((\d+) sentences\): F1 ([\d.]+) P ([\d.]+) R ([\d.]+) AP ([\d.]+)", proc.stderr)
        if not m:
            raise RuntimeError(f"unexpected train-claims output: {proc.stderr.strip()}")
        folds, n = int(m.group(1)), int(m.group(2))
        f, p, r, ap = (float(m.group(k)) for k in range(3, 7))
        rows += [(f"ClaimBuster {folds}-fold CV precision @0.5", p, n),
                 (f"ClaimBuster {folds}-fold CV recall @0.5", r, n),
                 (f"ClaimBuster {folds}-fold CV F1 @0.5 (positive class)", f, n),
                 (f"ClaimBuster {folds}-fold CV average precision", ap, n),
                 ("ClaimBuster AP of a random ranking (= positive rate)", positive_rate(cb_path), n)]
        m = re.search(r"CT19 (\d+)-fold CV, debates held out \((\d+) lines, (\d+) debates\): MAP ([\d.]+)", proc.stderr)
        if m:
            rows.append((f"CT19 trained and tested on CT19, {m.group(1)}-fold CV with debates held out: MAP",
                         float(m.group(4)), int(m.group(3))))
        notes.append("ClaimBuster figures are cross-validated (`newsar train-claims`); the shipped model "
                     "is trained on all of ClaimBuster, so it is not scored on that file. For reference, "
                     "the hand-weighted rules it replaced scored F1 0.585 / AP 0.638 on the whole file.")
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
        rows.append((f"CT19, shipped model (trained on ClaimBuster only): MAP over files ({len(lines)} lines)",
                     sum(aps) / len(aps), len(aps)))
        pos_rate = [sum(l for l, _ in v) / len(v) for v in by_file.values()]
        notes.append(f"CT19: {len(by_file)} files, {sum(l['label'].strip() == '1' for l in lines)} "
                     f"positive lines; mean positive rate per file (≈ MAP of a random ranking) "
                     f"{sum(pos_rate) / len(pos_rate):.3f}")
    else:
        notes.append(f"skipped CT19: {ct_path} not found")

    method = ("ClaimBuster: 5-fold cross-validation of the training procedure (newsar train-claims), "
              "positive class at score >= 0.5 (the brief's claim threshold), AP step-wise. CT19: each "
              "line its own text input through the analyze path, score = max sentence checkworthiness, "
              "AP per file, mean over files; plus CT19-only CV with whole debates held out.")
    return common.result("Check-worthiness", "ClaimBuster train (7,976) + CLEF CheckThat! 2019 T1 train",
                         rows, method, notes, made_of)
