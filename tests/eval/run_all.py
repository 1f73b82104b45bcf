#!/usr/bin/env python3
"""Scores every NEWSAR analyzer on the shared development data and writes EVALUATION.md.

    python3 tests/eval/run_all.py --newsar target/release/newsar --data ../shared/data --out EVALUATION.md

One scorer module per analyzer (tests/eval/<name>.py, each with run(newsar, data_dir) -> dict);
each makes one `newsar analyze --jsonl` call per dataset (extraction feeds its call one line at
a time, to time each page). A scorer whose data is absent
says it skips; a scorer that raises is reported as FAILED and the run goes on (exit status 1
at the end if any failed). Standard library only. Four scorers also run peer systems on the
identical inputs, through the same scoring code, for side-by-side tables: NER (compromise,
wink-nlp) and extraction (Readability.js under jsdom) under Node, from tests/eval/peers/ (pinned
in its package.json + lock, installed by `npm ci` when missing); sentiment (VADER) and keyphrases
(YAKE) from PyPI, pip-installed at pinned versions into the venv target/eval-venv when missing.
A peer that cannot be installed or run is reported as skipped/failed; NEWSAR is still scored.
"""

import argparse
import datetime
import importlib
import os
import subprocess
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep tests/eval free of __pycache__

import common  # noqa: E402

SCORERS = ["extraction", "ner", "checkworthiness", "sentiment", "keyphrases", "language", "summary",
           "attribution", "stories"]


def fmt(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        return "n/a" if v != v else f"{v:.3f}"
    return str(v)


def git_state(repo):
    try:
        rev = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        # Only what the binary is built from: src/, data/, the manifests.
        dirty = subprocess.run(["git", "-C", repo, "status", "--porcelain", "--", "src", "data",
                                "Cargo.toml", "Cargo.lock"],
                               capture_output=True, text=True).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--newsar", default="target/release/newsar")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="EVALUATION.md")
    ap.add_argument("--only", nargs="*", help="run only these scorers")
    args = ap.parse_args()
    newsar = os.path.abspath(args.newsar)
    if not os.access(newsar, os.X_OK):
        sys.exit(f"newsar binary not found at {args.newsar}: run `make native` first")
    version = subprocess.run([newsar, "--version"], capture_output=True, text=True).stdout.strip()
    started = datetime.datetime.now(datetime.timezone.utc)
    if not os.path.isdir(args.data):
        print(f"data folder {args.data} not found: every scorer will skip")

    results, t0 = [], time.time()
    for name in args.only or SCORERS:
        t = time.time()
        print(f"[eval] {name} ...", flush=True)
        try:
            res = importlib.import_module(name).run(newsar, args.data)
            res["status"] = "ok"
        except common.Skip as e:
            res = {"title": name, "status": "skipped", "reason": str(e)}
            print(f"[eval] {name}: skipped ({e})")
        except Exception as e:  # a failing scorer is reported, not fatal
            res = {"title": name, "status": "failed", "reason": f"{type(e).__name__}: {e}",
                   "trace": traceback.format_exc()}
            print(f"[eval] {name}: FAILED\n{res['trace']}", file=sys.stderr)
        res["name"], res["seconds"] = name, time.time() - t
        results.append(res)
    total = time.time() - t0

    # Compact console table.
    w = 62
    print(f"\n{'analyzer':<16} {'metric':<{w}} {'value':>9} {'n':>8}")
    print("-" * (16 + w + 20))
    for r in results:
        if r["status"] != "ok":
            print(f"{r['name']:<16} {r['status'].upper() + ': ' + r['reason']}")
            continue
        for row in r["rows"]:
            print(f"{r['name']:<16} {row['metric'][:w]:<{w}} {fmt(row['value']):>9} {fmt(row['n']):>8}")
    for r in results:
        for t in r.get("tables", []) if r["status"] == "ok" else []:
            print(f"\n{r['name']}: {t['caption'].split('. ')[0]}")
            cols = [t["header"]] + t["rows"]
            widths = [max(len(str(row[i])) for row in cols) for i in range(len(t["header"]))]
            for row in cols:
                print("  ".join(str(c).ljust(wd) if a == "l" else str(c).rjust(wd)
                                for c, wd, a in zip(row, widths, t["align"])))
    print(f"\ntotal {total:.1f} s")

    repo = os.path.abspath(os.path.join(HERE, "..", ".."))
    cmd = " ".join(["python3", "tests/eval/run_all.py", "--newsar", args.newsar, "--data", args.data,
                    "--out", args.out])
    md = [
        "# NEWSAR evaluation",
        "",
        "Each analyzer of NEWSAR scored on real, externally written data (`../shared/data`, see its "
        "README for sources and licences), through the public line-oriented CLI contract "
        "(`newsar analyze --jsonl`, one call per dataset). The harness trains and tunes "
        "nothing; what each analyzer is made of is quoted from the briefs' own `provenance` under "
        "each table. Where a peer system runs side by side (NER: compromise, wink-nlp; "
        "extraction: Readability.js; sentiment: VADER; keyphrases: YAKE), it gets the identical "
        "inputs in the same run and goes through the same scoring code. Scorers live in "
        "`tests/eval/`; each module's docstring states the data, the metric and the convention. "
        "This file is generated: do not edit by hand.",
        "",
        f"- Command: `{cmd}` (or `make eval`)",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC; {version}; commit {git_state(repo)}",
        f"- Runtime: {total:.0f} s in total",
        "",
    ]
    for r in results:
        md.append(f"## {r.get('title', r['name'])} (`tests/eval/{r['name']}.py`)")
        md.append("")
        if r["status"] != "ok":
            md += [f"**{r['status'].upper()}**: {r['reason']}", ""]
            continue
        md += [f"Data: {r['dataset']}. Runtime {r['seconds']:.1f} s.", "",
               "| metric | value | n |", "|---|---:|---:|"]
        md += [f"| {row['metric']} | {fmt(row['value'])} | {fmt(row['n'])} |" for row in r["rows"]]
        md += [""]
        for t in r.get("tables", []):
            md += [t["caption"], "", "| " + " | ".join(t["header"]) + " |",
                   "|" + "|".join("---:" if a == "r" else "---" for a in t["align"]) + "|"]
            md += ["| " + " | ".join(str(c) for c in row) + " |" for row in t["rows"]]
            md += [""]
        if r.get("made_of"):
            md += [f"Analyzer (brief.provenance): {r['made_of']}", ""]
        md += [f"Scored: {r['method']}", ""]
        if r["notes"]:
            md += ["Notes:", ""] + [f"- {n}" for n in r["notes"]] + [""]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(md).rstrip() + "\n")
    print(f"wrote {args.out}")
    return 1 if any(r["status"] == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
