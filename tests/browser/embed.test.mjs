// Browser test of the <newsar-brief> web component (www/embed/) and its demo page
// (www/embed-demo/): headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against the static server on 127.0.0.1. Needs `make wasm` first (www/pkg/).
//
//   cd tests/browser && node --test --test-concurrency=1 embed.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../www/serve.mjs";
import { CHROMIUM, HEADLESS_ARGS, TONE_LABELS, WAIT } from "./chromium.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const WWW = resolve(ROOT, "www");
const OUT = resolve(HERE, "out");
const HOSTILE = readFileSync(resolve(ROOT, "tests/fixtures/hostile.html"), "utf8");

let server;
let browser;
let context;
let page;
let origin;
const requests = [];
const pageErrors = [];

before(async () => {
  assert.ok(existsSync(resolve(WWW, "pkg/newsar.js")), "www/pkg/newsar.js is missing: run `make wasm` first");
  server = await startServer(WWW, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: HEADLESS_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  context.on("request", (r) => requests.push(r.url()));
  // The hostile fixture, served from the test origin at a path of its own.
  await context.route(`${origin}/embed-test/hostile.html`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: HOSTILE }),
  );
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e && e.stack ? e.stack : e)));
  await page.goto(`${origin}/embed-demo/`);
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Waits until every <newsar-brief> on `p` is done, and returns their states. */
async function settled(p, selector = "newsar-brief") {
  await p.waitForFunction(
    (sel) => {
      const all = document.querySelectorAll(sel);
      return all.length > 0 && Array.from(all).every((e) => ["ready", "error"].includes(e.getAttribute("state")));
    },
    selector,
    WAIT,
  );
  return p.$$eval(selector, (all) => all.map((e) => e.getAttribute("state")));
}

/** Text of the first match of `css` inside the shadow root of the element matching `host`. */
const shadowText = (p, host, css) =>
  p.evaluate(({ host, css }) => document.querySelector(host).shadowRoot.querySelector(css)?.textContent ?? null, { host, css });

test("the embed demo shows a compact brief inside the component's shadow root", async () => {
  assert.deepEqual(await settled(page), ["ready"]);
  const host = "newsar-brief";
  const r = await page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    const q = (css) => root.querySelector(css);
    const field = (name) => q(`.strip__item[data-field="${name}"] .strip__val`)?.textContent;
    return {
      src: field("src"),
      lang: field("lang"),
      words: Number(field("words")),
      date: field("date"),
      summary: q('[data-field="summary"]').textContent,
      tone: q('[data-field="tone"] .score__val').textContent,
      fact: q('[data-field="factuality"] .score__val').textContent,
      claims: Array.from(root.querySelectorAll(".claim"), (c) => c.textContent),
      entities: Array.from(root.querySelectorAll(".entity__name"), (e) => e.textContent),
      keywords: Array.from(root.querySelectorAll(".keyword"), (k) => k.textContent),
      headings: Array.from(root.querySelectorAll("h3"), (h) => h.textContent),
      lightText: document.querySelector(host).textContent.trim(),
      visible: q(".card").getBoundingClientRect().height > 200,
    };
  }, host);
  assert.equal(r.src, "The Riverside Chronicle");
  assert.equal(r.lang, "EN");
  assert.ok(r.words > 150, `word count (${r.words})`);
  assert.equal(r.date, "2026-09-18");
  assert.match(r.summary, /Millbrook Central Library reopened/);
  assert.ok(TONE_LABELS.includes(r.tone), r.tone);
  assert.match(r.fact, /^(Low|Mixed|Factual|High) · \d\.\d\d$/);
  assert.ok(r.claims.length >= 1 && r.claims.length <= 3, `top claims (${r.claims.length})`);
  assert.ok(r.claims.some((c) => /2\.4 million pounds|eleven thousand books|9 p\.m\./.test(c)), r.claims.join(" | "));
  assert.ok(r.entities.length >= 3 && r.entities.length <= 6, `top entities: ${r.entities}`);
  assert.ok(r.entities.some((e) => /Millbrook|Deborah Lindqvist|Kestrel/.test(e)), `entities: ${r.entities}`);
  assert.ok(r.keywords.length >= 1 && r.keywords.length <= 8, `keywords: ${r.keywords}`);
  assert.deepEqual(r.headings, ["Summary", "Top claims", "Who and where", "Keywords"]);
  assert.equal(r.lightText, "", "the brief lives in the shadow root, not in the page");
  assert.ok(r.visible, "the card is laid out");
  assert.equal(await page.evaluate(() => typeof document.querySelector("newsar-brief").brief.article.text), "string");
  assert.equal(await shadowText(page, host, ".brand"), "NEWSAR");

  await mkdir(OUT, { recursive: true });
  await page.screenshot({ path: resolve(OUT, "embed.png"), fullPage: true });
});

test("the brief is themable with CSS custom properties, and has a dark theme", async () => {
  const accent = () =>
    page.evaluate(() => getComputedStyle(document.querySelector("newsar-brief").shadowRoot.querySelector(".card")).borderTopColor);
  const bg = () => page.evaluate(() => getComputedStyle(document.querySelector("newsar-brief").shadowRoot.querySelector(".card")).backgroundColor);
  assert.equal(await accent(), "rgb(11, 83, 148)", "the demo site's --nsr-accent reaches the shadow root");
  await page.evaluate(() => document.querySelector("newsar-brief").style.setProperty("--nsr-accent", "rgb(0, 128, 0)"));
  assert.equal(await accent(), "rgb(0, 128, 0)");
  await page.evaluate(() => document.documentElement.style.setProperty("--nsr-bg", "rgb(1, 2, 3)"));
  assert.equal(await bg(), "rgb(248, 250, 252)", "the nearer declaration (on newsar-brief) wins");
  await page.evaluate(() => document.querySelector("newsar-brief").style.setProperty("--nsr-bg", "rgb(1, 2, 3)"));
  assert.equal(await bg(), "rgb(1, 2, 3)");
  await page.evaluate(() => {
    const e = document.querySelector("newsar-brief");
    e.removeAttribute("style");
    document.documentElement.removeAttribute("style");
  });
  // The dark theme, where the site sets no colour of its own.
  const dark = await page.evaluate(() => {
    const e = document.createElement("newsar-brief");
    e.setAttribute("for", "#article-body");
    e.setAttribute("theme", "dark");
    e.id = "dark";
    e.style.cssText = "--nsr-bg: initial";
    document.querySelector(".sidebar").append(e);
    return new Promise((ok) =>
      e.addEventListener("newsar-brief", () => ok(getComputedStyle(e.shadowRoot.querySelector(".card")).backgroundColor), { once: true }),
    );
  });
  assert.equal(dark, "rgb(22, 23, 26)");
  await page.evaluate(() => document.getElementById("dark").remove());
});

test("the component also wraps an article, honours its counts, and says when it cannot work", async () => {
  const r = await page.evaluate(async () => {
    const wrap = document.createElement("newsar-brief");
    wrap.setAttribute("claims", "1");
    wrap.setAttribute("keywords", "2");
    const article = document.createElement("article");
    const paras = [
      "Harbour pilots in Port Calder will strike for 48 hours from Monday, the Calder Pilots Association said on Friday.",
      "\"We have asked for new boats for five years,\" said Ines Varga, who chairs the association.",
      "The Port Calder Authority said 14 ships a day could be delayed and that it had offered to replace two boats next year.",
    ];
    for (const t of paras) {
      const p = document.createElement("p");
      p.textContent = t;
      article.append(p);
    }
    wrap.append(article);
    document.body.append(wrap);
    const missing = document.createElement("newsar-brief");
    missing.setAttribute("for", "#no-such-article");
    document.body.append(missing);
    const done = (e) =>
      new Promise((ok) => {
        if (["ready", "error"].includes(e.getAttribute("state"))) ok();
        e.addEventListener("newsar-brief", ok, { once: true });
        e.addEventListener("newsar-error", ok, { once: true });
      });
    await Promise.all([done(wrap), done(missing)]);
    const out = {
      wrapState: wrap.getAttribute("state"),
      claims: wrap.shadowRoot.querySelectorAll(".claim").length,
      keywords: wrap.shadowRoot.querySelectorAll(".keyword").length,
      slotted: wrap.shadowRoot.querySelector("slot").assignedElements().map((e) => e.tagName),
      summary: wrap.shadowRoot.querySelector('[data-field="summary"]').textContent,
      missingState: missing.getAttribute("state"),
      missingText: missing.shadowRoot.textContent,
    };
    wrap.remove();
    missing.remove();
    return out;
  });
  assert.equal(r.wrapState, "ready");
  assert.equal(r.claims, 1);
  assert.equal(r.keywords, 2);
  assert.deepEqual(r.slotted, ["ARTICLE"], "the wrapped article is still shown");
  assert.match(r.summary, /Calder/);
  assert.equal(r.missingState, "error");
  assert.match(r.missingText, /no element matches for="#no-such-article"/);
});

test("the models attribute opts in to the transformer speaker model, fetched from the package's origin", async () => {
  const modelPresent = existsSync(resolve(WWW, "pkg/speaker_minilm.safetensors"));
  const r = await page.evaluate(async () => {
    const make = (models) => {
      const wrap = document.createElement("newsar-brief");
      if (models !== null) wrap.setAttribute("models", models);
      const article = document.createElement("article");
      const p = document.createElement("p");
      p.textContent = "The Port Calder Authority said 14 ships a day could be delayed, and the pilots' union said the strike would go ahead.";
      article.append(p);
      wrap.append(article);
      return wrap;
    };
    const done = (e) =>
      new Promise((ok) => {
        e.addEventListener("newsar-brief", ok, { once: true });
        e.addEventListener("newsar-error", ok, { once: true });
      });
    const out = {};
    for (const [key, models] of [["speaker", "speaker"], ["bogus", "bogus"], ["plain", null]]) {
      const e = make(models);
      const finished = done(e);
      document.body.append(e);
      await finished;
      out[key] = { state: e.getAttribute("state"), method: e.brief?.provenance?.claims ?? null, text: e.shadowRoot.textContent };
      e.remove();
    }
    return out;
  });
  if (modelPresent) {
    assert.equal(r.speaker.state, "ready", r.speaker.text);
    assert.match(r.speaker.method, /revised by a transformer speaker tagger/);
    assert.ok(requests.some((u) => u === `${origin}/pkg/speaker_minilm.safetensors`), "fetched from the origin");
  } else {
    assert.equal(r.speaker.state, "error");
    assert.match(r.speaker.text, /not deployed next to the engine/);
  }
  assert.equal(r.bogus.state, "error");
  assert.match(r.bogus.text, /unknown model "bogus"/);
  assert.equal(r.plain.state, "ready");
  assert.doesNotMatch(r.plain.method, /speaker tagger/, "without the attribute the rules alone attribute");
});

test("a hostile article: nothing from it runs, nothing is injected, the payloads stay text", async () => {
  const p = await context.newPage();
  p.on("pageerror", () => {}); // the fixture's own scripts may throw; they are not under test
  await p.goto(`${origin}/embed-test/hostile.html`);
  // The page's own scripts ran when it loaded; from now on nothing may set window.__pwned.
  await p.evaluate(() => delete window.__pwned);
  const before = await p.evaluate(() => Array.from(document.querySelectorAll("*"), (e) => e.tagName).join(","));
  const since = requests.length;
  await p.evaluate(async () => {
    await import("/embed/newsar-brief.js");
    const e = document.createElement("newsar-brief");
    e.setAttribute("for", "article");
    document.body.append(e);
  });
  assert.deepEqual(await settled(p), ["ready"]);
  await p.evaluate(() => {
    const root = document.querySelector("newsar-brief").shadowRoot;
    for (const el of root.querySelectorAll("*")) {
      for (const type of ["mouseover", "mouseenter", "click", "focus"]) el.dispatchEvent(new Event(type, { bubbles: true }));
    }
  });
  const report = await p.evaluate(() => {
    const root = document.querySelector("newsar-brief").shadowRoot;
    const handlers = [];
    for (const el of root.querySelectorAll("*")) for (const a of el.attributes) if (/^on|^(href|src|srcdoc)$/i.test(a.name)) handlers.push(`${el.tagName}[${a.name}]`);
    return {
      pwned: typeof window.__pwned,
      bad: Array.from(root.querySelectorAll("img, script, iframe, object, embed, link, style, meta, base, form, svg, a"), (e) => e.tagName),
      handlers,
      text: root.textContent,
      brief: document.querySelector("newsar-brief").brief.article.text,
    };
  });
  assert.equal(report.pwned, "undefined", "window.__pwned stays undefined");
  assert.deepEqual(report.bad, [], "no markup in the shadow root");
  assert.deepEqual(report.handlers, []);
  assert.ok(report.brief.includes('<img src=x onerror="window.__pwned=1">'), "the payload reached the analyzer as text");
  assert.match(report.text, /Eastvale/);
  const afterTags = await p.evaluate(() => Array.from(document.querySelectorAll("*"), (e) => e.tagName).join(","));
  assert.equal(afterTags, `${before},NEWSAR-BRIEF`, "only the component itself was added to the page");
  const fetched = requests.slice(since);
  assert.ok(!fetched.some((u) => new URL(u).pathname === "/x"), `the inert copy loaded nothing: ${fetched}`);
  await p.close();
});

test("the embed stays on its own origin and logs no errors", () => {
  assert.ok(requests.some((u) => u.endsWith("/pkg/newsar_bg.wasm")), "the wasm module was loaded from the origin");
  assert.ok(requests.some((u) => u.endsWith("/embed/worker.js")), "the worker was loaded from the origin");
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(javascript|data|about|blob):/.test(u));
  assert.deepEqual(foreign, [], "no request leaves the test origin");
  assert.deepEqual(pageErrors, [], "no uncaught errors on the demo page");
});
