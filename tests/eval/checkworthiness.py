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

The optional transformer model (`--claims-model`, `src/encoder/`) is scored the same ways, side by
side, when its files are there: the shipped transformer (`NEWSAR_CLAIMS_MODEL`, trained on all of
ClaimBuster) on CT19 through the same analyze path; and on ClaimBuster by 5-fold cross-validation
with the fold models of `make train-claims-transformer-folds` (`NEWSAR_CLAIMS_FOLDS`/foldK, each
trained with fold K held out, the same folds as `newsar train-claims`), each scoring its held-out
fold through the analyze path (score = max sentence checkworthiness), pooled over the folds.
"""

import csv
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

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


def analyze_in_parallel(newsar, items, extra_args, parts=2):
    """common.analyze over `parts` slices of `items` at once (the transformer is slow)."""
    size = (len(items) + parts - 1) // parts
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with ThreadPoolExecutor(len(chunks)) as pool:
        done = list(pool.map(lambda c: common.analyze(newsar, c, timeout=7200, extra_args=extra_args), chunks))
    return [o for outputs, _ in done for o in outputs], "".join(err for _, err in done)


def prf_ap(labels, scores):
    tp = sum(1 for l, s in zip(labels, scores) if l and s >= THRESHOLD)
    fp = sum(1 for l, s in zip(labels, scores) if not l and s >= THRESHOLD)
    fn = sum(1 for l, s in zip(labels, scores) if l and s < THRESHOLD)
    p, r, f = common.prf(tp, fp, fn)
    return p, r, f, common.average_precision(labels, scores)


def transformer_claimbuster(newsar, cb_path, folds_dir):
    """5-fold CV of the transformer from its fold models: rows, a per-fold table, notes."""
    paths = [os.path.join(folds_dir, f"fold{k}.safetensors") for k in range(5)]
    present = [k for k, p in enumerate(paths) if os.path.exists(p)]
    if not present:
        return [], [], [f"transformer ClaimBuster CV skipped: no fold models in {folds_dir} "
                        "(make train-claims-transformer-folds)"]
    with open(cb_path, encoding="utf-8") as f:
        data = json.load(f)
    labels, scores, table = [], [], []
    for k in present:
        held = [d for d in data if d["sentence_id"] % 5 == k]
        items = [{"id": f"cb-{d['sentence_id']}", "text": d["text"]} for d in held]
        outputs, _ = analyze_in_parallel(newsar, items, ["--claims-model", paths[k]])
        fold_labels = [int(d["label"]) == 1 for d in held]
        fold_scores = [score(o) for o in outputs]
        p, r, f, ap = prf_ap(fold_labels, fold_scores)
        table.append([str(k), str(len(held)), f"{f:.3f}", f"{p:.3f}", f"{r:.3f}", f"{ap:.3f}"])
        labels += fold_labels
        scores += fold_scores
    p, r, f, ap = prf_ap(labels, scores)
    which = "5-fold CV" if len(present) == 5 else f"{len(present)} of 5 CV folds ({', '.join(map(str, present))})"
    rows = [(f"ClaimBuster, transformer (MiniLM-L6), {which}: precision @0.5", p, len(labels)),
            (f"ClaimBuster, transformer (MiniLM-L6), {which}: recall @0.5", r, len(labels)),
            (f"ClaimBuster, transformer (MiniLM-L6), {which}: F1 @0.5 (positive class)", f, len(labels)),
            (f"ClaimBuster, transformer (MiniLM-L6), {which}: average precision", ap, len(labels))]
    tables = [{"caption": "Transformer check-worthiness per held-out ClaimBuster fold (the fold's own "
                          "model, trained without it; Rust encoder through `newsar analyze --jsonl "
                          "--claims-model`)",
               "header": ["fold", "sentences", "F1 @0.5", "precision", "recall", "AP"],
               "align": "lrrrrr", "rows": table}]
    notes = ["The transformer's ClaimBuster figures pool the held-out predictions of its fold models "
             "(`make train-claims-transformer-folds`); the training settings were fixed before any run "
             "and nothing was chosen on a held-out fold."]
    return rows, tables, notes


def ct19_map(lines, outputs):
    by_file = {}
    for l, o in zip(lines, outputs):
        by_file.setdefault(l["file_name"], []).append((l["label"].strip() == "1", score(o)))
    aps = [common.average_precision([l for l, _ in v], [s for _, s in v])
           for _, v in sorted(by_file.items())]
    aps = [a for a in aps if a == a]  # a file without positives has no AP
    return sum(aps) / len(aps), len(aps), by_file


def run(newsar, data_dir):
    rows, notes, made_of, tables = [], [], None, []
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
        folds_dir = os.environ.get("NEWSAR_CLAIMS_FOLDS", "")
        if folds_dir:
            t_rows, t_tables, t_notes = transformer_claimbuster(newsar, cb_path, folds_dir)
            rows += t_rows
            tables += t_tables
            notes += t_notes
    else:
        notes.append(f"skipped ClaimBuster: {cb_path} not found")

    if os.path.exists(ct_path):
        with open(ct_path, encoding="utf-8", newline="") as f:
            lines = list(csv.DictReader(f))
        items = [{"id": f"ct-{i}", "text": l["text"]} for i, l in enumerate(lines)]
        outputs, stderr = common.analyze(newsar, items)
        made_of = made_of or common.provenance(outputs, "claims")
        notes += ["CT19: " + n for n in common.error_notes(outputs, stderr)]
        mean_ap, n_files, by_file = ct19_map(lines, outputs)
        rows.append((f"CT19, shipped model (trained on ClaimBuster only): MAP over files ({len(lines)} lines)",
                     mean_ap, n_files))
        model = os.environ.get("NEWSAR_CLAIMS_MODEL", "")
        if model and os.path.exists(model):
            t_outputs, t_stderr = analyze_in_parallel(newsar, items, ["--claims-model", model])
            notes += ["CT19, transformer: " + n for n in common.error_notes(t_outputs, t_stderr)]
            t_map, t_files, t_by_file = ct19_map(lines, t_outputs)
            rows.append((f"CT19, optional transformer model (MiniLM-L6, trained on ClaimBuster only): MAP over "
                         f"files ({len(lines)} lines)", t_map, t_files))
            per_file = []
            for name in sorted(by_file):
                ap_h = common.average_precision(*zip(*by_file[name]))
                ap_t = common.average_precision(*zip(*t_by_file[name]))
                if ap_h == ap_h and ap_t == ap_t:
                    per_file.append([name, str(len(by_file[name])), str(sum(l for l, _ in by_file[name])),
                                     f"{ap_h:.3f}", f"{ap_t:.3f}"])
            tables.append({"caption": "CT19 average precision per debate or speech: compiled-in hashed model "
                                      "against the optional transformer (both trained on ClaimBuster only)",
                           "header": ["file", "lines", "check-worthy", "hashed model AP", "transformer AP"],
                           "align": "lrrrr", "rows": per_file})
        else:
            notes.append(f"CT19 with the transformer skipped: no model at {model or '(NEWSAR_CLAIMS_MODEL unset)'}")
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
                         rows, method, notes, made_of, tables)
