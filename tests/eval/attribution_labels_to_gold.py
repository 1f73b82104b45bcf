"""Turns an annotator's labels into a gold file for tests/eval/attribution.py.

Input: the sentences file given to the annotator ({"gid", "sentence"} per line) and their labels
({"gid", "speaker": exact substring or null, "occurrence": 1-based, "anonymous", "note"} per line,
same order). Output: gold lines {"file", "gid", "speaker": {"start", "end"} | null,
"speaker_text_sha1", "anonymous", "note"} with code point offsets, as the scorer reads them.
Only offsets and SHA-1 are computed here; every decision is the annotator's. Refuses labels that
do not line up with the sentences or whose span is not in the sentence.

    python3 tests/eval/attribution_labels_to_gold.py FILE SENTENCES LABELS OUT
    (FILE: the data file the gids refer to, e.g. DUC2001)
"""
import hashlib
import json
import sys


def convert(file_name, sentences_path, labels_path, out_path):
    sentences = [json.loads(l) for l in open(sentences_path, encoding="utf-8") if l.strip()]
    labels = [json.loads(l) for l in open(labels_path, encoding="utf-8") if l.strip()]
    if [s["gid"] for s in sentences] != [l["gid"] for l in labels]:
        raise SystemExit("labels do not line up with the sentences (count or order of gids)")
    out = []
    for s, l in zip(sentences, labels):
        text, speaker = s["sentence"], l.get("speaker")
        gold = {"file": file_name, "gid": s["gid"], "speaker": None, "speaker_text_sha1": None,
                "anonymous": False, "note": l.get("note", "")}
        if speaker:
            at, n = -1, int(l.get("occurrence") or 1)
            for _ in range(n):
                at = text.find(speaker, at + 1)
                if at < 0:
                    raise SystemExit(f"{s['gid']}: occurrence {n} of {speaker!r} is not in the sentence")
            gold["speaker"] = {"start": at, "end": at + len(speaker)}
            gold["speaker_text_sha1"] = hashlib.sha1(speaker.encode("utf-8")).hexdigest()
            gold["anonymous"] = bool(l.get("anonymous"))
        out.append(gold)
    with open(out_path, "w", encoding="utf-8") as f:
        for g in out:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    gold = convert(*sys.argv[1:5])
    with_speaker = sum(1 for g in gold if g["speaker"])
    print(f"{len(gold)} lines, {with_speaker} with a speaker, "
          f"{sum(1 for g in gold if g['anonymous'])} anonymous")
