#!/usr/bin/env python3
"""Builds data/outlets/leans.tsv from Robertson et al. (2018) audience-based partisan bias scores.

Usage: python3 data/build/outlet_leans.py ../shared/data/outlets/domains.tsv data/outlets/leans.tsv

Keeps every domain that has a `bias_score` (−1 left … +1 right, from the sharing behaviour of
registered Democrats and Republicans on Twitter) and is flagged as news by any of the dataset's
news lists. Output: `domain <TAB> score` rounded to 3 decimals, sorted by domain.
Citation: Robertson, R. E., et al. (2018). Auditing Partisan Audience Bias within Google Search.
Proc. ACM Hum.-Comput. Interact. 2, CSCW, Article 148. DOI 10.1145/3274417. Research use only.
"""
import csv
import sys

NEWS_FLAGS = ["news_fakenews_proj", "news_googlenews", "news_manual", "news_tvnews_data",
              "news_bakshy", "news_yin", "news_n", "news_is_news"]

def main():
    src, out = sys.argv[1], sys.argv[2]
    rows = {}
    with open(src, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if not r["bias_score"]:
                continue
            if not any(r[k] not in ("", "0.0", "0") for k in NEWS_FLAGS):
                continue
            rows[r["domain"].strip().lower()] = round(float(r["bias_score"]), 3)
    with open(out, "w", encoding="utf-8") as f:
        for d in sorted(rows):
            f.write(f"{d}\t{rows[d]}\n")

if __name__ == "__main__":
    main()
