// Readability.js as an extraction peer for tests/eval/extraction.py: runs @mozilla/readability
// over the exact HTML NEWSAR was sent, the way Readability's own test harness does.
//
//   node readability_peer.mjs <in.jsonl> <out.jsonl>
//
// in.jsonl: {"id", "html"} per line (written by extraction.py, identical to the
// `newsar analyze --jsonl` input). out.jsonl: per input line, in order,
//   {"id", "text", "content", "title", "byline", "siteName", "publishedTime", "lang", "dir",
//    "parse_ms", "extract_ms"}
// or {"id", "error", "parse_ms", "extract_ms"} when Readability finds no article (parse() returns
// null) or throws. text = Readability's `textContent` (its plain-text output), content = its
// article HTML. parse_ms = building the DOM with jsdom (`new JSDOM(html, {url})` plus the
// harness's comment removal), extract_ms = `new Readability(doc, options).parse()`, both measured
// inside this process with process.hrtime (no Node start-up, module load or JSONL I/O). A last
// line {"summary": {...}} gives the package versions and the number of jsdom console messages
// (CSS it could not parse and the like; they are swallowed, not printed).
//
// As Readability's test/test-readability.js does for its jsdom run: the page URL is
// http://fakehost/test/page.html, comment nodes are removed before parsing, and the options are
// { classesToPreserve: ["caption"] } (only affects class attributes kept in `content`).
// jsdom (not linkedom): Readability's test suite checks every test page under jsdom (and its own
// JSDOMParser); jsdom is pinned at the version Readability's package.json uses for that (20.0.2).

import { readFileSync, writeFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [inPath, outPath] = process.argv.slice(2);
if (!inPath || !outPath) {
  console.error('usage: node readability_peer.mjs <in.jsonl> <out.jsonl>');
  process.exit(2);
}
const version = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

const URL_ = 'http://fakehost/test/page.html';
const OPTIONS = { classesToPreserve: ['caption'] };

function removeCommentNodesRecursively(node) {
  for (let i = node.childNodes.length - 1; i >= 0; i--) {
    const child = node.childNodes[i];
    if (child.nodeType === child.COMMENT_NODE) node.removeChild(child);
    else if (child.nodeType === child.ELEMENT_NODE) removeCommentNodesRecursively(child);
  }
}

let consoleMessages = 0;
const virtualConsole = new VirtualConsole();
for (const ev of ['error', 'warn', 'info', 'log', 'jsdomError']) virtualConsole.on(ev, () => { consoleMessages += 1; });

const ms = (a, b) => Number(b - a) / 1e6;
const docs = readFileSync(inPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const out = [];
for (const d of docs) {
  const t0 = process.hrtime.bigint();
  let t1 = t0;
  let dom = null;
  try {
    dom = new JSDOM(d.html, { url: URL_, virtualConsole });
    const doc = dom.window.document;
    removeCommentNodesRecursively(doc);
    t1 = process.hrtime.bigint();
    const r = new Readability(doc, OPTIONS).parse();
    const t2 = process.hrtime.bigint();
    const timing = { parse_ms: ms(t0, t1), extract_ms: ms(t1, t2) };
    if (!r) {
      out.push({ id: d.id, error: 'Readability found no article (parse() returned null)', ...timing });
    } else {
      out.push({
        id: d.id, text: r.textContent ?? '', content: r.content ?? '', title: r.title ?? null,
        byline: r.byline ?? null, siteName: r.siteName ?? null,
        publishedTime: r.publishedTime ?? null, lang: r.lang ?? null, dir: r.dir ?? null, ...timing,
      });
    }
  } catch (e) {
    const t2 = process.hrtime.bigint();
    const parsed = t1 !== t0; // the error came from Readability, not from building the DOM
    out.push({ id: d.id, error: `${e?.name ?? 'Error'}: ${String(e?.message ?? e).slice(0, 200)}`,
      parse_ms: ms(t0, parsed ? t1 : t2), extract_ms: parsed ? ms(t1, t2) : 0 });
  } finally {
    if (dom) dom.window.close();
  }
}
const lines = out.map((o) => JSON.stringify(o));
lines.push(JSON.stringify({ summary: {
  versions: { '@mozilla/readability': version('@mozilla/readability'), jsdom: version('jsdom') },
  documents: docs.length, jsdom_console_messages: consoleMessages, url: URL_, options: OPTIONS,
} }));
writeFileSync(outPath, lines.join('\n') + '\n');
