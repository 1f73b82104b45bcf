"""The sentences of the DUC-2001 news documents (../shared/data/keyphrase/DUC2001), cut the same
way every time, for attribution gold sets labeled on text other than NewsMTSC.

A sentence's reference is "<DOCNO>#<k>" (k counts from 0 over the document's kept sentences).
The cut, fixed before any labeling:
- the text between <TEXT> and </TEXT> (every such block, in order), tags removed;
- TREC's `` and '' quotes become “ and ” (web pages use real quotes; NEWSAR reads those), and
  all whitespace runs become one space;
- a sentence ends at . ! or ? (and any closing quotes or brackets after it) followed by a space
  and an opening quote, bracket, capital letter or digit, unless the word before the stop is a
  known abbreviation or a single capital letter (an initial);
- sentences of fewer than 6 or more than 80 words are left out.
Deterministic: the same files give the same references and sentences.
"""
import os
import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "rep", "reps", "sen", "sens", "gov", "gen", "lt", "col", "sgt",
    "capt", "adm", "rev", "st", "jr", "sr", "inc", "co", "corp", "ltd", "bros", "no", "vs", "etc",
    "jan", "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "u.n", "d.c", "calif", "pa", "kan",
    "mass", "n.y", "fla", "ill", "tex", "va", "wash", "ariz", "colo", "conn", "del", "ga", "ind",
    "ky", "la", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "tenn",
    "vt", "wis", "wyo", "ala", "ark", "n.j", "n.h", "n.m", "n.c", "s.c", "n.d", "s.d", "r.i",
    "w.va", "mt", "ft", "messrs", "prof", "sup", "e.g", "i.e", "approx", "est", "dept", "univ",
}
STOP = re.compile(r"[.!?][\"”’')\]]*\s+(?=[“\"‘'(\[A-Z0-9])")


def document_text(raw):
    blocks = re.findall(r"<TEXT>(.*?)</TEXT>", raw, flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", b) for b in blocks)
    text = text.replace("``", "“").replace("''", "”")
    return re.sub(r"\s+", " ", text).strip()


def split(text):
    out, start = [], 0
    for m in STOP.finditer(text):
        before = text[start:m.start()].split()
        word = before[-1].lower().strip("(\"“‘'") if before else ""
        if word in ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def add_sentences(out, ref, texts):
    """Adds the sentences of 6 to 80 words of `texts`, each split, to `out` as "<ref>#<k>"."""
    k = 0
    for text in texts:
        for s in split(text):
            if 6 <= len(s.split()) <= 80:
                out[f"{ref}#{k}"] = s
                k += 1


def duc_sentences(data_dir):
    """{"<DOCNO>#<k>": sentence} over every document, in file-name order."""
    folder = os.path.join(data_dir, "keyphrase", "DUC2001")
    out = {}
    for name in sorted(os.listdir(folder)):
        if name == "annotations.txt":
            continue
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            raw = f.read()
        add_sentences(out, name, [document_text(raw)])
    return out


if __name__ == "__main__":
    import sys
    sents = duc_sentences(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    print(len(sents), "sentences")
