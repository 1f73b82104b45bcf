// Browser test of the demo page (www/demo/) and the shared brief renderer (www/shared/render.js):
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against the static
// server on 127.0.0.1. Needs `make wasm` first (www/pkg/).
//
//   cd tests/browser && node --test --test-concurrency=1 *.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../www/serve.mjs";
import { CHROMIUM, HEADLESS_ARGS, TONE_LABELS, WAIT } from "./chromium.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const WWW = resolve(HERE, "../../www");
const OUT = resolve(HERE, "out");

let server;
let browser;
let page;
let origin;
const requests = [];
const pageErrors = [];
const consoleErrors = [];

before(async () => {
  assert.ok(existsSync(resolve(WWW, "pkg/newsar.js")), "www/pkg/newsar.js is missing: run `make wasm` first");
  server = await startServer(WWW, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: HEADLESS_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  context.on("request", (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("worker", (w) => w.on("console", (m) => m.type() === "error" && consoleErrors.push(`worker: ${m.text()}`)));
  page.on("pageerror", (e) => pageErrors.push(String(e && e.stack ? e.stack : e)));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(`${origin}/demo/`);
  // The sample runs by itself when the page opens.
  await page.waitForSelector(".nsr-brief", WAIT);
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

// ---------------------------------------------------------------- helpers

const text = (selector) => page.locator(selector).first().innerText();
const count = (selector) => page.locator(selector).count();

/** Runs `action`, then waits until a newly rendered brief (or the error box) appears. */
async function expectNewBrief(action) {
  await page.evaluate(() => {
    const b = document.querySelector(".nsr-brief");
    if (b) b.dataset.testStale = "1";
  });
  await action();
  await page.waitForFunction(
    () => document.querySelector(".nsr-brief:not([data-test-stale])") || !document.getElementById("error").hidden,
    null,
    WAIT,
  );
  const error = await page.evaluate(() => {
    const box = document.getElementById("error");
    return box.hidden ? null : box.innerText;
  });
  assert.equal(error, null, `expected a brief, got the error box: ${error}`);
}

/** Like expectNewBrief, but when `expectBrief` is false waits for the error box instead. */
async function expectNewBriefOrError(action, expectBrief) {
  if (expectBrief) return expectNewBrief(action);
  await action();
  await page.waitForFunction(() => !document.getElementById("error").hidden, null, WAIT);
}

async function stripValue(field) {
  return (await text(`.nsr-strip__item[data-nsr-field="${field}"] .nsr-strip__val`)).trim();
}

const PLAIN_ARTICLE = [
  "The Riverside City Council voted on Tuesday to build 12 kilometres of protected cycle lanes along the harbour front, a project expected to cost 4.5 million euros.",
  "\"This will make the waterfront safer for everyone who walks or cycles there,\" said Amira Haddad, the council's head of transport.",
  "Shop owners on Quay Street said they were worried about losing parking spaces during construction, which is due to start in June.",
  "The Greenway Transport Trust, a local charity, said it welcomed the decision but urged the council to publish a timetable for the work.",
].join("\n\n");

const HTML_FILE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Orchard growers count frost losses | Northfield Courier</title>
<meta property="og:site_name" content="Northfield Courier">
<meta property="og:title" content="Orchard growers count frost losses after late cold snap">
<meta property="article:published_time" content="2026-04-20T07:15:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/farming">Farming</a></nav>
<article>
<h1>Orchard growers count frost losses after late cold snap</h1>
<p class="byline">By Jonas Pike</p>
<p>Apple and pear growers in the Elm Valley lost up to half of their blossom after two nights of frost last week, the Northfield Growers Cooperative said on Monday.</p>
<p>"We have not seen damage like this since 2012," said Ruth Ambler, who chairs the cooperative. "Some farms will have almost nothing to pick in September."</p>
<p>The regional agriculture office said it was assessing whether growers would qualify for emergency support, and expected to publish figures by the end of the month.</p>
<p>Frost fans and sprinkler systems protected some orchards, but many smaller farms cannot afford the equipment, according to the cooperative.</p>
</article>
<footer>Copyright Northfield Courier</footer>
</body></html>`;

// Markup that would run script if any of it reached the DOM as HTML: in the title, metadata,
// attributes, the body, a javascript: URL and a </script> breaking out of JSON-LD.
const HOSTILE_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Port <img src=x onerror="window.__pwned=1"> inquiry <script>window.__pwned=1</script></title>
<meta property="og:title" content='Port &lt;img src=x onerror="window.__pwned=1"&gt; inquiry &lt;script&gt;window.__pwned=1&lt;/script&gt;'>
<meta property="og:site_name" content='Quay &lt;img src=x onerror="window.__pwned=1"&gt; Times'>
<meta property="og:url" content="javascript:window.__pwned=1">
<link rel="canonical" href="javascript:window.__pwned=1">
<meta name="author" content='&lt;script&gt;window.__pwned=1&lt;/script&gt;'>
<meta property="article:section" content='&lt;img src=x onerror="window.__pwned=1"&gt;'>
<meta property="article:published_time" content="2026-02-02T10:00:00Z">
<script type="application/ld+json">
{"@type":"NewsArticle","headline":"Port inquiry </script><script>window.__pwned=1</script>","author":{"@type":"Person","name":"<img src=x onerror=window.__pwned=1>"},"publisher":{"name":"</script><script>window.__pwned=1</script>"}}
</script>
</head><body>
<article>
<h1 onclick="window.__pwned=1">Port <img src=x onerror="window.__pwned=1"> inquiry</h1>
<p>The Harbour Safety Board said on Monday that it would open an inquiry into the collapse of a crane at the eastern container terminal, which injured two workers. <img src=x onerror="window.__pwned=1"></p>
<p>"We will look at every part of the maintenance record," said Tomas Berg, the board's chief inspector. The text &lt;img src=x onerror="window.__pwned=1"&gt; and &lt;script&gt;window.__pwned=1&lt;/script&gt; must stay plain text.</p>
<p>The terminal operator, Eastgate Logistics, said the crane had passed an inspection in November and that it was cooperating fully with the investigators. <a href="javascript:window.__pwned=1" onmouseover="window.__pwned=1">Read the statement</a>.</p>
<p onmouseover="window.__pwned=1">Union representatives said that cranes at the terminal had been running longer shifts since the spring, and called for an independent audit of all heavy lifting equipment at the port.</p>
<script>window.__pwned=1</script>
<iframe src="javascript:window.__pwned=1"></iframe>
<svg><script>window.__pwned=1</script></svg>
</article>
</body></html>`;

/** What the rendered brief must never contain, whatever the input. */
async function assertInert(where) {
  const report = await page.evaluate(() => {
    const root = document.getElementById("brief");
    const bad = root.querySelectorAll("img, script, iframe, object, embed, link, style, meta, base, form");
    const handlers = [];
    const badHrefs = [];
    for (const el of root.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) handlers.push(`${el.tagName}[${a.name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && !/^https?:\/\//i.test(a.value)) {
          badHrefs.push(`${el.tagName}[${a.name}=${a.value}]`);
        }
      }
    }
    return {
      pwned: typeof window.__pwned,
      bad: Array.from(bad, (e) => e.tagName),
      handlers,
      badHrefs,
      styleAttrs: Array.from(root.querySelectorAll("[style]"), (e) => e.getAttribute("style")).filter(
        (s) => !/^(width|left): [\d.]+%;?$/.test(s),
      ),
    };
  });
  assert.equal(report.pwned, "undefined", `${where}: window.__pwned was set`);
  assert.deepEqual(report.bad, [], `${where}: dangerous elements in the brief`);
  assert.deepEqual(report.handlers, [], `${where}: event-handler attributes in the brief`);
  assert.deepEqual(report.badHrefs, [], `${where}: non-http(s) URLs in the brief`);
  assert.deepEqual(report.styleAttrs, [], `${where}: unexpected inline styles`);
}

// ---------------------------------------------------------------- tests

test("the sample brief renders every section", async () => {
  await page.waitForSelector('.nsr-brief [data-nsr-field="src"]', WAIT);

  // Header strip.
  assert.equal(await stripValue("src"), "Harbour Ledger");
  assert.equal(await stripValue("lang"), "EN");
  assert.ok((await stripValue("lean")).length > 0, "LEAN is shown");
  assert.match(await page.locator('.nsr-strip__item[data-nsr-field="lean"]').getAttribute("title"), /\S/);
  const words = Number(await stripValue("words"));
  assert.ok(Number.isInteger(words) && words > 0, `WORDS is a positive number (${words})`);
  assert.ok(Number(await stripValue("ent")) > 0, "ENT is a positive number");
  assert.match(await stripValue("date"), /2026-03-14/);
  assert.match(await stripValue("brief"), /^NSR-\d{4}-\d{4}-\d{5}$/);

  // Headline block and tiles.
  assert.match(await text(".nsr-title"), /Coastal flood agency warns/);
  assert.match(await text(".nsr-byline"), /Maria Okafor/);
  assert.equal(await count(".nsr-tile"), 5);
  assert.match(await text('.nsr-tile[data-nsr-field="quality"]'), /\d+\s*%/);
  const link = page.locator(".nsr-byline__link");
  assert.equal(await link.getAttribute("href"), "https://harbourledger.example/environment/2026/03/14/sea-defences");
  assert.equal(await link.getAttribute("rel"), "noopener noreferrer");

  // §01 summary.
  assert.ok((await text(".nsr-summary")).trim().length > 40, "summary text is shown");
  assert.match(await text(".nsr-summary__facts"), /Confidence\s*0\.\d\d/i);

  // §02 analysis.
  assert.ok((await count(".nsr-chip--frame")) >= 1, "at least one framing chip");
  assert.ok(TONE_LABELS.includes((await text(".nsr-tone__label")).trim()), "tone label is one of the five");
  assert.equal(await count(".nsr-gauge--tone .nsr-gauge__marker"), 1);
  assert.match(await text(".nsr-fact__score"), /^\d\.\d\d \/ 1\.00$/);
  assert.ok((await text(".nsr-fact__label")).trim().length > 0);
  assert.ok((await count(".nsr-source")) >= 1, "sources cited are listed");

  // §03 claims: at least 3, each with a speaker line.
  const claims = await count(".nsr-claim");
  assert.ok(claims >= 3, `at least 3 claims (${claims})`);
  const speakers = await page.locator(".nsr-claim .nsr-claim__speaker-name").allInnerTexts();
  assert.equal(speakers.length, claims, "every claim shows a speaker line");
  assert.ok(speakers.filter((s) => s.trim() && s !== "unattributed").length >= 3, "at least 3 claims name a speaker");
  assert.ok((await count(".nsr-claim .nsr-badge")) >= claims, "every claim has a type badge");

  // §04 full report: the whole text, with entity marks and claim underlines.
  const reportText = await page.locator(".nsr-report").innerText();
  assert.match(reportText, /National Coastal Resilience Agency \(NCRA\) has warned/);
  assert.match(reportText, /cautious and credible/);
  assert.ok((await count(".nsr-report mark.nsr-ent")) >= 1, "at least one entity mark");
  assert.ok((await count(".nsr-report .nsr-claim-span")) >= 1, "at least one claim underline");
  assert.ok((await count(".nsr-report .nsr-report__heading")) >= 1, "headings rendered as headings");
  // Marks sit exactly on the text the offsets point to.
  const marks = await page.locator('.nsr-report mark.nsr-ent[data-nsr-entity="E1"]').allInnerTexts();
  assert.ok(marks.includes("National Coastal Resilience Agency"), `E1 mark text: ${marks}`);

  // §05 entities, §06 keywords, §07 connections.
  assert.ok((await count(".nsr-entity")) >= 1, "entity list is not empty");
  const names = await page.locator(".nsr-entity__name").allInnerTexts();
  assert.ok(names.includes("National Coastal Resilience Agency"), `entities: ${names}`);
  assert.ok((await count(".nsr-keyword .nsr-bar__fill")) >= 1, "keyword bars");
  assert.equal(await count('[data-nsr-section="connections"]'), 1);
  const connections = await text('[data-nsr-section="connections"]');
  assert.match(connections, /collection of briefs/);
  for (const label of ["Person", "Organization", "Location", "Event"]) assert.match(connections, new RegExp(label));

  // Provenance labels in small print.
  assert.ok((await count(".nsr-prov")) >= 5, "provenance labels per section");
  assert.equal(await page.locator(".nsr-section__num").allInnerTexts().then((t) => t.length), 7, "sections § 01 … § 07");

  await assertInert("sample");

  // The screenshot for the README (a copy of a good one lives in www/screenshots/demo.png).
  await mkdir(OUT, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: resolve(OUT, "demo.png"), fullPage: true });
});

test("clicking the factuality score reveals its components and evidence", async () => {
  const detail = page.locator(".nsr-fact__detail");
  assert.equal(await detail.isVisible(), false, "components are hidden at first");
  await page.click(".nsr-fact__score");
  await detail.waitFor({ state: "visible", timeout: 5000 });
  assert.equal(await page.locator(".nsr-fact__score").getAttribute("aria-expanded"), "true");
  const components = await page.locator(".nsr-fact__component").count();
  assert.ok(components >= 3, `components listed (${components})`);
  assert.match(await detail.innerText(), /named sources/);
  assert.ok((await detail.locator(".nsr-evidence__item").count()) >= 1, "evidence spans listed");
  const quote = await detail.locator(".nsr-evidence__quote").first().innerText();
  assert.ok(quote.length > 2, "evidence shows the quoted span");
  await page.click(".nsr-fact__score");
  await detail.waitFor({ state: "hidden", timeout: 5000 });
});

test("clicking an entity highlights its mentions", async () => {
  await page.click('.nsr-entity__btn[data-nsr-entity="E1"]');
  assert.equal(await page.locator('.nsr-entity__btn[data-nsr-entity="E1"]').getAttribute("aria-pressed"), "true");
  const lit = await count('.nsr-report mark.nsr-is-focus[data-nsr-entity="E1"]');
  const all = await count('.nsr-report mark[data-nsr-entity="E1"]');
  assert.ok(lit >= 1 && lit === all, `every E1 mention is highlighted (${lit}/${all})`);
  assert.match(await text(".nsr-rail__focus"), /National Coastal Resilience Agency/);
  await page.click('.nsr-entity__btn[data-nsr-entity="E1"]');
  assert.equal(await count(".nsr-report .nsr-is-focus"), 0);
});

test("a pasted plain-text article is analyzed into a new brief", async () => {
  await page.fill("#input", PLAIN_ARTICLE);
  assert.equal(await page.inputValue("#url"), "", "the sample's URL is dropped once the text changes");
  await page.fill("#title", "Riverside votes for harbour cycle lanes");
  await expectNewBrief(() => page.click("#analyze"));
  assert.equal((await text(".nsr-title")).trim(), "Riverside votes for harbour cycle lanes");
  assert.match(await text(".nsr-summary"), /Riverside City Council/);
  assert.match(await page.locator(".nsr-report").innerText(), /Amira Haddad/);
  const speakers = await page.locator(".nsr-claim__speaker-name").allInnerTexts();
  // Which sentences pass the check-worthiness threshold is the model's call; the renderer must
  // show the named speaker of the claims that do (the trust's statement is one of them).
  assert.ok(speakers.some((s) => /Greenway Transport Trust|Amira Haddad/.test(s)), `a claim shows its speaker (${speakers})`);
  assert.equal(await stripValue("lang"), "EN");
  assert.equal(await stripValue("date"), "undated");
  await assertInert("plain text");
});

test("an .html file picked with the file input is analyzed", async () => {
  await page.fill("#title", "");
  await expectNewBrief(() =>
    page.setInputFiles("#file", { name: "frost.html", mimeType: "text/html", buffer: Buffer.from(HTML_FILE) }),
  );
  assert.match(await text(".nsr-title"), /Orchard growers count frost losses/);
  assert.equal(await stripValue("src"), "Northfield Courier");
  assert.match(await text(".nsr-byline"), /Jonas Pike/);
  assert.match(await page.locator(".nsr-report").innerText(), /Ruth Ambler/);
  assert.doesNotMatch(await page.locator(".nsr-report").innerText(), /Copyright Northfield Courier/);
});

test("a .txt file dropped on the drop zone is analyzed", async () => {
  await expectNewBrief(() =>
    page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], "cycle-lanes.txt", { type: "text/plain" }));
      const zone = document.getElementById("drop");
      for (const type of ["dragenter", "dragover", "drop"]) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, PLAIN_ARTICLE),
  );
  assert.match(await page.locator(".nsr-report").innerText(), /Greenway Transport Trust/);
});

test("empty input shows the error box, and the page keeps working", async () => {
  await page.fill("#input", "   \n  ");
  await page.fill("#title", "");
  await page.click("#analyze");
  const box = page.locator("#error");
  await box.waitFor({ state: "visible", timeout: 10_000 });
  const message = (await page.locator("#error-message").innerText()).trim();
  assert.ok(message.length > 5, `the error box says why (${message})`);
  assert.match(message, /empty/i);

  // Still works afterwards: the sample button analyzes again and the error goes away.
  await expectNewBrief(() => page.click("#sample"));
  assert.equal(await box.isVisible(), false, "the error box is hidden after a success");
  assert.equal(await stripValue("src"), "Harbour Ledger");
});

test("hostile markup in the input never becomes markup in the page", async () => {
  await page.fill("#input", HOSTILE_HTML);
  await expectNewBrief(() => page.click("#analyze"));
  // Give any injected handler a chance to run before checking.
  await page.waitForTimeout(300);
  await page.mouse.move(400, 400);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll("#brief *")) {
      el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    }
  });
  await assertInert("hostile input");
  // The payload is shown as text, literally.
  const title = await text(".nsr-title");
  assert.match(title, /Port/);
  assert.ok(title.includes("<img") || title.includes("<script"), `the markup is visible as text: ${title}`);
  assert.match(await page.locator(".nsr-report").innerText(), /<script>window\.__pwned=1<\/script>/);
  assert.equal(await count(".nsr-byline__link"), 0, "no link for a javascript: URL");
  assert.ok(!requests.some((u) => new URL(u).pathname.endsWith("/x")), "the <img src=x> was never fetched");
  assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
});

test("the renderer treats every field of a forged brief as text", async () => {
  // A brief that did not come from the analyzer: markup and quotes in every string, a
  // javascript: URL, unknown types (which must not become class names), offsets out of range.
  const result = await page.evaluate(async () => {
    const { renderBrief } = await import("/shared/render.js");
    const x = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const articleText = `Hello ${x} world.\n\nSecond paragraph here.`;
    const brief = {
      id: `NSR-${x}`,
      newsar_version: x,
      source: { name: x, domain: x, lean: { label: x, score: 0.5, provenance: x } },
      language: { code: x, name: x, confidence: 1, analyzers_available: true },
      article: {
        title: x, byline: [x], published: x, url: "javascript:window.__pwned=1", site_name: x, section: x,
        description: x, declared_lang: x, text: articleText,
        paragraphs: [{ start: 0, end: articleText.indexOf("\n"), kind: x }, { start: articleText.indexOf("Second"), end: 99999, kind: "heading" }],
      },
      stats: { words: x, reading_minutes: x, sentences: 2, entities: 1, claims: 1, sources_cited: 1, quality: x, quality_evidence: [{ reason: x, weight: 1, met: true }] },
      summary: { text: x, sentences: [], confidence: x },
      framing: [{ frame: x, score: 1, evidence: [{ start: 0, end: 5, weight: 1, reason: x }] }],
      topics: [{ topic: x, score: 1, evidence: [] }],
      tone: { label: x, alarm: 7, valence: -9, evidence: [{ start: -5, end: 3, weight: 1, reason: x }] },
      factuality: { score: x, label: x, evidence: [{ start: 6, end: 12, weight: -1, reason: x }], components: [{ name: x, value: x, contribution: x }] },
      sources: [{ name: x, entity_id: x, kind: x, mentions: x }],
      claims: [{ text: x, start: 0, end: 30, type: x, attribution: { speaker: x, entity_id: x, anonymous: true, cue: x, start: 0, end: 1 }, confidence: x, checkworthiness: 2 }],
      sentences: [],
      entities: [{ id: x, name: x, type: x, aliases: [x], mentions: [{ start: 6, end: 20 }, { start: 500, end: 900 }], count: 2, salience: 0.5 }],
      keywords: [{ term: x, salience: x }],
      provenance: { extraction: x, language: x, source: x, entities: x, claims: x, tone: x, framing: x, factuality: x, keywords: x, summary: x },
    };
    const host = document.createElement("div");
    host.id = "forged";
    document.body.append(host);
    renderBrief(host, brief);
    host.querySelector(".nsr-fact__score").click();
    host.querySelector(".nsr-entity__btn").click();
    const classes = new Set();
    for (const el of host.querySelectorAll("*")) for (const c of el.classList) classes.add(c);
    const out = {
      pwned: typeof window.__pwned,
      dangerous: host.querySelectorAll("img, script, iframe, object, embed").length,
      links: Array.from(host.querySelectorAll("a"), (a) => a.getAttribute("href")),
      handlers: Array.from(host.querySelectorAll("*")).flatMap((el) => Array.from(el.attributes, (a) => a.name)).filter((n) => /^on/i.test(n)),
      oddClasses: Array.from(classes).filter((c) => !/^(nsr-[a-z0-9_-]+|is-[a-z-]+)$/.test(c)),
      title: host.querySelector(".nsr-title").textContent,
      reportText: host.querySelector(".nsr-report").textContent,
    };
    host.remove();
    return out;
  });
  assert.equal(result.pwned, "undefined");
  assert.equal(result.dangerous, 0);
  assert.deepEqual(result.links, [], "no link for a javascript: URL");
  assert.deepEqual(result.handlers, []);
  assert.deepEqual(result.oddClasses, [], "data never becomes a class name");
  assert.ok(result.title.includes("<script>"), "the title is shown as text");
  assert.ok(result.reportText.includes("<img src=x"), "the body is shown as text");
});

// A second, original article about the sample's story (the sea-wall report of the National
// Coastal Resilience Agency), from another outlet.
const RELATED_ARTICLE = [
  "Sea wall repair bill tops 2 billion euros, coastal agency says",
  "The National Coastal Resilience Agency said on Friday that many of the country's sea walls need urgent repairs, putting the bill at about 2.3 billion euros as winter storms grow stronger.",
  "\"The bill gets bigger every year we wait,\" said Daniel Reyes, the agency's director of engineering, who singled out Port Ellis and Saltmarsh Bay as the worst-affected areas.",
  "The Ministry of Finance said it would consider the agency's request for more money in the spring budget. Helen Marsh of the Association of Coastal Councils said small towns could not pay for the sea walls alone.",
].join("\n\n");

const collectionSize = () => page.evaluate(() => Number(document.getElementById("collection-size").dataset.size));

async function waitForSize(n) {
  await page.waitForFunction(
    (want) => document.getElementById("collection-size")?.dataset.size === String(want),
    n,
    WAIT,
  );
}

test("the local collection links related articles in §07 and survives a reload", async () => {
  await page.click("#clear-collection");
  await waitForSize(0);

  await expectNewBrief(() => page.click("#sample"));
  await waitForSize(1);
  assert.match(await text('[data-nsr-section="connections"]'), /collection of briefs/, "one brief: the placeholder");

  await page.fill("#input", RELATED_ARTICLE);
  await page.fill("#url", "https://coastpost.example/news/2026/03/15/sea-wall-repairs");
  await page.fill("#title", "");
  await expectNewBrief(() => page.click("#analyze"));
  await waitForSize(2);
  assert.equal(await collectionSize(), 2);

  const graph = '[data-nsr-section="connections"] svg.nsr-graph--corpus';
  await page.waitForSelector(graph, WAIT);
  await page.locator('[data-nsr-section="connections"]').screenshot({ path: resolve(OUT, "demo-connections.png") });
  const nodes = await count(`${graph} .nsr-graph__node`);
  const edges = await count(`${graph} .nsr-graph__edge`);
  assert.ok(nodes >= 2, `the corpus graph has nodes (${nodes})`);
  assert.ok(edges >= 1, `the corpus graph has edges (${edges})`);
  assert.ok((await count(`${graph} .nsr-graph__node.is-focus`)) >= 1, "the current article's entities are highlighted");
  const labels = await page.locator(`${graph} text`).allTextContents();
  assert.ok(labels.some((l) => /Coastal Resilience Agency|Daniel Reyes/.test(l)), `shared entities are labelled (${labels})`);
  const section = await text('[data-nsr-section="connections"]');
  assert.match(section, /Story/i);
  assert.match(section, /Harbour Ledger/, "the story lists the sample's outlet");

  // The type filter re-queries the graph: without people, no person node is left.
  await page.uncheck('[data-nsr-section="connections"] input[data-nsr-type="person"]');
  await page.waitForFunction(
    () => {
      const box = document.querySelector('[data-nsr-section="connections"] input[data-nsr-type="person"]');
      return box && !box.checked && !document.querySelector(".nsr-graph--corpus .nsr-graph__node--person");
    },
    null,
    WAIT,
  );
  await page.check('[data-nsr-section="connections"] input[data-nsr-type="person"]');
  await page.waitForSelector(".nsr-graph--corpus .nsr-graph__node--person", WAIT);
  await assertInert("the corpus graph");

  // IndexedDB keeps the collection; the sample that runs on open is already in it.
  await page.reload();
  await page.waitForSelector(".nsr-brief", WAIT);
  await waitForSize(2);
  await page.waitForSelector(graph, WAIT);

  await page.click("#clear-collection");
  await waitForSize(0);
  assert.equal(await count(graph), 0, "an empty collection draws no graph");
  assert.match(await text('[data-nsr-section="connections"]'), /collection of briefs/);
  await page.reload();
  await page.waitForSelector(".nsr-brief", WAIT);
  await waitForSize(1);
});

/** Runs `action`, then waits until §07 has been drawn again (the old section is marked first). */
async function redrawn(action) {
  await page.evaluate(() => {
    const s = document.querySelector('[data-nsr-section="connections"]');
    if (s) s.dataset.testStale = "1";
  });
  await action();
  await page.waitForSelector('[data-nsr-section="connections"]:not([data-test-stale])', WAIT);
}

const csvFile = (name, content) => ({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
const persp = '[data-nsr-section="connections"] table.nsr-persp';

/** The perspective table's rows: {outlet, lean, own}. */
const perspectiveRows = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll(".nsr-persp__row"), (tr) => ({
      outlet: tr.querySelector(".nsr-story__name")?.textContent,
      lean: tr.querySelector(".nsr-story__lean")?.textContent,
      own: tr.classList.contains("is-own"),
      cells: tr.children.length,
    })),
  );

async function waitForLeans(want) {
  await page.waitForFunction(
    (want) => {
      const leans = Array.from(document.querySelectorAll(".nsr-persp__row .nsr-story__lean"), (c) => c.textContent).sort();
      return JSON.stringify(leans) === JSON.stringify(want);
    },
    [...want].sort(),
    WAIT,
  );
}

test("a story across outlets: perspective table, your own lean ratings, shared claims, sides, graph clicks and neighbourhood", async () => {
  await page.click("#clear-collection");
  await waitForSize(0);
  await expectNewBrief(() => page.click("#sample"));
  await page.fill("#input", RELATED_ARTICLE);
  await page.fill("#url", "https://coastpost.example/news/2026/03/15/sea-wall-repairs");
  await expectNewBrief(() => page.click("#analyze"));
  await waitForSize(2);
  await page.waitForSelector(persp, WAIT);

  // Both outlets are unknown to the built-in table: unrated, never guessed; no blindspot.
  let rows = await perspectiveRows();
  assert.equal(rows.length, 2, `two outlets (${JSON.stringify(rows)})`);
  assert.deepEqual(rows.map((r) => r.lean), ["unrated", "unrated"]);
  assert.equal(rows.filter((r) => r.own).length, 1, "this article's outlet is marked");
  assert.ok(rows.every((r) => r.cells === 6), "outlet, lean, articles, tone, framing, factuality");
  let section = await text('[data-nsr-section="connections"]');
  assert.match(section, /No outlet of this story has a lean rating/);
  assert.match(section, /Robertson et al\. 2018/, "the lean dataset is cited");
  assert.ok((await count(".nsr-persp-claims--all .nsr-persp-claims__item")) >= 1, "claims both outlets carry");
  assert.ok((await count(".nsr-persp-claims--some .nsr-persp-claims__item")) >= 1, "claims only one outlet carries");
  assert.match(await text(".nsr-persp-sides"), /Unrated · 2 outlets/);
  assert.equal(await page.locator("#ratings-state").getAttribute("data-size"), "0");

  // A bad ratings file: every bad line named, nothing imported.
  await page.setInputFiles("#ratings-file", csvFile("bad.csv", "domain,label,score\nharbourledger.example,Sideways,\ncoastpost.example,Left,0.9\nnot a domain,Left,\n"));
  await page.waitForFunction(() => !document.getElementById("error").hidden, null, WAIT);
  const message = await text("#error-message");
  assert.match(await text("#error .error__title"), /lean ratings were not imported/);
  assert.match(message, /line 2: unknown lean label "Sideways"/);
  assert.match(message, /line 3: coastpost\.example: label "Left" does not match score 0\.9/);
  assert.match(message, /line 4: "not a domain" is not a domain/);
  assert.equal(await page.locator("#ratings-state").getAttribute("data-size"), "0");

  // Ratings on one side only: the blindspot flag.
  await page.setInputFiles("#ratings-file", csvFile("left.csv", "domain,label,score,source\nharbourledger.example,Center-Left,-0.3,test rating\ncoastpost.example,Left,-0.7,test rating\n"));
  await page.waitForFunction(() => document.getElementById("ratings-state").dataset.size === "2", null, WAIT);
  await waitForLeans(["Center-Left", "Left"]);
  assert.equal(await page.locator(".nsr-story__blindspot").getAttribute("data-nsr-blindspot"), "left-only");
  assert.match(await text(".nsr-persp-sides"), /Left-leaning · 2 outlets/);

  // Both sides: no blindspot, the lean spread, entities per side, your rating marked.
  await page.setInputFiles("#ratings-file", csvFile("mine.csv", "domain,label,score,source\nharbourledger.example,Center-Left,-0.3,test rating\ncoastpost.example,Right,0.7,test rating\n"));
  await waitForLeans(["Center-Left", "Right"]);
  assert.equal(await count(".nsr-story__blindspot"), 0);
  section = await text('[data-nsr-section="connections"]');
  assert.match(section, /Lean spread −0\.30 … \+0\.70 \(2 rated outlets\)/);
  assert.match(section, /your rating/);
  assert.equal(await count('.nsr-persp-sides dd[data-nsr-side="left"]'), 1);
  assert.equal(await count('.nsr-persp-sides dd[data-nsr-side="right"]'), 1);
  assert.match(await text(".nsr-persp-sides"), /only this side/);

  // A new analysis takes the reader's rating into the brief itself.
  await expectNewBrief(() => page.click("#analyze"));
  assert.equal((await text('.nsr-strip__item[data-nsr-field="lean"] .nsr-strip__val')).trim(), "Right");
  assert.match(await page.locator('.nsr-strip__item[data-nsr-field="lean"]').getAttribute("title"), /user: test rating/);

  // Click a node: the briefs that mention it.
  await page.waitForSelector(".nsr-graph--corpus .nsr-graph__node.is-focus", WAIT);
  const node = page.locator(".nsr-graph--corpus .nsr-graph__node.is-focus").first();
  const nodeName = await node.getAttribute("data-nsr-node");
  await node.dispatchEvent("click");
  await page.waitForSelector(".nsr-node-articles__item", WAIT);
  assert.match(await text(".nsr-node-articles__head"), new RegExp(nodeName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.ok((await count(".nsr-node-articles__item")) >= 1);
  // The keyboard works too.
  await page.evaluate((n) => Array.from(document.querySelectorAll(".nsr-graph--corpus .nsr-graph__node")).find((g) => g.dataset.nsrNode !== n).focus(), nodeName);
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelector(".nsr-node-articles")?.dataset.nsrNode !== n, nodeName, WAIT);

  // This article's neighbourhood: every node is one of its entities or shares articles with them.
  await redrawn(() => page.check('input[data-nsr-scope="article"]'));
  assert.ok(await page.locator('input[data-nsr-scope="article"]').isChecked());
  const nodes = await count(".nsr-graph--corpus .nsr-graph__node");
  assert.ok(nodes >= 1 && (await count(".nsr-graph--corpus .nsr-graph__node.is-focus")) >= 1, "the neighbourhood has the article's entities");
  await assertInert("the perspectives block");
  await redrawn(() => page.check('input[data-nsr-scope="all"]'));
  assert.ok(await page.locator('input[data-nsr-scope="all"]').isChecked());
  await page.locator('[data-nsr-section="connections"]').screenshot({ path: resolve(OUT, "demo-perspectives.png") });

  // The ratings survive a reload; removing them goes back to the built-in table.
  await page.reload();
  await page.waitForSelector(".nsr-brief", WAIT);
  await page.waitForFunction(() => document.getElementById("ratings-state").dataset.size === "2", null, WAIT);
  await page.click("#clear-ratings");
  await page.waitForFunction(() => document.getElementById("ratings-state").dataset.size === "0", null, WAIT);
  await page.click("#clear-collection");
  await waitForSize(0);
});

test("the transformer claims model loads from the origin, scores the claims, and can be switched off", async () => {
  const claimsMethod = () => page.locator('[data-nsr-section="claims"] .nsr-prov').first().getAttribute("title");
  assert.match(await claimsMethod(), /logistic-regression/, "the compiled-in model scores at first");
  const modelPresent = existsSync(resolve(WWW, "pkg/claims_minilm.safetensors"));
  await expectNewBriefOrError(() => page.check("#claims-model-toggle"), modelPresent);
  if (!modelPresent) {
    assert.match(await page.locator("#error-message").innerText(), /not in this build/);
    assert.equal(await page.locator("#claims-model-state").getAttribute("data-loaded"), "false");
    return;
  }
  assert.equal(await page.locator("#claims-model-state").getAttribute("data-loaded"), "true");
  assert.match(await claimsMethod(), /transformer check-worthiness \(all-MiniLM-L6-v2/);
  assert.ok(requests.some((u) => u === `${origin}/pkg/claims_minilm.safetensors`), "fetched from the page's own origin");
  const claims = await page.locator('[data-nsr-section="claims"] .nsr-claim').count();
  assert.ok(claims >= 1, `the transformer still finds claims in the sample (${claims})`);
  await expectNewBrief(() => page.uncheck("#claims-model-toggle"));
  assert.equal(await page.locator("#claims-model-state").getAttribute("data-loaded"), "false");
  assert.match(await claimsMethod(), /logistic-regression/, "back to the compiled-in model");
});

test("the transformer speaker model loads from the origin, revises the speakers, and can be switched off", async () => {
  const claimsMethod = () => page.locator('[data-nsr-section="claims"] .nsr-prov').first().getAttribute("title");
  assert.doesNotMatch(await claimsMethod(), /speaker tagger/, "the rules alone attribute at first");
  const modelPresent = existsSync(resolve(WWW, "pkg/speaker_minilm.safetensors"));
  await expectNewBriefOrError(() => page.check("#speaker-model-toggle"), modelPresent);
  if (!modelPresent) {
    assert.match(await page.locator("#error-message").innerText(), /not in this build/);
    assert.equal(await page.locator("#speaker-model-state").getAttribute("data-loaded"), "false");
    return;
  }
  assert.equal(await page.locator("#speaker-model-state").getAttribute("data-loaded"), "true");
  assert.match(await claimsMethod(), /revised by a transformer speaker tagger \(all-MiniLM-L6-v2/);
  assert.ok(requests.some((u) => u === `${origin}/pkg/speaker_minilm.safetensors`), "fetched from the page's own origin");
  const claims = await page.locator('[data-nsr-section="claims"] .nsr-claim').count();
  assert.ok(claims >= 1, `claims are still listed with the speaker model (${claims})`);
  await expectNewBrief(() => page.uncheck("#speaker-model-toggle"));
  assert.equal(await page.locator("#speaker-model-state").getAttribute("data-loaded"), "false");
  assert.doesNotMatch(await claimsMethod(), /speaker tagger/, "back to the rules alone");
});

test("the demo page stays on its own origin and logs no errors", async () => {
  assert.ok(requests.length > 0, "requests were recorded");
  assert.ok(requests.some((u) => u.endsWith("/pkg/newsar_bg.wasm")), "the wasm module was loaded from the origin");
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`));
  assert.deepEqual(foreign, [], "no request leaves the test origin");
  assert.deepEqual(pageErrors, [], "no uncaught page errors");
  assert.deepEqual(consoleErrors, [], "no console errors");
});
