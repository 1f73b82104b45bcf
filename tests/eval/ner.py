"""Named entities on CoNLL-2003 English dev (eng.testa; eng.testb is never read), NEWSAR side by
side with two peers, compromise and wink-nlp, all scored the same way in the same run.

Each -DOCSTART- document is one "text" input: one sentence per line, tokens joined by single
spaces, so the CLI's line rule keeps every CoNLL sentence a sentence. The exact texts sent to
`newsar analyze --jsonl` are also written to a temporary JSONL file that tests/eval/peers/
ner_peers.mjs reads, one Node process per peer, so all three systems see identical text.

Every name mention (NEWSAR: brief.entities[*].mentions of kind "name" or "acronym", offsets into
article.text — its "description" mentions, "the company" linked to the entity, are coreference,
not names, and are scored in a column of their own; peers: offsets into
the input text; all UTF-16 code units, converted to Python indices) is mapped back to the gold
tokens by character offsets (a token belongs to a mention when its span lies inside the mention's
span) and typed: NEWSAR person→PER, organization→ORG, location→LOC, misc/event→MISC; compromise
people()→PER, organizations()→ORG, places()→LOC; wink-nlp: nothing maps (see PEER_MAPPING).
Tags are IOB1 like the gold: I-X inside, B-X only for a mention that starts right after another
mention of the same type. Overlapping mentions: the earlier (then longer) one wins. `token gold
pred` lines go to the official conlleval.pl, once per system; its overall and per-type
precision/recall/F1 are reported (exact phrase match), with n = gold phrases.

The peers are npm packages pinned in tests/eval/peers/package.json (+ package-lock.json),
installed with `npm ci` when node_modules lacks them; without node/npm (or if the install or a
peer's run fails) that peer is reported as skipped/failed and NEWSAR is still scored.
Timings are wall-clock for each system's whole call over eng.testa, process start-up included.
"""

import json
import os
import re
import subprocess
import tempfile
import time

import common

TYPES = {"person": "PER", "organization": "ORG", "location": "LOC", "misc": "MISC", "event": "MISC"}
LABELS = ("PER", "ORG", "LOC", "MISC")
PEERS = ("compromise", "wink-nlp")
PEER_MAPPING = {
    "compromise": "people()→PER, organizations()→ORG, places()→LOC; it has no MISC-like method, "
                  "so its MISC recall is zero by construction. Spans are taken from the matches' "
                  "term-level offsets (`.json({offset:true, terms:{offset:true}})`): the "
                  "match-level `offset` of this version skips leading punctuation (`\"`, `--`, "
                  "`(`) in `start` but counts it in `length`, so it overruns the match",
    "wink-nlp": "its English lite model (wink-eng-lite-web-model) only detects CARDINAL, DATE, "
                "DURATION, EMAIL, EMOJI, EMOTICON, HASHTAG, MENTION, MONEY, ORDINAL, PERCENT, TIME "
                "and URL (its README); none is a CoNLL type (CoNLL does not annotate dates or "
                "numbers), so nothing maps and wink-nlp scores zero on every type. Entity spans "
                "(`its.span`, token indices) are turned into character offsets by locating each "
                "token's `its.value` in the text in order",
}


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


def new_stats():
    return {"unaligned_tokens": 0, "partial_mentions": 0, "mentions_without_tokens": 0,
            "overlapping_mentions": 0, "unknown_types": {}, "examples": []}


def tag_document(doc, text, mentions, stats):
    """Predicted IOB1 tags for a document (list of lists, like doc).

    text: the text the offsets refer to (None: the system failed on this document, all O);
    mentions: [(start, end, label)] in UTF-16 code units into text."""
    if text is None:
        return [["O"] * len(s) for s in doc]
    tokens = [tok for sent in doc for tok, _ in sent]
    n = len(tokens)
    # Locate each token in the text in order (robust to whitespace normalization).
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
    py_mentions = []
    for start, end, label in mentions:
        s, e = common.span(table, start, end)
        py_mentions.append((s, -(e - s), e, label))
    py_mentions.sort()
    owner = [None] * n  # (mention index, label)
    for k, (s, _, e, label) in enumerate(py_mentions):
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


def newsar_mentions(brief, stats, named_only=True):
    """(text, [(start, end, label)]) from a NEWSAR brief (text None for an error line).

    CoNLL annotates names, so by default only mentions whose `kind` is "name" or "acronym" are
    scored; "description" mentions ("the company", linked to the entity they refer to) are
    coreference, not names. named_only=False scores every mention (a row of its own)."""
    if "error" in brief:
        return None, []
    mentions = []
    for ent in brief["entities"]:
        label = TYPES.get(ent["type"])
        if label is None:
            stats["unknown_types"][ent["type"]] = stats["unknown_types"].get(ent["type"], 0) + 1
            continue
        mentions += [(m["start"], m["end"], label) for m in ent["mentions"]
                     if not named_only or m.get("kind", "name") != "description"]
    return brief["article"]["text"], mentions


def gold_phrases(docs):
    counts = {}
    for doc in docs:
        for sent in doc:
            prev = "O"
            for _, gold in sent:
                if gold != "O" and (gold.startswith("B-") or prev[2:] != gold[2:]):
                    counts[gold[2:]] = counts.get(gold[2:], 0) + 1
                prev = gold
    return counts


def conlleval(docs, preds, script):
    """Runs conlleval.pl on (gold, pred) for every token. Returns ({label|"overall": (p, r, f)},
    the report's first two lines)."""
    lines = []
    for doc, pdoc in zip(docs, preds):
        for sent, pred in zip(doc, pdoc):
            lines += [f"{tok} {gold} {p}" for (tok, gold), p in zip(sent, pred)]
            lines.append("")
    with tempfile.NamedTemporaryFile("w", suffix=".conll", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        tmp = f.name
    try:
        with open(tmp, "rb") as f:
            report = subprocess.run(["perl", script], stdin=f, capture_output=True,
                                    check=True).stdout.decode()
    finally:
        os.unlink(tmp)
    overall = re.search(r"precision:\s*([\d.]+)%; recall:\s*([\d.]+)%; FB1:\s*([\d.]+)", report)
    scores = {m.group(1): tuple(float(x) / 100 for x in m.groups()[1:]) for m in re.finditer(
        r"^\s*(\w+): precision:\s*([\d.]+)%; recall:\s*([\d.]+)%; FB1:\s*([\d.]+)", report, re.M)}
    scores = {label: scores.get(label, (0.0, 0.0, 0.0)) for label in LABELS}
    scores["overall"] = tuple(float(x) / 100 for x in overall.groups())
    head = " ".join(l.strip() for l in report.splitlines()[:2])
    return scores, head


# --- peers ---------------------------------------------------------------------------------------

def run_peer(name, in_path, items):
    """Runs one peer over in_path. Returns (outputs in input order, summary, wall seconds)."""
    return common.run_jsonl_tool(["node", os.path.join(common.PEERS_DIR, "ner_peers.mjs"), name],
                                 items, name, timeout=900, in_path=in_path)


def stats_notes(system, stats):
    notes = []
    if stats["partial_mentions"]:
        notes.append(f"{system}: {stats['partial_mentions']} mention(s) end or start inside a "
                     f"token, so the cut token is tagged O ({stats['mentions_without_tokens']} of "
                     f"them cover no whole token), e.g. {', '.join(stats['examples'])}")
    if stats["overlapping_mentions"]:
        notes.append(f"{system}: {stats['overlapping_mentions']} mention(s) overlap an earlier "
                     "one (dropped)")
    if stats["unaligned_tokens"]:
        notes.append(f"{system}: {stats['unaligned_tokens']} gold token(s) not found in the text")
    if stats["unknown_types"]:
        shown = ", ".join(f"{k} {v}" for k, v in sorted(stats["unknown_types"].items(),
                                                         key=lambda kv: -kv[1]))
        notes.append(f"{system}: entities of types not mapped to CoNLL (ignored): {shown}")
    return notes


def cell(scores):
    p, r, f = scores
    return f"{f:.3f} ({p:.3f} / {r:.3f})"


def run(newsar, data_dir):
    path = common.need(os.path.join(data_dir, "conll2003", "eng.testa"))
    script = common.need(os.path.join(data_dir, "conll2003", "conlleval.pl"))
    docs = read_docs(path)
    items = [{"id": f"testa-{i}", "text": "\n".join(" ".join(t for t, _ in s) for s in d)}
             for i, d in enumerate(docs)]
    n_tokens = sum(len(s) for d in docs for s in d)
    gold = gold_phrases(docs)
    total_gold = sum(gold.values())

    # NEWSAR: one batched CLI call, timed as a whole.
    t = time.time()
    outputs, stderr = common.analyze(newsar, items)
    secs = {"NEWSAR": time.time() - t}
    stats = {"NEWSAR": new_stats()}
    preds = {"NEWSAR": [tag_document(doc, *newsar_mentions(b, stats["NEWSAR"]), stats["NEWSAR"])
                        for doc, b in zip(docs, outputs)]}
    all_stats = new_stats()
    all_mentions = [tag_document(doc, *newsar_mentions(b, all_stats, named_only=False), all_stats)
                    for doc, b in zip(docs, outputs)]
    status, summaries, offset_mismatches = {}, {}, {}

    # Peers: the same texts, through a JSONL file.
    reason = common.ensure_node_peers("ner")
    fd, in_path = tempfile.mkstemp(suffix=".testa.jsonl")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items))
    try:
        for name in PEERS:
            if reason:
                status[name] = f"skipped: {reason}"
                continue
            try:
                outs, summaries[name], secs[name] = run_peer(name, in_path, items)
            except Exception as e:  # a failing peer is reported, NEWSAR is still scored
                status[name] = f"failed: {type(e).__name__}: {e}"
                continue
            st = stats[name] = new_stats()
            for o in outs:
                for raw, c in o["unmapped"].items():
                    st["unknown_types"][raw] = st["unknown_types"].get(raw, 0) + c
            offset_mismatches[name] = sum(o["offset_mismatches"] for o in outs)
            preds[name] = [tag_document(doc, it["text"],
                                        [(e["start"], e["end"], e["type"]) for e in o["entities"]],
                                        st)
                           for doc, it, o in zip(docs, items, outs)]
    finally:
        os.unlink(in_path)

    scores, heads = {}, {}
    for system, p in preds.items():
        scores[system], heads[system] = conlleval(docs, p, script)
    all_scores, all_head = conlleval(docs, all_mentions, script)

    # NEWSAR's own rows (same layout as every other section).
    rows = []
    for label in LABELS + ("overall",):
        n = gold.get(label, 0) if label != "overall" else total_gold
        p, r, f = scores["NEWSAR"][label]
        rows += [(f"{label} precision", p, n), (f"{label} recall", r, n), (f"{label} F1", f, n)]

    systems = ("NEWSAR",) + PEERS
    side = [[label, f"{(gold.get(label, 0) if label != 'overall' else total_gold):,}"]
            + [cell(scores[s][label]) if s in scores else status[s].split(":")[0]
               for s in systems]
            + [cell(all_scores[label])]
            for label in LABELS + ("overall",)]
    timing = []
    for s in systems:
        if s not in secs:
            timing.append([s, status[s], "", "", ""])
            continue
        inproc = (f"{summaries[s]['tagging_ms'] / 1000:.2f}" if s in summaries else "n/a")
        version = (", ".join(f"{k} {v}" for k, v in summaries[s]["versions"].items())
                   if s in summaries else "this build")
        timing.append([s, f"{secs[s]:.2f}", f"{n_tokens / secs[s]:,.0f}", inproc, version])
    tables = [
        {"caption": "Side by side, same run, same texts, same scoring (conlleval.pl, exact phrase "
                    "match on eng.testa). Cells: F1 (precision / recall).",
         "header": ["type", "gold phrases"] + [s for s in systems]
                   + ["NEWSAR, descriptions too"],
         "align": "lr" + "r" * (len(systems) + 1), "rows": side},
        {"caption": f"Tagging time on eng.testa ({len(docs)} documents, {n_tokens:,} gold tokens). "
                    "Wall-clock time of each system's whole call, INCLUDING process start-up, "
                    "model/module loading and JSONL I/O; tokens/s = gold tokens / that time. "
                    "NEWSAR's time is its one `newsar analyze --jsonl` call, which builds the "
                    "whole brief (extraction, summary, claims, sentiment, keyphrases ...), not "
                    "only entities. The peers run in Node (one process each); their in-process "
                    "tagging time excludes start-up and I/O.",
         "header": ["system", "wall time (s)", "gold tokens/s", "in-process tagging (s)",
                    "version"],
         "align": "lrrrl", "rows": timing},
    ]

    notes = common.error_notes(outputs, stderr)
    notes.append("The NEWSAR tagger is early-stopped on eng.testa (it selects the training epoch "
                 "by dev F1, and nothing else, as issue #4 prescribes), so its testa figures are "
                 "slightly optimistic; the peers were not tuned on eng.testa in any way.")
    notes.append("Type mapping: NEWSAR person→PER, organization→ORG, location→LOC, misc/event→MISC. "
                 "A type a system cannot produce scores zero recall for that type and counts as "
                 "missed in its overall score.")
    for name in PEERS:
        notes.append(f"{name} mapping: {PEER_MAPPING[name]}.")
    notes.append("NEWSAR's scored mentions are its names and acronyms "
                 "(entities[].mentions[].kind \"name\"/\"acronym\"); its definite descriptions "
                 "(\"the company\", kind \"description\", linked to the entity they refer to) are "
                 "not names, which CoNLL annotates, and are scored only in the last column.")
    for system in systems:
        if system in heads:
            notes.append(f"conlleval ({system}): {heads[system]}")
        elif system in status:
            notes.append(f"{system}: {status[system]}")
    notes.append(f"conlleval (NEWSAR, descriptions too): {all_head}")
    for system in systems:
        if system in stats:
            notes += stats_notes(system, stats[system])
        if offset_mismatches.get(system):
            notes.append(f"{system}: {offset_mismatches[system]} entity offset(s) did not cover "
                         "the peer's own text for the match (ner_peers.mjs check)")
    method = (f"{len(docs)} documents, {sum(len(d) for d in docs)} sentences, one text input per "
              "document (a sentence per line); mentions mapped to tokens by offsets, IOB1, scored "
              "by conlleval.pl (exact phrase match); n = gold phrases. Partially covered tokens "
              "count as outside the mention. The peers (tests/eval/peers/ner_peers.mjs) get the "
              "identical texts and go through the same offset→token→IOB1→conlleval.pl path.")
    return common.result("Named entities", "CoNLL-2003 eng.testa (dev)", rows, method, notes,
                         common.provenance(outputs, "entities"), tables)
