// Peer NER systems for tests/eval/ner.py: runs ONE peer over the exact texts NEWSAR was sent.
//
//   node ner_peers.mjs <compromise|wink-nlp> <in.jsonl> <out.jsonl>
//
// in.jsonl: {"id", "text"} per line (written by ner.py, identical to the `newsar analyze --jsonl`
// input). out.jsonl: per input line, in order,
//   {"id", "entities": [{"start", "end", "type", "raw"}], "unmapped": {RAW_TYPE: count},
//    "offset_mismatches": n}
// with start/end half-open offsets into `text` in JS string (UTF-16 code unit) indices, like
// NEWSAR's, and type one of PER/ORG/LOC/MISC. A last line {"summary": {...}} gives the time spent
// tagging inside this process (ms, excluding Node start-up, module/model load and I/O) and the
// package versions. One process per peer, so ner.py can time each peer's whole run.
//
// Mappings (stated in EVALUATION.md by ner.py):
//   compromise: people() -> PER, organizations() -> ORG, places() -> LOC (no MISC method).
//     Spans come from the matches' term-level offsets (see below).
//   wink-nlp (wink-eng-lite-web-model): the lite model detects only CARDINAL, DATE, DURATION,
//     EMAIL, EMOJI, EMOTICON, HASHTAG, MENTION, MONEY, ORDINAL, PERCENT, TIME, URL; none of them
//     is a CoNLL type, so nothing maps and every wink-nlp entity is counted in "unmapped".

import { readFileSync, writeFileSync } from 'node:fs';

const [system, inPath, outPath] = process.argv.slice(2);
if (!system || !inPath || !outPath) {
  console.error('usage: node ner_peers.mjs <compromise|wink-nlp> <in.jsonl> <out.jsonl>');
  process.exit(2);
}
// Installed versions, read from node_modules next to this script (package.json is not exported).
const version = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

const docs = readFileSync(inPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

let tagger;
let versions;
if (system === 'compromise') {
  const nlp = (await import('compromise')).default;
  versions = { compromise: version('compromise') };
  const METHODS = [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']];
  tagger = (text) => {
    const doc = nlp(text);
    const entities = [];
    let mismatches = 0;
    for (const [method, type] of METHODS) {
      for (const m of doc[method]().json({ offset: true, terms: { offset: true } })) {
        // The match-level offset is not usable as is: its `start` skips leading punctuation
        // (`"`, `--`, `(`) but its `length` counts it, so the span runs past the match. The
        // term-level offsets are exact, so the span is first term start .. last term end.
        const terms = m.terms.filter((t) => t.offset);
        if (!terms.length) { mismatches += 1; continue; }
        const start = terms[0].offset.start;
        const last = terms[terms.length - 1].offset;
        const end = last.start + last.length;
        // Check each term's offsets cover that term's own text (JS string indices into `text`).
        if (terms.some((t) => text.slice(t.offset.start, t.offset.start + t.offset.length) !== t.text)) mismatches += 1;
        entities.push({ start, end, type, raw: method });
      }
    }
    return { entities, unmapped: {}, offset_mismatches: mismatches };
  };
} else if (system === 'wink-nlp') {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  versions = { 'wink-nlp': version('wink-nlp'), 'wink-eng-lite-web-model': version('wink-eng-lite-web-model') };
  const nlp = winkNLP(model);
  const its = nlp.its;
  const MAP = {}; // lite-model entity type -> CoNLL type: none exists (see header)
  tagger = (text) => {
    const doc = nlp.readDoc(text);
    // wink-nlp gives entity spans as token indices; token character offsets are recovered by
    // locating each token's value in `text` in order (tokens are verbatim substrings).
    const values = doc.tokens().out(its.value);
    const offs = [];
    let cur = 0;
    let mismatches = 0;
    for (const v of values) {
      const i = text.indexOf(v, cur);
      if (i < 0) {
        mismatches += 1;
        offs.push([cur, cur]);
      } else {
        offs.push([i, i + v.length]);
        cur = i + v.length;
      }
    }
    const types = doc.entities().out(its.type);
    const spans = doc.entities().out(its.span);
    const entities = [];
    const unmapped = {};
    types.forEach((raw, k) => {
      const type = MAP[raw];
      if (!type) {
        unmapped[raw] = (unmapped[raw] || 0) + 1;
        return;
      }
      const [a, b] = spans[k];
      entities.push({ start: offs[a][0], end: offs[b][1], type, raw });
    });
    return { entities, unmapped, offset_mismatches: mismatches };
  };
} else {
  console.error(`unknown peer ${system}: expected compromise or wink-nlp`);
  process.exit(2);
}

const out = [];
const t0 = process.hrtime.bigint();
for (const d of docs) out.push({ id: d.id, ...tagger(d.text) });
const taggingMs = Number(process.hrtime.bigint() - t0) / 1e6;
const lines = out.map((o) => JSON.stringify(o));
lines.push(JSON.stringify({ summary: { system, versions, tagging_ms: taggingMs, documents: docs.length } }));
writeFileSync(outPath, lines.join('\n') + '\n');
