"""Experiment helper, not part of the product: writes the data file minilm_attribution.py reads —
one JSON line per labeled dev sentence with its set, gid, text, the gold speaker span and the
span NEWSAR's rules give — from the attribution gold sets, the NewsMTSC data and a NEWSAR binary.
The held-out TEST and TEST2 sets are exported only with --with-test, for scoring a model trained
without them (minilm_attribution.py must then be told to hold them out). The output holds
licensed sentence text: keep it out of the repository.

Run from the repository root:
    python tests/eval/experiments/export_attribution_data.py target/release/newsar ../shared/data OUT.jsonl [--with-test]
Sets are named DEV, DEV2 … DEV7 (rule-writing dev sets), S8 … S33 (the gold files
attribution_gold_dev8.jsonl … _dev33.jsonl) and DUC1 … DUC24 (the DUC-2001 gold files; DUC9 on are
the held-out DUC sets, so a model trained on them must be evaluated elsewhere)."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import attribution as A  # noqa: E402
import common  # noqa: E402


def main():
    newsar, data_dir, out_path = sys.argv[1:4]
    with_test = sys.argv[4:] == ["--with-test"]
    if sys.argv[4:] and not with_test:
        raise SystemExit(f"unknown option(s): {' '.join(sys.argv[4:])}")
    sets = [("TEST", A.GOLD_TEST), ("TEST2", A.GOLD_TEST2)] if with_test else []
    sets += [("DEV", A.GOLD), ("DEV2", A.GOLD_DEV2)]
    sets += [(f"DEV{k}", getattr(A, f"GOLD_DEV{k}")) for k in range(3, 8)]
    sets += [(f"S{k}", path) for k, path in A.GOLD_LATER]
    sets += [(f"DUC{k}", path) for k, path in A.GOLD_DUC if os.path.exists(path)]
    with open(out_path, "w", encoding="utf-8") as out:
        for name, path in sets:
            gold_all = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
            data = A.load_data(data_dir, sorted({g["file"] for g in gold_all}))
            gold, drift = A.check_gold(gold_all, data)
            if drift:
                raise SystemExit(f"{path}: {len(drift)} record(s) drifted from the data")
            items = [{"id": f"a{i}", "text": g["sentence"]} for i, g in enumerate(gold)]
            outputs, _ = common.analyze(newsar, items)
            counters = dict.fromkeys(["error", "no_claim", "claim_no_attr", "multi_attr",
                                      "whitespace_mapped", "searched", "unmapped",
                                      "tweet_deferred"], 0)
            for g, o in zip(gold, outputs):
                s = g["sentence"]
                p = A.predicted(o, s, counters)
                gs = list(A.trim(s, g["speaker"]["start"], g["speaker"]["end"])) \
                    if g["speaker"] else None
                out.write(json.dumps({"set": name, "gid": g["gid"], "text": s, "gold": gs,
                                      "rules": [p[0], p[1]] if p else None}) + "\n")
            print(name, len(gold))


if __name__ == "__main__":
    main()
