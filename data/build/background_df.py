#!/usr/bin/env python3
"""Builds data/lexicons/background_df.tsv: in how many news documents of a background corpus a
word occurs, for the keyphrase ranker's inverse document frequency.

    python3 data/build/background_df.py ../shared/data/conll2003/eng.train \
        data/lexicons/background_df.tsv

Reads ONLY CoNLL-2003 eng.train (Reuters news, 1996-97; never the keyphrase set DUC-2001, nor
eng.testa/testb). Documents are the `-DOCSTART-` sections. A word is the lowercase token of the
first column with at least one letter, folded to its singular the way src/keywords.rs does
(`singular`), so the table's keys are the ranker's keys. Words in fewer than MIN_DF documents are
left out (the ranker reads a missing word as document frequency 0). The first data line,
`__documents__`, gives the number of documents. Deterministic: same input, same output.
"""
import collections
import sys

MIN_DF = 3


def singular(w):
    """src/keywords.rs `singular`: regular English plurals to the singular."""
    n = len(w)
    if n > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if (n > 4 and w.endswith(("sses", "xes", "ches", "shes", "zzes"))) or (n >= 8 and w.endswith("oes")):
        return w[:-2]
    if n > 3 and w.endswith("s") and not w.endswith("ss") and not w.endswith("us"):
        return w[:-1]
    return w


def main(conll, out_path):
    docs, cur = [], set()
    with open(conll, encoding="utf-8", errors="replace") as f:
        for line in f:
            cols = line.split()
            if not cols:
                continue
            if cols[0] == "-DOCSTART-":
                if cur:
                    docs.append(cur)
                cur = set()
                continue
            w = cols[0].lower().replace("\u2019", "'")
            if any(c.isalpha() for c in w):
                cur.add(singular(w))
    if cur:
        docs.append(cur)
    df = collections.Counter()
    for d in docs:
        df.update(d)
    kept = sorted((w, c) for w, c in df.items() if c >= MIN_DF and "\t" not in w)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# Document frequencies of lowercase singular words in CoNLL-2003 eng.train (Reuters),\n")
        f.write(f"# words in >= {MIN_DF} of its documents; built by data/build/background_df.py; "
                "see data/PROVENANCE.md.\n")
        f.write(f"__documents__\t{len(docs)}\n")
        for w, c in kept:
            f.write(f"{w}\t{c}\n")
    print(f"{len(docs)} documents, {len(df)} words, {len(kept)} kept", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
