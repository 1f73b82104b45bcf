"""Named entities on CoNLL-2003 English dev (eng.testa; eng.testb is never read).

Each -DOCSTART- document is one "text" input: one sentence per line, tokens joined by single
spaces, so the CLI's line rule keeps every CoNLL sentence a sentence. Every mention in
brief.entities[*].mentions is mapped back to the gold tokens by character offsets (UTF-16 →
Python indices; a token belongs to a mention when its span lies inside the mention's span) and
typed person→PER, organization→ORG, location→LOC, misc/event→MISC. Tags are IOB1 like the gold:
I-X inside, B-X only for a mention that starts right after another mention of the same type.
Overlapping mentions: the earlier (then longer) one wins. `token gold pred` lines go to the
official conlleval.pl; its overall and per-type precision/recall/F1 are reported (exact phrase
match), with n = gold phrases.
"""

import os
import re
import subprocess
import tempfile

import common

TYPES = {"person": "PER", "organization": "ORG", "location": "LOC", "misc": "MISC", "event": "MISC"}


def read_docs(path):
    """[[sentence, ...], ...] with sentence = [(token, gold_tag), ...]."""
    docs, sent = [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts:
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        if parts[0] == "-DOCSTART-":
            docs.append([])
            continue
        if not docs:
            docs.append([])
        sent.append((parts[0], parts[-1]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def tag_document(doc, brief, stats):
    """Predicted IOB1 tags for a document (list of lists, like doc)."""
    tokens = [tok for sent in doc for tok, _ in sent]
    n = len(tokens)
    if "error" in brief:
        return [["O"] * len(s) for s in doc]
    text = brief["article"]["text"]
    # Locate each token in the brief's text in order (robust to whitespace normalization).
    spans, cur = [], 0
    for tok in tokens:
        i = text.find(tok, cur)
        if i < 0:
            spans.append(None)
            stats["unaligned_tokens"] += 1
        else:
            spans.append((i, i + len(tok)))
            cur = i + len(tok)
    table = common.py_offsets(text)
    mentions = []
    for ent in brief["entities"]:
        label = TYPES.get(ent["type"])
        if label is None:
            stats["unknown_types"].add(ent["type"])
            continue
        for m in ent["mentions"]:
            s, e = common.span(table, m["start"], m["end"])
            mentions.append((s, -(e - s), e, label))
    mentions.sort()
    owner = [None] * n  # (mention index, label)
    for k, (s, _, e, label) in enumerate(mentions):
        inside = [i for i, sp in enumerate(spans) if sp and sp[0] >= s and sp[1] <= e]
        partial = any(sp and sp[0] < e and sp[1] > s and not (sp[0] >= s and sp[1] <= e)
                      for sp in spans)
        if partial:
            stats["partial_mentions"] += 1
            if len(stats["examples"]) < 4:
                stats["examples"].append(repr(text[max(0, s - 8):s] + "[" + text[s:e] + "]"
                                              + text[e:e + 8]))
        if not inside:
            stats["mentions_without_tokens"] += 1
            continue
        if any(owner[i] is not None for i in inside):
            stats["overlapping_mentions"] += 1
            continue
        for i in inside:
            owner[i] = (k, label)
    flat = []
    for i in range(n):
        if owner[i] is None:
            flat.append("O")
            continue
        k, label = owner[i]
        prev = owner[i - 1] if i > 0 else None
        b = prev is not None and prev[0] != k and prev[1] == label
        flat.append(("B-" if b else "I-") + label)
    out, pos = [], 0
    for sent in doc:
        out.append(flat[pos:pos + len(sent)])
        pos += len(sent)
    return out


def run(newsar, data_dir):
    path = common.need(os.path.join(data_dir, "conll2003", "eng.testa"))
    conlleval = common.need(os.path.join(data_dir, "conll2003", "conlleval.pl"))
    docs = read_docs(path)
    items = [{"id": f"testa-{i}", "text": "\n".join(" ".join(t for t, _ in s) for s in d)}
             for i, d in enumerate(docs)]
    outputs, stderr = common.analyze(newsar, items)
    stats = {"unaligned_tokens": 0, "partial_mentions": 0, "mentions_without_tokens": 0,
             "overlapping_mentions": 0, "unknown_types": set(), "examples": []}
    lines, gold_counts = [], {}
    for doc, brief in zip(docs, outputs):
        for sent, pred in zip(doc, tag_document(doc, brief, stats)):
            prev = "O"
            for (tok, gold), p in zip(sent, pred):
                lines.append(f"{tok} {gold} {p}")
                if gold != "O" and (gold.startswith("B-") or prev[2:] != gold[2:]):
                    gold_counts[gold[2:]] = gold_counts.get(gold[2:], 0) + 1
                prev = gold
            lines.append("")
    with tempfile.NamedTemporaryFile("w", suffix=".conll", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        tmp = f.name
    try:
        with open(tmp, "rb") as f:
            report = subprocess.run(["perl", conlleval], stdin=f, capture_output=True,
                                    check=True).stdout.decode()
    finally:
        os.unlink(tmp)

    rows = []
    overall = re.search(r"precision:\s*([\d.]+)%; recall:\s*([\d.]+)%; FB1:\s*([\d.]+)", report)
    total_gold = sum(gold_counts.values())
    per_type = {m.group(1): m.groups()[1:] for m in re.finditer(
        r"^\s*(\w+): precision:\s*([\d.]+)%; recall:\s*([\d.]+)%; FB1:\s*([\d.]+)", report, re.M)}
    for label in ("PER", "ORG", "LOC", "MISC"):
        p, r, f = per_type.get(label, ("0", "0", "0"))
        rows += [(f"{label} precision", float(p) / 100, gold_counts.get(label, 0)),
                 (f"{label} recall", float(r) / 100, gold_counts.get(label, 0)),
                 (f"{label} F1", float(f) / 100, gold_counts.get(label, 0))]
    rows += [("overall precision", float(overall.group(1)) / 100, total_gold),
             ("overall recall", float(overall.group(2)) / 100, total_gold),
             ("overall F1", float(overall.group(3)) / 100, total_gold)]
    notes = common.error_notes(outputs, stderr)
    notes.append("conlleval: " + report.splitlines()[0].strip() + " " + report.splitlines()[1].strip())
    if stats["partial_mentions"]:
        notes.append(f"{stats['partial_mentions']} mention(s) end or start inside a token, so the cut "
                     f"token is tagged O ({stats['mentions_without_tokens']} of them cover no whole "
                     f"token), e.g. {', '.join(stats['examples'])}")
    if stats["overlapping_mentions"]:
        notes.append(f"{stats['overlapping_mentions']} mention(s) overlap an earlier one (dropped)")
    if stats["unaligned_tokens"]:
        notes.append(f"{stats['unaligned_tokens']} gold token(s) not found in article.text")
    if stats["unknown_types"]:
        notes.append(f"entity types not mapped (ignored): {sorted(stats['unknown_types'])}")
    method = (f"{len(docs)} documents, {sum(len(d) for d in docs)} sentences, one text input per "
              "document (a sentence per line); mentions mapped to tokens by offsets, IOB1, scored "
              "by conlleval.pl (exact phrase match); n = gold phrases. Partially covered tokens "
              "count as outside the mention.")
    return common.result("Named entities", "CoNLL-2003 eng.testa (dev)", rows, method, notes,
                         common.provenance(outputs, "entities"))
