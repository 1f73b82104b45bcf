"""PyPI peers for tests/eval/sentiment.py and keyphrases.py, run under the venv target/eval-venv
(which tests/eval/common.py creates and fills with the pinned packages).

    python py_peers.py <vader|yake> <in.jsonl> <out.jsonl>

in.jsonl: {"id", "text"} per line, identical to the `newsar analyze --jsonl` input. out.jsonl: per
input line, in order,
    vader: {"id", "compound", "pos", "neu", "neg"}  SentimentIntensityAnalyzer().polarity_scores
    yake:  {"id", "keywords": [[phrase, score], ...]}  KeywordExtractor(lan="en", n=3, top=10),
           everything else at YAKE's defaults; best (lowest score) first, as YAKE returns them
and a last line {"summary": {"task", "versions", "seconds"}} with the time spent in the peer
itself (excluding interpreter start-up, import and I/O).
"""

import importlib.metadata
import json
import sys
import time


def main():
    task, in_path, out_path = sys.argv[1:4]
    with open(in_path, encoding="utf-8") as f:
        items = [json.loads(l) for l in f if l.strip()]
    if task == "vader":
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        analyzer = SentimentIntensityAnalyzer()
        versions = {"vaderSentiment": importlib.metadata.version("vaderSentiment")}

        def one(text):
            s = analyzer.polarity_scores(text)
            return {"compound": s["compound"], "pos": s["pos"], "neu": s["neu"], "neg": s["neg"]}
    elif task == "yake":
        import yake
        extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
        versions = {"yake": importlib.metadata.version("yake")}

        def one(text):
            return {"keywords": [[k, s] for k, s in extractor.extract_keywords(text)]}
    else:
        sys.exit(f"unknown task {task}: expected vader or yake")
    out, t = [], time.perf_counter()
    for it in items:
        out.append({"id": it["id"], **one(it["text"])})
    secs = time.perf_counter() - t
    out.append({"summary": {"task": task, "versions": versions, "seconds": secs}})
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))


if __name__ == "__main__":
    main()
