// Browser test of the NEWSAR extension (www/extension/, built by pkg-config/extension/build.mjs):
// the unpacked Chromium build loaded into Debian's /usr/bin/chromium (new headless mode, driven
// by playwright-core), fixture news pages served from 127.0.0.1, and the Firefox build checked
// with `web-ext lint` (Firefox itself is not on this machine).
//
// How the toolbar button is pressed: a test cannot click the browser's toolbar, so it sends the
// DevTools command Extensions.triggerAction for the page's tab (needs --enable-unsafe-extension-
// debugging and playwright's pipe connection). Chromium runs exactly what a click runs:
// action.onClicked fires, activeTab is granted for that tab, the side panel opens, and the
// extension injects its content script with scripting.executeScript. No test-only code path and
// no host permission is involved. (The keyboard shortcut reaches the same analyzeTab(); browser
// accelerators are not delivered in headless mode, so it is not exercised here.)
//
// Network: every request the browser makes is written to a NetLog (--log-net-log) as well as
// seen through playwright; the last test checks that nothing the pages or the extension started
// went anywhere but the 127.0.0.1 test origin.
//
//   cd tests/browser && node --test --test-concurrency=1 extension.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, lstatSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../www/serve.mjs";
import { CHROMIUM, QUIET_CHROMIUM_ARGS, TONE_LABELS, WAIT } from "./chromium.mjs";
import * as history from "../../www/extension/history.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const OUT = resolve(HERE, "out");
const FIXTURES = resolve(ROOT, "tests/fixtures");
const BUILD = resolve(ROOT, "target/extension");
const CHROMIUM_BUILD = join(BUILD, "chromium");
const FIREFOX_BUILD = join(BUILD, "firefox");
const ENTITY_TYPES = ["person", "organization", "location", "event", "misc"];

let server;
let origin;
let context;
let sw;
let extId;
let cdp;
let profile;
let netlog;
const requests = [];
const pageErrors = [];

before(async () => {
  assert.ok(existsSync(join(ROOT, "pkg/newsar_bg.wasm")), "pkg/ is missing: run `make wasm` first");
  // Always test the current sources: the build takes well under a second.
  execFileSync(process.execPath, [join(ROOT, "pkg-config/extension/build.mjs")], { cwd: ROOT, stdio: "pipe" });
  server = await startServer(FIXTURES, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), "newsar-ext-"));
  netlog = join(profile, "netlog.json");
  context = await chromium.launchPersistentContext(join(profile, "user-data"), {
    executablePath: CHROMIUM,
    headless: false, // extensions need Chromium's new headless mode, asked for in args
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    args: [
      "--headless=new",
      `--disable-extensions-except=${CHROMIUM_BUILD}`,
      `--load-extension=${CHROMIUM_BUILD}`,
      "--enable-unsafe-extension-debugging",
      `--log-net-log=${netlog}`,
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  context.on("request", (r) => requests.push(r.url()));
  context.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(`${p.url()}: ${e.stack || e}`)));
  sw = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"));
  sw ??= await context.waitForEvent("serviceworker", WAIT);
  extId = new URL(sw.url()).host;
  cdp = await context.browser().newBrowserCDPSession();
});

after(async () => {
  await context?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

/**
 * Presses the extension's toolbar button for the tab showing `page`; resolves to the tab state.
 *
 * It first waits until the page is loaded and in front. A tab opened a moment ago
 * still sometimes misses the click's activeTab grant (Chromium answers "Cannot access contents of
 * the page"); a reader would click again, and so does this helper, once. Any other outcome, and a
 * second refusal, is returned as it is for the test to judge.
 */
async function pressToolbarButton(page) {
  const url = page.url();
  await page.waitForFunction(() => document.readyState === "complete" && document.visibilityState === "visible", null, WAIT);
  const press = async () => {
    const since = await sw.evaluate(() => Date.now());
    const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    const tab = targetInfos.find((t) => t.url === url);
    assert.ok(tab, `a tab target for ${url}`);
    await cdp.send("Extensions.triggerAction", { id: extId, targetId: tab.targetId });
    return waitForTabState(url, since);
  };
  const state = await press();
  if (state.status !== "error" || !/can't read this page/.test(state.error)) return state;
  await page.waitForTimeout(500);
  await page.bringToFront();
  return press();
}

/** Waits until the background has finished with the tab at `url` (after `since`). */
async function waitForTabState(url, since) {
  return sw.evaluate(
    async ({ url, since }) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const all = await chrome.storage.session.get(null);
        const st = Object.values(all).find((s) => s && s.url === url && s.at >= since && s.status !== "analyzing");
        if (st) return st;
        if (Date.now() > deadline) throw new Error(`no analysis result for ${url}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    { url, since },
  );
}

/** What the overlay drew (its shadow roots are closed, so the content script reports it). */
const snapshot = (tabId) => sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: "newsar:snapshot" }), tabId);

/** Waits until the overlay shows a hover card containing `text`. */
function waitForCard(tabId, text) {
  return sw.evaluate(
    async ({ tabId, text }) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const s = await chrome.tabs.sendMessage(tabId, { type: "newsar:snapshot" });
        if (s.card && s.card.includes(text)) return s.card;
        if (Date.now() > deadline) throw new Error(`no hover card with "${text}" (card: ${s.card})`);
        await new Promise((r) => setTimeout(r, 30));
      }
    },
    { tabId, text },
  );
}

/** CSS.highlights as the page itself sees it: {name: [range text, …]}. */
const pageHighlights = (page) =>
  page.evaluate(() => Object.fromEntries(Array.from(CSS.highlights, ([name, h]) => [name, Array.from(h, (r) => r.toString())])));

/** The center of the first highlighted range of `name` whose text is `text`, in the page. */
function rangeCenter(page, name, text) {
  return page.evaluate(
    ({ name, text }) => {
      const h = CSS.highlights.get(name);
      const r = h && Array.from(h).find((x) => x.toString() === text);
      if (!r) return null;
      r.startContainer.parentElement.scrollIntoView({ block: "center" });
      const rect = r.getClientRects()[0];
      return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
    },
    { name, text },
  );
}

const squash = (s) => String(s).replace(/\s+/g, " ").trim();

/** Every highlighted range covers exactly the text its brief offsets point to. */
function assertHighlightsMatchBrief(highlights, brief, where) {
  const text = brief.article.text;
  for (const type of ENTITY_TYPES) {
    const expected = brief.entities
      .filter((e) => (ENTITY_TYPES.includes(e.type) ? e.type : "misc") === type)
      .flatMap((e) => e.mentions.map((m) => squash(text.slice(m.start, m.end))))
      .sort();
    const got = (highlights[`newsar-ent-${type}`] || []).map(squash).sort();
    assert.deepEqual(got, expected, `${where}: ${type} highlights are the brief's mentions`);
  }
  const claims = brief.claims.map((c) => squash(text.slice(c.start, c.end))).sort();
  const gotClaims = [...(highlights["newsar-claim"] || []), ...(highlights["newsar-claim-strong"] || [])].map(squash).sort();
  assert.deepEqual(gotClaims, claims, `${where}: claim highlights are the brief's claims`);
}

async function openFixture(name) {
  const page = await context.newPage();
  await page.goto(`${origin}/${name}`);
  await page.bringToFront();
  return page;
}

async function openPanel(tabId) {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 460, height: 1000 });
  await panel.goto(`chrome-extension://${extId}/extension/panel.html?tab=${tabId}`);
  return panel;
}

/** The section checks of demo.test.mjs, for the brief of the transit-strike fixture. */
async function assertFullBrief(panel) {
  const text = (sel) => panel.locator(sel).first().innerText();
  const count = (sel) => panel.locator(sel).count();
  const strip = async (field) => (await text(`.nsr-strip__item[data-nsr-field="${field}"] .nsr-strip__val`)).trim();
  await panel.waitForSelector('.nsr-brief [data-nsr-field="src"]', WAIT);
  assert.equal(await strip("src"), "The Metro Courier");
  assert.equal(await strip("lang"), "EN");
  assert.ok((await strip("lean")).length > 0, "LEAN is shown");
  assert.ok(Number(await strip("words")) > 0, "WORDS is a positive number");
  assert.ok(Number(await strip("ent")) > 0, "ENT is a positive number");
  assert.match(await strip("date"), /2025-10-02/);
  assert.match(await strip("brief"), /^NSR-/);
  assert.match(await text(".nsr-title"), /Transit workers vote to strike over pay/);
  assert.match(await text(".nsr-byline"), /Priya Raman/);
  assert.equal(await count(".nsr-tile"), 5);
  assert.ok((await text(".nsr-summary")).trim().length > 40, "summary");
  assert.ok(TONE_LABELS.includes((await text(".nsr-tone__label")).trim()), "tone label");
  assert.match(await text(".nsr-fact__score"), /^\d\.\d\d \/ 1\.00$/);
  assert.ok((await count(".nsr-claim")) >= 3, "claims");
  assert.match(await panel.locator(".nsr-report").innerText(), /Lakeport Transit Workers Union said on Thursday/);
  assert.ok((await count(".nsr-report mark.nsr-ent")) >= 1, "entity marks in the report");
  assert.ok((await count(".nsr-report .nsr-claim-span")) >= 1, "claim underlines in the report");
  const names = await panel.locator(".nsr-entity__name").allInnerTexts();
  assert.ok(names.includes("Lakeport Transit Workers Union"), `entities: ${names}`);
  assert.ok((await count(".nsr-keyword .nsr-bar__fill")) >= 1, "keyword bars");
  assert.equal(await count('[data-nsr-section="connections"]'), 1);
  assert.ok((await count(".nsr-prov")) >= 5, "provenance labels");
  assert.equal((await panel.locator(".nsr-section__num").allInnerTexts()).length, 7, "sections § 01 … § 07");
}

/** The demo test's inertness check, on a rendered brief in an extension page. */
async function assertInertBrief(panel, where) {
  const report = await panel.evaluate(() => {
    const root = document.getElementById("brief");
    const bad = Array.from(root.querySelectorAll("img, script, iframe, object, embed, link, style, meta, base, form"), (e) => e.tagName);
    const handlers = [];
    const badHrefs = [];
    for (const el of root.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) handlers.push(`${el.tagName}[${a.name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && !/^https?:\/\//i.test(a.value)) badHrefs.push(`${el.tagName}[${a.name}]`);
      }
    }
    return { pwned: typeof window.__pwned, bad, handlers, badHrefs };
  });
  assert.deepEqual(report, { pwned: "undefined", bad: [], handlers: [], badHrefs: [] }, where);
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// ---------------------------------------------------------------- builds

test("both builds are self-contained copies and the Firefox build passes web-ext lint", { timeout: 60_000 }, (t) => {
  for (const dir of [CHROMIUM_BUILD, FIREFOX_BUILD]) {
    const files = listFiles(dir);
    for (const f of files) assert.ok(!lstatSync(f).isSymbolicLink(), `no symlinks: ${relative(ROOT, f)}`);
    for (const need of ["manifest.json", "pkg/newsar.js", "pkg/newsar_bg.wasm", "shared/render.js", "shared/brief.css", "extension/content.js", "extension/panel.html", "NOTICE.txt"]) {
      assert.ok(existsSync(join(dir, need)), `${relative(ROOT, dir)} has ${need}`);
    }
    assert.equal(statSync(join(dir, "pkg/newsar_bg.wasm")).size, statSync(join(ROOT, "pkg/newsar_bg.wasm")).size);
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    assert.equal(m.manifest_version, 3);
    assert.equal(m.host_permissions, undefined, "no host permissions");
    assert.equal(m.content_scripts, undefined, "nothing is injected until the reader asks");
    assert.ok(["activeTab", "scripting", "storage"].every((p) => m.permissions.includes(p)));
    assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    assert.equal(m.commands["analyze-page"].suggested_key.default, "Alt+Shift+N");
  }
  const chrome = JSON.parse(readFileSync(join(CHROMIUM_BUILD, "manifest.json"), "utf8"));
  assert.deepEqual(chrome.permissions.sort(), ["activeTab", "offscreen", "scripting", "sidePanel", "storage"]);
  const firefox = JSON.parse(readFileSync(join(FIREFOX_BUILD, "manifest.json"), "utf8"));
  assert.deepEqual(firefox.permissions.sort(), ["activeTab", "scripting", "storage"]);
  assert.deepEqual(firefox.background.scripts, ["extension/background.js"]);
  assert.ok(!existsSync(join(FIREFOX_BUILD, "extension/offscreen.html")), "no offscreen document in the Firefox build");

  const bin = join(HERE, "node_modules/.bin/web-ext");
  assert.ok(existsSync(bin), "web-ext is installed (npm ci in tests/browser)");
  const run = spawnSync(bin, ["lint", "--source-dir", FIREFOX_BUILD, "--output", "json", "--no-config-discovery"], {
    encoding: "utf8",
    env: { ...process.env, NO_UPDATE_NOTIFIER: "1" },
  });
  const start = run.stdout.indexOf("{");
  assert.ok(start >= 0, `web-ext lint printed JSON: ${run.stdout}${run.stderr}`);
  const result = JSON.parse(run.stdout.slice(start));
  for (const w of [...result.warnings, ...result.notices]) t.diagnostic(`web-ext lint ${w._type}: ${w.code} ${w.message} (${w.file || ""})`);
  t.diagnostic(`web-ext lint: ${result.summary.errors} errors, ${result.summary.warnings} warnings, ${result.summary.notices} notices`);
  assert.deepEqual(result.errors.map((e) => `${e.code}: ${e.message} (${e.file})`), [], "web-ext lint errors");
});

test("the extension's own code builds no markup from strings and requests nothing", { timeout: 60_000 }, () => {
  // The extension's own scripts and every shared script its build ships (not the wasm-bindgen glue).
  const shipped = readdirSync(join(CHROMIUM_BUILD, "shared")).filter((f) => f.endsWith(".js"));
  assert.ok(shipped.includes("transformer-models.js") && !shipped.includes("model-fetch.js"), shipped.join(", "));
  const sources = [
    ...listFiles(join(ROOT, "www/extension")).filter((f) => f.endsWith(".js")),
    ...shipped.map((f) => join(ROOT, "www/shared", f)),
  ];
  for (const f of sources) {
    const code = readFileSync(f, "utf8").replace(/^\s*\/\/.*$/gm, "");
    const where = relative(ROOT, f);
    assert.doesNotMatch(code, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/, `${where}: no HTML strings`);
    assert.doesNotMatch(code, /\beval\s*\(|new Function\s*\(|setTimeout\s*\(\s*["'`]/, `${where}: no code from strings`);
    assert.doesNotMatch(code, /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts/, `${where}: no network API`);
  }
});

test("history: briefs are validated, bounded, deduplicated, exported and imported", { timeout: 60_000 }, () => {
  const brief = (id, words = 10) => ({
    id,
    newsar_version: "0.1.0",
    article: { title: `T ${id}`, text: "x".repeat(words), paragraphs: [{ start: 0, end: words, kind: "paragraph" }], url: null },
    source: { name: "Outlet", domain: null, lean: null },
    summary: { text: "s" },
    tone: { label: "Calm" },
    factuality: { score: 0.5 },
    stats: {},
    claims: [],
    entities: [],
    keywords: [],
    sources: [],
  });
  assert.equal(history.briefProblem(brief("NSR-1")), null);
  assert.match(history.briefProblem({ hello: 1 }), /"id" is missing/);
  assert.match(history.briefProblem({ ...brief("NSR-1"), article: { text: "ab", paragraphs: [{ start: 0, end: 9 }] } }), /outside the text/);
  assert.match(history.briefProblem([]), /not an object/);

  let list = [];
  for (let i = 0; i < 5; i++) list = history.addEntries(list, [history.entryFor(brief(`NSR-${i}`), `https://a.example/${i}`, 1000 + i)], { maxEntries: 3 }).list;
  assert.deepEqual(list.map((e) => e.brief.id), ["NSR-4", "NSR-3", "NSR-2"], "newest first, oldest evicted past maxEntries");
  // The same page analyzed again replaces its entry.
  list = history.addEntries(list, [history.entryFor(brief("NSR-3b"), "https://a.example/3", 2000)], { maxEntries: 3 }).list;
  assert.deepEqual(list.map((e) => e.brief.id), ["NSR-3b", "NSR-4", "NSR-2"]);
  // A byte bound evicts the oldest too.
  const big = history.addEntries([], [1, 2, 3].map((i) => history.entryFor(brief(`NSR-big${i}`, 3000), `https://b.example/${i}`, i)), { maxBytes: 7000 });
  assert.deepEqual(big.list.map((e) => e.brief.id), ["NSR-big3", "NSR-big2"]);
  assert.equal(big.evicted, 1);

  const exported = history.exportText(list);
  const back = history.parseImport(exported);
  assert.deepEqual(back.entries.map((e) => e.brief.id), ["NSR-3b", "NSR-4", "NSR-2"]);
  assert.equal(back.rejected, 0);
  assert.equal(history.parseImport(JSON.stringify([brief("NSR-9"), { nope: true }])).rejected, 1);
  assert.throws(() => history.parseImport("not json"), /not JSON/);
  assert.throws(() => history.parseImport(JSON.stringify({ id: "x" })), /holds no NEWSAR brief/);
  assert.throws(() => history.parseImport(JSON.stringify({ format: "newsar-history", entries: [{ brief: 1 }] })), /holds no NEWSAR brief/);
});

// ---------------------------------------------------------------- in Chromium

let transit; // {page, tabId, brief}

test("the unpacked Chromium build loads with only the permissions it declares", { timeout: 60_000 }, async () => {
  assert.match(sw.url(), /^chrome-extension:\/\/[a-p]{32}\/extension\/background\.js$/);
  const m = await sw.evaluate(() => chrome.runtime.getManifest());
  assert.equal(m.name, "NEWSAR — news brief");
  const granted = await sw.evaluate(() => chrome.permissions.getAll());
  assert.deepEqual(granted.origins, [], "no host access");
  assert.deepEqual(granted.permissions.sort(), ["activeTab", "offscreen", "scripting", "sidePanel", "storage"]);
});

test("the toolbar button draws the overlay on a news page: highlights, badge, cards, toggles", { timeout: 60_000 }, async (t) => {
  const page = await openFixture("transit-strike.html");
  const textBefore = await page.evaluate(() => document.body.textContent);
  // The page's main thread is watched while the analysis runs: it must never stall.
  await page.evaluate(() => {
    window.__gaps = { max: 0, last: performance.now() };
    window.__gapTimer = setInterval(() => {
      const now = performance.now();
      window.__gaps.max = Math.max(window.__gaps.max, now - window.__gaps.last);
      window.__gaps.last = now;
    }, 10);
  });
  const state = await pressToolbarButton(page);
  assert.equal(state.status, "done", `analysis failed: ${state.error} (${state.detail})`);
  const brief = state.brief;
  transit = { page, tabId: state.tabId, brief };
  const maxGap = await page.evaluate(() => {
    clearInterval(window.__gapTimer);
    return window.__gaps.max;
  });
  t.diagnostic(`analysis ${state.ms} ms in the worker, ${state.total} ms end to end; longest main-thread gap on the page ${maxGap.toFixed(0)} ms`);
  assert.ok(maxGap < 1000, `the page kept running during the analysis (longest gap ${maxGap} ms)`);

  assert.deepEqual(
    { located: state.overlay.located, claimsMapped: state.overlay.claimsMapped, mentionsMapped: state.overlay.mentionsMapped, api: state.overlay.highlightApi },
    { located: state.overlay.paragraphs, claimsMapped: brief.claims.length, mentionsMapped: state.overlay.mentions, api: true },
    "every paragraph, claim and mention was found on the page",
  );

  // Highlights, read back through CSS.highlights in the page itself.
  const hl = await pageHighlights(page);
  assert.ok(hl["newsar-ent-organization"].includes("Lakeport Transit Workers Union"), JSON.stringify(hl["newsar-ent-organization"]));
  assert.ok(hl["newsar-ent-person"].includes("Carla Mendes"));
  const claimTexts = [...(hl["newsar-claim"] || []), ...(hl["newsar-claim-strong"] || [])];
  assert.ok(claimTexts.some((c) => c.includes("voted by 91 percent to strike next Monday")), JSON.stringify(claimTexts));
  assertHighlightsMatchBrief(hl, brief, "transit-strike");
  // ::highlight() rules live in a <style> the overlay owns; the page's text is untouched.
  assert.match(await page.evaluate(() => document.querySelector('style[data-newsar-overlay="highlights"]').textContent), /::highlight\(newsar-ent-organization\)/);
  assert.equal(await page.evaluate(() => document.body.textContent), textBefore, "the page's text is not rewritten");

  // The badge sits right after the headline, in a shadow root the page cannot open.
  assert.deepEqual(
    await page.evaluate(() => {
      const host = document.querySelector("h1").nextElementSibling;
      return { kind: host.getAttribute("data-newsar-overlay"), open: host.shadowRoot, visible: host.getBoundingClientRect().height > 10 };
    }),
    { kind: "badge", open: null, visible: true },
  );
  let snap = await snapshot(transit.tabId);
  assert.match(snap.badge, new RegExp(`Tone(${TONE_LABELS.join("|")})`));
  assert.match(snap.badge, /Factuality(Low|Mixed|Factual|High) \d\.\d\d/);
  assert.match(snap.toolbar, new RegExp(`Claims \\(${brief.claims.length}\\)`));
  assert.deepEqual(snap.dangerous, []);

  // Clicking the factuality score opens its evidence: every component of the formula, and every
  // evidence span quoted from the article; clicking a quote lights that span on the page.
  assert.equal(snap.factualityDetail, null, "closed at first");
  await page.mouse.click(snap.controls.factuality.x, snap.controls.factuality.y);
  snap = await snapshot(transit.tabId);
  assert.ok(snap.factualityDetail, "the detail opened");
  await mkdir(OUT, { recursive: true });
  await page.locator('[data-newsar-overlay="badge"]').screenshot({ path: resolve(OUT, "overlay-factuality.png") });
  for (const c of brief.factuality.components) assert.ok(snap.factualityDetail.includes(c.name), `component ${c.name}`);
  const evidence = brief.factuality.evidence.map((ev) => `“${brief.article.text.slice(ev.start, ev.end)}”${ev.reason}`);
  assert.ok(evidence.length > 0);
  for (const ev of evidence) assert.ok(snap.factualityDetail.replace(/\s+/g, "").includes(ev.replace(/\s+/g, "")), `evidence ${ev}`);
  await page.mouse.click(snap.controls.firstEvidence.x, snap.controls.firstEvidence.y);
  await page.waitForFunction(() => (CSS.highlights.get("newsar-evidence")?.size ?? 0) > 0, null, WAIT);
  const first = brief.factuality.evidence[0];
  assert.deepEqual((await pageHighlights(page))["newsar-evidence"], [brief.article.text.slice(first.start, first.end)]);
  // Hovering a name (its own focus light) leaves the evidence lit.
  const someName = await rangeCenter(page, "newsar-ent-organization", "Lakeport Transit Workers Union");
  await page.mouse.move(someName.x, someName.y);
  await page.waitForFunction(() => (CSS.highlights.get("newsar-focus")?.size ?? 0) > 0, null, WAIT);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !CSS.highlights.has("newsar-focus"), null, WAIT);
  assert.deepEqual((await pageHighlights(page))["newsar-evidence"], [brief.article.text.slice(first.start, first.end)]);
  await page.evaluate(() => window.scrollTo(0, 0));
  snap = await snapshot(transit.tabId);
  await page.mouse.click(snap.controls.factuality.x, snap.controls.factuality.y);
  snap = await snapshot(transit.tabId);
  assert.equal(snap.factualityDetail, null, "closed again");
  assert.equal((await pageHighlights(page))["newsar-evidence"], undefined, "and the evidence light is off");

  // Hover cards: an entity (its card, and all its mentions lit), then a claim.
  const union = brief.entities.find((e) => e.name === "Lakeport Transit Workers Union");
  const mentionTexts = union.mentions.map((m) => brief.article.text.slice(m.start, m.end)).sort();
  const org = await rangeCenter(page, "newsar-ent-organization", "Lakeport Transit Workers Union");
  await page.mouse.move(org.x, org.y);
  await page.waitForFunction(() => (CSS.highlights.get("newsar-focus")?.size ?? 0) > 0, null, WAIT);
  snap = await snapshot(transit.tabId);
  assert.match(snap.card, /EntityOrganizationLakeport Transit Workers Union/);
  assert.match(snap.card, new RegExp(`Aliases.*Mentions${union.count}Salience\\d\\.\\d\\d`));
  assert.deepEqual((await pageHighlights(page))["newsar-focus"].sort(), mentionTexts);

  const claim = brief.claims[0];
  const claimText = brief.article.text.slice(claim.start, claim.end);
  const claimLayer = claim.checkworthiness >= 0.5 ? "newsar-claim-strong" : "newsar-claim";
  const firstWords = await page.evaluate(({ name, text }) => {
    const r = Array.from(CSS.highlights.get(name)).find((x) => x.toString().replace(/\s+/g, " ") === text.replace(/\s+/g, " "));
    const rect = r.getClientRects()[0];
    return { x: rect.left + 6, y: rect.top + rect.height / 2 };
  }, { name: claimLayer, text: claimText });
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => (CSS.highlights.get("newsar-focus")?.size ?? 0) === 0, null, WAIT);
  await page.mouse.move(firstWords.x, firstWords.y);
  await waitForCard(transit.tabId, "Claim");
  snap = await snapshot(transit.tabId);
  assert.ok(snap.card.includes(`Claim${claim.type}${claim.text.slice(0, 30)}`), snap.card);
  assert.match(snap.card, /Speaker.*Confidence\d\.\d\dCheck-worthiness\d\.\d\d/);

  // A toggle per layer: clicking "Claims" removes the underlines, clicking again brings them back.
  const anyClaims = () => page.evaluate(() => CSS.highlights.has("newsar-claim") || CSS.highlights.has("newsar-claim-strong"));
  await page.mouse.move(5, 5);
  snap = await snapshot(transit.tabId);
  await page.mouse.click(snap.controls["layer:claims"].x, snap.controls["layer:claims"].y);
  await page.waitForFunction(() => !CSS.highlights.has("newsar-claim") && !CSS.highlights.has("newsar-claim-strong"), null, WAIT);
  assert.ok(await page.evaluate(() => CSS.highlights.has("newsar-ent-organization")), "other layers stay");
  await page.mouse.click(snap.controls["layer:organization"].x, snap.controls["layer:organization"].y);
  await page.waitForFunction(() => !CSS.highlights.has("newsar-ent-organization"), null, WAIT);
  assert.equal(await anyClaims(), false);
  await page.mouse.click(snap.controls["layer:claims"].x, snap.controls["layer:claims"].y);
  await page.waitForFunction(() => CSS.highlights.has("newsar-claim") || CSS.highlights.has("newsar-claim-strong"), null, WAIT);
  await page.mouse.click(snap.controls["layer:organization"].x, snap.controls["layer:organization"].y);
  await page.waitForFunction(() => CSS.highlights.has("newsar-ent-organization"), null, WAIT);
  // The badge has a toggle too.
  await page.mouse.click(snap.controls["layer:badge"].x, snap.controls["layer:badge"].y);
  await page.waitForFunction(() => document.querySelector('[data-newsar-overlay="badge"]').getBoundingClientRect().height === 0, null, WAIT);
  await page.mouse.click(snap.controls["layer:badge"].x, snap.controls["layer:badge"].y);
  await page.waitForFunction(() => document.querySelector('[data-newsar-overlay="badge"]').getBoundingClientRect().height > 10, null, WAIT);
});

test("the side panel page renders every section of the brief", { timeout: 60_000 }, async () => {
  const panel = await openPanel(transit.tabId);
  await assertFullBrief(panel);
  assert.match(await panel.locator("#status").innerText(), /Analyzed in \d+ ms · 9\/9 paragraphs on the page/);
  // Picking an entity in the panel lights its mentions on the page.
  await panel.locator(".nsr-entity__btn", { hasText: "Lakeport Transit Workers Union" }).first().click();
  const union = transit.brief.entities.find((e) => e.name === "Lakeport Transit Workers Union");
  await transit.page.waitForFunction((n) => (CSS.highlights.get("newsar-focus")?.size ?? 0) === n, union.mentions.length, WAIT);
  await panel.locator(".nsr-entity__btn", { hasText: "Lakeport Transit Workers Union" }).first().click();
  await transit.page.waitForFunction(() => (CSS.highlights.get("newsar-focus")?.size ?? 0) === 0, null, WAIT);
  await assertInertBrief(panel, "panel, transit-strike");
  await panel.close();
});

test("screenshots: the overlay on a page, and the side panel", { timeout: 60_000 }, async () => {
  await mkdir(OUT, { recursive: true });
  const { page, tabId } = transit;
  await page.bringToFront();
  // A plain newspaper look for the unstyled fixture, for the picture only.
  await page.addStyleTag({
    content: `body{max-width:760px;margin:24px auto;font:18px/1.55 Georgia,"DejaVu Serif",serif;color:#222;padding:0 24px}
      #top-nav ul{display:flex;gap:16px;list-style:none;padding:0;font:14px system-ui,sans-serif}
      h1{font-size:38px;line-height:1.15;margin:18px 0 6px}.byline{font:14px system-ui,sans-serif;color:#555}
      .sidebar,.newsletter-signup,footer{display:none}`,
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(5, 5);
  const org = await rangeCenter(page, "newsar-ent-organization", "Lakeport Transit Workers Union");
  await page.mouse.move(org.x, org.y);
  await waitForCard(tabId, "Lakeport Transit Workers Union");
  await page.waitForFunction(() => (CSS.highlights.get("newsar-focus")?.size ?? 0) > 0, null, WAIT);
  await page.screenshot({ path: resolve(OUT, "overlay.png") });
  await page.mouse.move(5, 5);

  const panel = await openPanel(tabId);
  await panel.setViewportSize({ width: 440, height: 1100 });
  await panel.waitForSelector(".nsr-brief .nsr-title", WAIT);
  await panel.screenshot({ path: resolve(OUT, "panel.png") });
  await panel.close();
});

test("unicode page: offsets land exactly on accented, CJK, RTL and astral text", { timeout: 60_000 }, async () => {
  const page = await openFixture("unicode.html");
  const state = await pressToolbarButton(page);
  assert.equal(state.status, "done", `${state.error} (${state.detail})`);
  assert.equal(state.overlay.located, state.overlay.paragraphs, "every paragraph found");
  const hl = await pageHighlights(page);
  assertHighlightsMatchBrief(hl, state.brief, "unicode");
  const all = Object.values(hl).flat();
  assert.ok(all.some((s) => s.includes("Zoë Müller") || s === "Müller"), JSON.stringify(all));
  await page.close();
});

test("without the CSS Custom Highlight API the overlay keeps its badge, cards and toggles", { timeout: 60_000 }, async () => {
  // content.js as a plain page script, with the Highlight API removed and a stand-in for the
  // extension's messaging; the brief comes from the same wasm package, run in node.
  const { initSync, analyzeHtml } = await import(join(ROOT, "pkg/newsar.js"));
  initSync({ module: readFileSync(join(ROOT, "pkg/newsar_bg.wasm")) });
  const page = await context.newPage();
  await page.route(`${origin}/__overlay/content.js`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: readFileSync(join(ROOT, "www/extension/content.js"), "utf8") }),
  );
  await page.goto(`${origin}/transit-strike.html`);
  await page.bringToFront();
  const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
  const brief = analyzeHtml(html, { url: page.url(), now: "2026-11-25" });
  await page.evaluate(async () => {
    delete window.Highlight;
    window.chrome = {
      runtime: {
        id: "test",
        onMessage: { addListener: (fn) => (window.__send = (m) => new Promise((ok) => fn(m, { id: "test" }, ok))) },
        sendMessage: async () => ({}),
      },
    };
    const s = document.createElement("script");
    s.src = "/__overlay/content.js";
    await new Promise((ok, no) => {
      s.onload = ok;
      s.onerror = no;
      document.head.append(s);
    });
  });
  const shown = await page.evaluate(async (brief) => {
    await window.__send({ type: "newsar:collect" });
    return window.__send({ type: "newsar:show", brief });
  }, brief);
  assert.equal(shown.highlightApi, false);
  assert.equal(shown.located, shown.paragraphs, "offsets are still mapped");
  assert.deepEqual(await pageHighlights(page), {}, "nothing highlighted");
  let snap = await page.evaluate(() => window.__send({ type: "newsar:snapshot" }));
  assert.match(snap.badge, /Tone/);
  assert.match(snap.toolbar, /cannot highlight text without changing the page/);
  // Hover cards still work: they come from the mapped ranges, not from the highlights.
  const point = await page.evaluate((name) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(name);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + name.length);
      const rect = r.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, "Lakeport Transit Workers Union");
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(async () => ((await window.__send({ type: "newsar:snapshot" })).card || "").includes("Entity"), null, WAIT);
  snap = await page.evaluate(() => window.__send({ type: "newsar:snapshot" }));
  assert.match(snap.card, /Lakeport Transit Workers Union/);
  await page.evaluate(() => window.__send({ type: "newsar:clear" }));
  assert.equal(await page.evaluate(() => document.querySelectorAll("[data-newsar-overlay]").length), 0);
  await page.close();
});

test("a page that is not an article gets a message, not an overlay", { timeout: 60_000 }, async () => {
  const page = await openFixture("homepage.html");
  const state = await pressToolbarButton(page);
  assert.equal(state.status, "error");
  assert.match(state.error, /doesn't look like an article/);
  const snap = await snapshot(state.tabId);
  assert.equal(snap.drawn, false);
  assert.match(snap.toolbar, /NEWSAR: this page doesn't look like an article/);
  assert.deepEqual(await pageHighlights(page), {});
  const panel = await openPanel(state.tabId);
  await panel.locator("#error").waitFor({ state: "visible", ...WAIT });
  assert.match(await panel.locator("#error-message").innerText(), /doesn't look like an article/);
  await panel.close();
  await page.close();
});

test("a hostile page: nothing from it runs in the overlay or the panel, nothing is injected", { timeout: 60_000 }, async () => {
  const page = await openFixture("hostile.html");
  // The fixture's own scripts and handlers run when it loads (it is a real page); what matters
  // is that nothing runs after that, when NEWSAR draws the page's text back onto it.
  await page.evaluate(() => delete window.__pwned);
  const before = await page.evaluate(() =>
    Array.from(document.querySelectorAll("*:not([data-newsar-overlay])"), (e) => e.tagName).join(","),
  );
  const state = await pressToolbarButton(page);
  assert.equal(state.status, "done", `${state.error} (${state.detail})`);
  assert.ok(state.brief.article.text.includes('<img src=x onerror="window.__pwned=1">'), "the payload is in the brief as text");

  // Hover every highlighted range so every card is built.
  const points = await page.evaluate(() =>
    Array.from(CSS.highlights.values()).flatMap((h) =>
      Array.from(h, (r) => {
        const rect = r.getClientRects()[0];
        return rect ? { x: rect.left + 2, y: rect.top + rect.height / 2 } : null;
      }).filter(Boolean),
    ),
  );
  assert.ok(points.length >= 3, `ranges to hover (${points.length})`);
  const cards = new Set();
  for (const p of points) {
    await page.mouse.move(p.x, p.y);
    const snap = await snapshot(state.tabId);
    if (snap.card) cards.add(snap.card);
    assert.deepEqual(snap.dangerous, [], "no markup in the overlay's shadow roots");
  }
  assert.ok(cards.size >= 2, `cards were shown (${cards.size})`);
  const snap = await snapshot(state.tabId);
  assert.ok(snap.drawn && snap.badge.includes("Tone"));

  const afterTags = await page.evaluate(() =>
    Array.from(document.querySelectorAll("*:not([data-newsar-overlay])"), (e) => e.tagName).join(","),
  );
  assert.equal(afterTags, before, "no element was added to the page except the overlay's own hosts");
  assert.deepEqual(
    await page.evaluate(() => Array.from(document.querySelectorAll("[data-newsar-overlay]"), (e) => `${e.tagName}:${e.getAttribute("data-newsar-overlay")}:${e.childNodes.length}`).sort()),
    ["DIV:badge:0", "DIV:card:0", "DIV:toolbar:0", "STYLE:highlights:1"],
  );
  assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", "window.__pwned stays undefined");

  const panel = await openPanel(state.tabId);
  await panel.waitForSelector(".nsr-brief .nsr-title", WAIT);
  await panel.evaluate(() => {
    for (const el of document.querySelectorAll("#brief *")) el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
  });
  await assertInertBrief(panel, "panel, hostile page");
  assert.match(await panel.locator(".nsr-report").innerText(), /<img src=x onerror="window\.__pwned=1">/);
  await panel.close();
  assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
  await page.close();
});

test("history in the panel: kept, switched off, exported, cleared, imported, non-briefs refused", { timeout: 60_000 }, async () => {
  const panel = await openPanel(transit.tabId);
  await panel.click("#show-history");
  const items = () => panel.locator(".history__item").count();
  const storedCount = await sw.evaluate(async () => (await chrome.storage.local.get("history")).history.length);
  assert.ok(storedCount >= 2, `analyzed briefs were kept (${storedCount})`);
  await panel.waitForFunction((n) => document.querySelectorAll(".history__item").length === n, storedCount, WAIT);
  const titles = await panel.locator(".history__title").allInnerTexts();
  assert.ok(titles.includes("Transit workers vote to strike over pay"), titles.join(" | "));
  assert.equal(await panel.locator("#keep-history").isChecked(), true);
  const stored = await sw.evaluate(async () => (await chrome.storage.local.get("history")).history);
  assert.ok(stored.every((e) => e.brief && e.brief.article && !("html" in e)), "only briefs are stored, never the page");

  // Off: a new analysis is not kept.
  await panel.click("#keep-history");
  await panel.waitForFunction(() => /will not be kept/.test(document.getElementById("history-status").textContent), null, WAIT);
  const kept = await items();
  const again = await openFixture("transit-strike.html?copy=2");
  await pressToolbarButton(again);
  await again.close();
  assert.equal(await sw.evaluate(async () => (await chrome.storage.local.get("history")).history.length), kept, "nothing added while off");
  await panel.bringToFront();
  await panel.click("#keep-history");

  // Export, clear, import the export back.
  const download = panel.waitForEvent("download", WAIT);
  await panel.click("#export");
  const file = await download;
  const exportPath = join(profile, "export.json");
  await file.saveAs(exportPath);
  const exported = JSON.parse(readFileSync(exportPath, "utf8"));
  assert.equal(exported.format, "newsar-history");
  assert.equal(exported.entries.length, kept);

  await panel.click("#clear-history");
  await panel.waitForFunction(() => document.querySelectorAll(".history__item").length === 0, null, WAIT);
  await panel.setInputFiles("#import", exportPath);
  await panel.waitForFunction((n) => document.querySelectorAll(".history__item").length === n, kept, WAIT);
  assert.match(await panel.locator("#history-status").innerText(), new RegExp(`Imported ${kept} briefs`));

  // Not a brief: refused with a message, and the history is unchanged.
  await panel.setInputFiles("#import", { name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"title": "my notes", "items": [1, 2]}') });
  await panel.waitForFunction(() => /Could not import/.test(document.getElementById("history-status").textContent), null, WAIT);
  assert.match(await panel.locator("#history-status").innerText(), /Could not import notes\.json: the file holds no NEWSAR brief \(item 1: "id" is missing\)/);
  await panel.setInputFiles("#import", { name: "junk.json", mimeType: "application/json", buffer: Buffer.from("<html>") });
  await panel.waitForFunction(() => /junk\.json: the file is not JSON/.test(document.getElementById("history-status").textContent), null, WAIT);
  assert.equal(await items(), kept);

  // A history entry opens in the brief view.
  await panel.locator(".history__open", { hasText: "Transit workers vote" }).click();
  await panel.waitForSelector("#view-brief:not([hidden]) .nsr-brief .nsr-title", WAIT);
  assert.match(await panel.locator("#origin-text").innerText(), /From history/);
  await panel.close();
});

// ---------------------------------------------------------------- the collection in the panel

/** Serves a page from tests/browser/fixtures (or the bundled sample) at `${origin}/name`. */
async function openStoryPage(name, file) {
  const page = await context.newPage();
  const body = readFileSync(file, "utf8");
  await page.route(`${origin}/${name}`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
  await page.goto(`${origin}/${name}`);
  await page.bringToFront();
  return page;
}

test("the panel shows the story across outlets and the topic graph, fed by the history; your lean ratings apply", { timeout: 120_000 }, async () => {
  await sw.evaluate(() => chrome.storage.local.set({ settings: { history: true } }));
  const analyzed = async (page) => {
    const st = await pressToolbarButton(page);
    assert.equal(st.status, "done", `${st.error} (${st.detail})`);
    return st;
  };
  const harbour = await openStoryPage("story-harbour.html", join(ROOT, "data/sample/sample-article.html"));
  await analyzed(harbour);
  const coast = await openStoryPage("story-coast.html", join(HERE, "fixtures/coast-post.html"));
  const b = await analyzed(coast);
  assert.equal(b.brief.source.domain, "coastpost.example");
  assert.equal(b.brief.source.lean, null, "an outlet unknown to the table is unrated");
  // The background keeps the brief in the history just after it reports the analysis done.
  await sw.evaluate(async (url) => {
    for (let i = 0; i < 200; i++) {
      const { history } = await chrome.storage.local.get("history");
      if ((history || []).some((e) => e.url === url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the brief never reached the history");
  }, coast.url());

  const panel = await openPanel(b.tabId);
  const text = (sel) => panel.locator(sel).first().innerText();
  const count = (sel) => panel.locator(sel).count();
  await panel.waitForSelector('[data-nsr-section="connections"] svg.nsr-graph--corpus', WAIT);
  await panel.waitForFunction(() => document.querySelectorAll(".nsr-persp__row").length >= 2, null, WAIT);
  const outlets = await panel.locator(".nsr-persp__row .nsr-story__name").allInnerTexts();
  assert.ok(outlets.includes("Harbour Ledger") && outlets.includes("Coast Post"), `outlets: ${outlets}`);
  assert.match(await text(".nsr-persp__row.is-own"), /Coast Post/, "this page's outlet is marked");
  assert.ok((await count(".nsr-persp-claims--all .nsr-persp-claims__item")) >= 1, "claims both outlets carry");
  assert.match(await text(".nsr-persp-sides"), /Unrated · 2 outlets/);
  assert.match(await text('[data-nsr-section="connections"]'), /Robertson et al\. 2018/);

  // Click a node: its articles. The neighbourhood of this article.
  // (Dispatched: with the earlier tests' briefs in the collection, circles may overlap.)
  const node = panel.locator(".nsr-graph--corpus .nsr-graph__node.is-focus").first();
  await node.dispatchEvent("click");
  await panel.waitForSelector(".nsr-node-articles__item", WAIT);
  assert.ok((await count(".nsr-node-articles__item")) >= 1);
  // Each change draws §07 again: mark the old one, wait for the new one.
  const redrawn = async (action) => {
    await panel.evaluate(() => {
      document.querySelector('[data-nsr-section="connections"]').dataset.testStale = "1";
    });
    await action();
    await panel.waitForSelector('[data-nsr-section="connections"]:not([data-test-stale])', WAIT);
  };
  // The narrow panel starts with this article's neighbourhood; the whole collection is a click away.
  assert.ok(await panel.locator('input[data-nsr-scope="article"]').isChecked());
  const near = await count(".nsr-graph--corpus .nsr-graph__node");
  assert.ok((await count(".nsr-graph--corpus .nsr-graph__node.is-focus")) >= 1);
  await redrawn(() => panel.check('input[data-nsr-scope="all"]'));
  assert.ok((await count(".nsr-graph--corpus .nsr-graph__node")) >= near, "the whole collection holds the neighbourhood");
  await redrawn(() => panel.uncheck('[data-nsr-section="connections"] input[data-nsr-type="person"]'));
  assert.equal(await count(".nsr-graph--corpus .nsr-graph__node--person"), 0, "no person once people are filtered out");
  await redrawn(() => panel.check('[data-nsr-section="connections"] input[data-nsr-type="person"]'));
  assert.ok((await count(".nsr-graph--corpus .nsr-graph__node--person")) >= 1);
  await redrawn(() => panel.check('input[data-nsr-scope="article"]'));

  // The collection lives in the extension's IndexedDB.
  const stored = await panel.evaluate(
    () =>
      new Promise((ok, fail) => {
        const req = indexedDB.open("newsar-extension");
        req.onsuccess = () => {
          const tx = req.result.transaction("corpus", "readonly").objectStore("corpus").get("collection");
          tx.onsuccess = () => ok(tx.result ? tx.result.byteLength : 0);
          tx.onerror = () => fail(tx.error);
        };
        req.onerror = () => fail(req.error);
      }),
  );
  assert.ok(stored > 0, "the corpus bytes are saved");

  // Your own ratings: a bad file is refused line by line; a good one re-rates the collection.
  await panel.click("#show-history");
  await panel.setInputFiles("#ratings-file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("domain,label,score\ncoastpost.example,Sideways,\nharbourledger.example,Right,-0.9\n") });
  await panel.waitForFunction(() => /Nothing imported/.test(document.getElementById("ratings-status").textContent), null, WAIT);
  const status = await text("#ratings-status");
  assert.match(status, /line 2: unknown lean label "Sideways"/);
  assert.match(status, /line 3: harbourledger\.example: label "Right" does not match score -0\.9/);
  assert.equal(await sw.evaluate(async () => (await chrome.storage.local.get("leanRatings")).leanRatings), undefined);
  await panel.setInputFiles("#ratings-file", { name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([
    { domain: "harbourledger.example", label: "Center-Left", score: -0.3, source: "test rating" },
    { domain: "https://www.coastpost.example/", label: "Right", source: "test rating" },
  ])) });
  await panel.waitForFunction(() => document.getElementById("ratings-state").dataset.size === "2", null, WAIT);
  assert.match(await text("#ratings-list"), /coastpost\.example: Right \+0\.80 \(test rating\)/);
  const kept = await sw.evaluate(async () => (await chrome.storage.local.get("leanRatings")).leanRatings);
  assert.match(kept, /"format": "newsar-outlet-ratings"/);
  await panel.click("#show-brief");
  await panel.waitForFunction(
    () => Array.from(document.querySelectorAll(".nsr-persp__row .nsr-story__lean"), (c) => c.textContent).sort().join() === "Center-Left,Right",
    null,
    WAIT,
  );
  assert.match(await text('[data-nsr-section="connections"]'), /Lean spread −0\.30 … \+0\.80/);
  // Screenshots for the README: §07's graph, and the perspective table, in the panel.
  await panel.evaluate(() => document.querySelector('[data-nsr-section="connections"]').scrollIntoView({ block: "start" }));
  await panel.screenshot({ path: resolve(OUT, "panel-graph.png") });
  await panel.evaluate(() => document.querySelector(".nsr-story").scrollIntoView({ block: "start" }));
  await panel.screenshot({ path: resolve(OUT, "panel-perspectives.png") });
  await assertInertBrief(panel, "the perspectives in the panel");

  // The next analysis uses them: source.lean in the brief says "user".
  await coast.bringToFront();
  const again = await analyzed(coast);
  assert.equal(again.brief.source.lean.label, "Right");
  assert.equal(again.brief.source.lean.provenance, "user: test rating (score: middle of the label's band)");

  // Removing them: back to the built-in table.
  await panel.click("#show-history");
  await panel.click("#clear-ratings");
  await panel.waitForFunction(() => document.getElementById("ratings-state").dataset.size === "0", null, WAIT);
  assert.equal(await sw.evaluate(async () => (await chrome.storage.local.get("leanRatings")).leanRatings), undefined);

  // Removing a history entry takes its brief out of the collection too.
  await panel.waitForFunction(() => Number(document.getElementById("collection-size").dataset.size) >= 2, null, WAIT);
  const before = Number(await panel.locator("#collection-size").getAttribute("data-size"));
  const item = panel.locator(".history__item", { hasText: "Sea wall repair bill" }).first();
  await item.locator(".history__remove").click();
  await panel.waitForFunction((n) => Number(document.getElementById("collection-size").dataset.size) === n - 1, before, WAIT);
  await panel.close();
  await harbour.close();
  await coast.close();
});

test("transformer models: the reader loads a file from disk in the panel; wrong files are refused; later analyses use it until removed", { timeout: 120_000 }, async () => {
  const speakerFile = join(ROOT, "data/models/speaker_minilm.safetensors");
  assert.ok(existsSync(speakerFile), "the speaker model is in the repository");
  const tagged = (state) => /transformer speaker tagger/.test(state.brief.provenance.claims);
  const page = await openFixture("transit-strike.html?models=1");
  const before = await pressToolbarButton(page);
  assert.equal(before.status, "done", `${before.error} (${before.detail})`);
  assert.ok(!tagged(before), "the rules alone, before any model is loaded");

  const panel = await openPanel(before.tabId);
  await panel.click("#show-history");
  const row = (name) => panel.locator(`#models-list li[data-model="${name}"]`);
  await row("speaker").waitFor(WAIT);
  assert.equal(await row("speaker").getAttribute("data-loaded"), "false");
  assert.match(await row("speaker").innerText(), /Not loaded: the attribution rules alone/);
  const status = () => panel.locator("#models-status").innerText();
  const statusMatches = (re) => panel.waitForFunction((src) => new RegExp(src).test(document.getElementById("models-status").textContent), re.source, WAIT);

  // Not a model, and the wrong model: refused with the engine's reason; nothing is kept.
  await panel.setInputFiles("#model-speaker-file", { name: "notes.safetensors", mimeType: "application/octet-stream", buffer: Buffer.from("not a model at all") });
  await statusMatches(/Nothing loaded/);
  assert.match(await status(), /Nothing loaded\. notes\.safetensors: .*speaker/i);
  await panel.setInputFiles("#model-claims-file", speakerFile);
  await statusMatches(/Nothing loaded/);
  assert.match(await status(), /format "newsar-minilm-speaker-1", expected "newsar-minilm-checkworthy-1"/);
  const records = () => sw.evaluate(async () => chrome.storage.local.get(["model:speaker", "model:claims"]));
  const keptFiles = () =>
    sw.evaluate(
      () =>
        new Promise((ok, no) => {
          const open = indexedDB.open("newsar-models", 1);
          open.onupgradeneeded = () => open.result.createObjectStore("files");
          open.onerror = () => no(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction("files").objectStore("files").getAllKeys();
            req.onsuccess = () => ok(req.result.map(String));
            req.onerror = () => no(req.error);
          };
        }),
    );
  assert.deepEqual(await records(), {});
  assert.deepEqual(await keptFiles(), [], "nothing kept from the refused files");

  // The speaker model: checked, kept, shown with its provenance, used by the next analysis.
  await panel.setInputFiles("#model-speaker-file", speakerFile);
  await panel.waitForSelector('#models-list li[data-model="speaker"][data-loaded="true"]', WAIT);
  assert.match(await status(), /Speaker model: loaded speaker_minilm\.safetensors/);
  assert.match(await row("speaker").innerText(), /Loaded speaker_minilm\.safetensors \(23\.4 MB\)[\s\S]*all-MiniLM-L6-v2/);
  await mkdir(OUT, { recursive: true });
  await panel.locator("section.models").screenshot({ path: resolve(OUT, "panel-models.png") });
  const record = (await records())["model:speaker"];
  assert.deepEqual(Object.keys(await records()), ["model:speaker"]);
  assert.equal(record.size, statSync(speakerFile).size);
  assert.deepEqual(await keptFiles(), [`speaker:${record.stamp}`], "the bytes are kept under the record's stamp");
  await page.bringToFront();
  const withModel = await pressToolbarButton(page);
  assert.equal(withModel.status, "done", `${withModel.error} (${withModel.detail})`);
  assert.ok(tagged(withModel), withModel.brief.provenance.claims);
  assert.ok(withModel.brief.claims.some((c) => c.attribution && c.attribution.speaker), "claims still have their speakers");
  assert.deepEqual(withModel.warnings, []);

  // Loaded again (a new stamp): the file it replaces is pruned.
  await panel.bringToFront();
  await panel.setInputFiles("#model-speaker-file", speakerFile);
  await panel.waitForFunction((old) => /loaded speaker_minilm/.test(document.getElementById("models-status").textContent) && !document.querySelector("#model-speaker-remove").disabled, record.stamp, WAIT);
  const again = (await records())["model:speaker"];
  assert.notEqual(again.stamp, record.stamp);
  assert.deepEqual(await keptFiles(), [`speaker:${again.stamp}`]);

  // Its bytes gone from storage (say, evicted): the analysis runs without it and says so.
  await sw.evaluate(
    () =>
      new Promise((ok, no) => {
        const open = indexedDB.open("newsar-models", 1);
        open.onsuccess = () => {
          const tx = open.result.transaction("files", "readwrite");
          tx.objectStore("files").clear();
          tx.oncomplete = ok;
          tx.onerror = () => no(tx.error);
        };
        open.onerror = () => no(open.error);
      }),
  );
  await page.bringToFront();
  const missing = await pressToolbarButton(page);
  assert.equal(missing.status, "done", `${missing.error} (${missing.detail})`);
  assert.ok(!tagged(missing), "the tagger did not run");
  assert.equal(missing.warnings.length, 1, JSON.stringify(missing.warnings));
  assert.match(missing.warnings[0], /The speaker model was not used: its file is no longer in this browser's storage/);

  // Removed: the record and the kept file go, and the next analysis is the rules' again.
  await panel.bringToFront();
  await panel.click("#model-speaker-remove");
  await panel.waitForSelector('#models-list li[data-model="speaker"][data-loaded="false"]', WAIT);
  assert.match(await status(), /Speaker model removed/);
  assert.deepEqual(await records(), {});
  assert.deepEqual(await keptFiles(), []);
  await page.bringToFront();
  const after = await pressToolbarButton(page);
  assert.equal(after.status, "done", `${after.error} (${after.detail})`);
  assert.ok(!tagged(after), after.brief.provenance.claims);
  assert.deepEqual(after.brief.claims, before.brief.claims, "the same claims as before the model was loaded");
  await panel.close();
  await page.close();
});

test("clear all removes every trace of the overlay from the page", { timeout: 60_000 }, async () => {
  const { page, tabId } = transit;
  await page.bringToFront();
  const snap = await snapshot(tabId);
  await page.mouse.click(snap.controls.clear.x, snap.controls.clear.y);
  await page.waitForFunction(() => document.querySelectorAll("[data-newsar-overlay]").length === 0, null, WAIT);
  assert.deepEqual(await pageHighlights(page), {});
  assert.equal((await snapshot(tabId)).drawn, false);
  // And the button brings it all back.
  const state = await pressToolbarButton(page);
  assert.equal(state.status, "done", `${state.error} (${state.detail})`);
  assert.ok((await pageHighlights(page))["newsar-ent-organization"].includes("Lakeport Transit Workers Union"));
});

test("no request left the browser: only the 127.0.0.1 test origin and the extension's own files", { timeout: 60_000 }, async () => {
  assert.ok(requests.length > 0, "requests were recorded");
  assert.ok(requests.some((u) => u.startsWith(`${origin}/transit-strike.html`)));
  // javascript: and data: "requests" (the hostile fixture's own iframe) never touch the network.
  const foreign = requests.filter(
    (u) => !u.startsWith(`${origin}/`) && !u.startsWith(`chrome-extension://${extId}/`) && !/^(blob:chrome-extension|javascript|data|about):/.test(u),
  );
  assert.deepEqual(foreign, [], "playwright saw no other request");
  assert.deepEqual(pageErrors, [], "no uncaught errors in pages");

  // The NetLog covers everything, extension contexts included. Chromium's own background
  // traffic (update checks and the like) has no initiating origin; everything a page or the
  // extension starts has one, and must stay on 127.0.0.1.
  await context.close();
  context = null;
  const log = JSON.parse(readFileSync(netlog, "utf8"));
  const START = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const started = log.events.filter((e) => e.type === START && e.params && e.params.url);
  const fromContent = started.filter((e) => e.params.initiator && e.params.initiator !== "not an origin");
  assert.ok(started.some((e) => e.params.url.startsWith(`${origin}/`)), "the netlog recorded the test pages");
  // (A javascript: URL in the hostile fixture's own iframe is logged too; it is not a network request.)
  const bad = fromContent.filter((e) => /^(https?|wss?|ftp):/.test(e.params.url) && !new URL(e.params.url).host.startsWith("127.0.0.1:"));
  assert.deepEqual(bad.map((e) => `${e.params.initiator} -> ${e.params.url}`), [], "no page or extension request left 127.0.0.1");
  assert.deepEqual(started.filter((e) => String(e.params.initiator).startsWith("chrome-extension://")).map((e) => e.params.url), [], "the extension made no network request at all");
});
