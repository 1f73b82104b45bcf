#!/usr/bin/env python3
"""Builds the entity lexicons compiled into NEWSAR from the CoNLL-2003 English training set.

Usage: python3 data/build/conll_lexicons.py ../shared/data/conll2003/eng.train data/entities data/lexicons

Writes (deterministic: sorted, no randomness):
  names.tsv  entity string <TAB> majority type (PER/ORG/LOC/MISC) <TAB> count   (strings seen >= 1)
  words.tsv  capitalized word <TAB> PER ORG LOC MISC O counts                  (words seen >= 2)
  common_words.tsv (third argument) lowercase word <TAB> N/M/V/F word class  (words seen >= 2)
  participles.txt (third argument) the M-class words tagged VBN/VBG more often than JJ*
                   ("reduced", "planned"): verb forms, not adjectives, for keyphrase grammar
Only eng.train is read; eng.testa/testb are never touched.
"""
import collections
import sys


def sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("-DOCSTART-"):
                if sent:
                    yield sent
                sent = []
                continue
            parts = line.split(" ")
            sent.append((parts[0], parts[-1]))
    if sent:
        yield sent


def spans(sent):
    cur, cur_type = [], None
    for tok, tag in sent:
        if tag == "O":
            if cur:
                yield cur, cur_type
            cur, cur_type = [], None
            continue
        prefix, typ = tag.split("-", 1)
        if cur and (typ != cur_type or prefix == "B"):
            yield cur, cur_type
            cur = []
        cur.append(tok)
        cur_type = typ
    if cur:
        yield cur, cur_type


def main():
    src, out = sys.argv[1], sys.argv[2]
    names = collections.defaultdict(collections.Counter)
    words = collections.defaultdict(collections.Counter)
    for sent in sentences(src):
        for toks, typ in spans(sent):
            names[" ".join(toks)][typ] += 1
        for i, (tok, tag) in enumerate(sent):
            if tok[:1].isupper() and i > 0:  # sentence-initial capitals say nothing
                words[tok][tag.split("-")[-1]] += 1
    with open(f"{out}/names.tsv", "w", encoding="utf-8") as f:
        for name in sorted(names):
            typ, n = sorted(names[name].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if any(c.isalpha() for c in name):
                f.write(f"{name}\t{typ}\t{sum(names[name].values())}\n")
    with open(f"{out}/words.tsv", "w", encoding="utf-8") as f:
        for w in sorted(words):
            c = words[w]
            if sum(c.values()) >= 2:
                f.write(w + "\t" + " ".join(str(c[t]) for t in ("PER", "ORG", "LOC", "MISC", "O")) + "\n")


if __name__ == "__main__":
    main()


def word_classes(src, out):
    """common_words.tsv: lowercase word <TAB> class, for words seen lowercase at least twice.

    class: N noun-like (NN*, CD, FW), M modifier (JJ*, VBN, VBG), V verb/adverb (VB, VBD, VBP,
    VBZ, MD, RB*), F function word (everything else). The majority POS tag decides.
    """
    counts = collections.defaultdict(collections.Counter)
    with open(src, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 4 or parts[0] == "-DOCSTART-":
                continue
            tok, pos = parts[0], parts[1]
            if tok.islower() and any(c.isalpha() for c in tok):
                counts[tok][pos] += 1

    def cls(pos):
        if pos.startswith("NN") or pos in ("CD", "FW"):
            return "N"
        if pos.startswith("JJ") or pos in ("VBN", "VBG"):
            return "M"
        if pos.startswith("VB") or pos == "MD" or pos.startswith("RB"):
            return "V"
        return "F"

    participles = []
    with open(f"{out}/common_words.tsv", "w", encoding="utf-8") as f:
        for w in sorted(counts):
            c = counts[w]
            if sum(c.values()) < 2:
                continue
            by_class = collections.Counter()
            for pos, n in c.items():
                by_class[cls(pos)] += n
            best = sorted(by_class.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            f.write(f"{w}\t{best}\n")
            verb_form = sum(n for pos, n in c.items() if pos in ("VBN", "VBG"))
            adjective = sum(n for pos, n in c.items() if pos.startswith("JJ"))
            if best == "M" and verb_form > adjective:
                participles.append(w)
    with open(f"{out}/participles.txt", "w", encoding="utf-8") as f:
        f.write("".join(f"{w}\n" for w in participles))


if __name__ == "__main__" and len(sys.argv) > 3:
    word_classes(sys.argv[1], sys.argv[3])
