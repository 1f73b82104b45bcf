// <newsar-brief>: a NEWSAR brief next to a site's own article, as a web component.
//
//   <script type="module" src="/newsar/embed/newsar-brief.js"></script>
//   <newsar-brief for="#article-body"></newsar-brief>          <!-- the article is elsewhere -->
//   <newsar-brief><article>…</article></newsar-brief>           <!-- or the element wraps it -->
//
// The element reads the referenced article (or its own content), builds a small HTML document from
// it plus the page's title and metadata (og:*, article:*, author, canonical, JSON-LD) in an inert
// document, and has it analyzed by the NEWSAR WebAssembly core in a Worker (./worker.js, which
// loads ../pkg/newsar.js): the page never blocks, and nothing is sent anywhere. The compact brief
// (header strip, summary, tone and factuality, top claims, top entities, keywords) is drawn in the
// element's shadow root, so the site's CSS cannot break it.
//
// Files to deploy, same origin as the page (Workers must be same-origin):
//   embed/newsar-brief.js  embed/worker.js  shared/worker-client.js  shared/transformer-models.js  shared/model-fetch.js
//   pkg/newsar.js  pkg/newsar_bg.wasm
//   and, only for the models attribute, pkg/claims_minilm.safetensors / pkg/speaker_minilm.safetensors
//
// Attributes: for (a CSS selector), claims / entities / keywords (how many to show: 3 / 6 / 8),
//   theme="dark", url (the article's URL, else the canonical link or the page's URL),
//   models (opt-in, space-separated: "claims" scores check-worthiness with the transformer model,
//   "speaker" lets the transformer speaker tagger revise the attributions; each is a 23 MB file
//   fetched once from the package's own folder, and makes an analysis take seconds).
// Theming: the --nsr-* custom properties of the shared brief (set them on newsar-brief or any
//   ancestor): --nsr-bg --nsr-fg --nsr-muted --nsr-rule --nsr-accent --nsr-panel --nsr-font
//   --nsr-font-ui --nsr-radius --nsr-person --nsr-organization --nsr-location --nsr-event
//   --nsr-misc; ::part(card) styles the box itself.
// State: the `state` attribute is "loading", "ready" or "error"; `element.brief` is the brief; a
//   "newsar-brief" event (detail {brief, ms}) or "newsar-error" event (detail {message}) follows
//   each analysis; element.refresh() analyzes again.
//
// SECURITY. The article's text reaches the shadow root only as text nodes (textContent); the
// article markup is only ever copied into an inert document (no scripts run, nothing loads there)
// to be serialized for the analyzer.

import { createWorkerClient } from "../shared/worker-client.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);
const TIMEOUT_MS = 60_000;
// With transformer models an article takes seconds (about 0.15 s a sentence each), plus the download.
const MODELS_TIMEOUT_MS = 300_000;
const ENTITY_TYPES = ["person", "organization", "location", "event", "misc"];
const ENTITY_NAMES = { person: "Person", organization: "Organization", location: "Location", event: "Event", misc: "Other" };
const CLAIM_TYPES = ["factual", "statistic", "quote", "opinion", "prediction"];
const TONES = ["Calm", "Measured", "Neutral", "Concerned", "Alarmist"];
const FACT_LABELS = ["Low", "Mixed", "Factual", "High"];
const METADATA = [
  'meta[property^="og:"]',
  'meta[property^="article:"]',
  'meta[name="author"]',
  'meta[name="description"]',
  'meta[name="date"]',
  'meta[name^="dc." i]',
  'meta[itemprop]',
  'link[rel="canonical"]',
  'script[type="application/ld+json"]',
].join(", ");

// ---------------------------------------------------------------- the shared worker

const client = createWorkerClient(WORKER_URL, { timeoutMs: TIMEOUT_MS });

function analyze(kind, input, options, models) {
  return client.request({ kind, input, options, models }, { timeoutMs: models.length ? MODELS_TIMEOUT_MS : TIMEOUT_MS });
}

// ---------------------------------------------------------------- helpers

const str = (x) => (typeof x === "string" ? x : x === null || x === undefined ? "" : String(x));
const arr = (x) => (Array.isArray(x) ? x : []);
const num = (x, d = 0) => (Number.isFinite(Number(x)) ? Number(x) : d);
const clamp01 = (x) => Math.min(1, Math.max(0, num(x)));
const oneOf = (v, list, d) => (list.includes(v) ? v : d);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function httpUrl(u) {
  try {
    const url = new URL(u, document.baseURI);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function bar(value) {
  const track = el("span", "bar");
  const fill = el("span", "bar__fill");
  fill.style.width = `${(clamp01(value) * 100).toFixed(1)}%`;
  track.append(fill);
  track.setAttribute("aria-hidden", "true");
  return track;
}

// ---------------------------------------------------------------- styles

const CSS_TEXT = `
:host {
  --_bg: var(--nsr-bg, #fbf9f4);
  --_fg: var(--nsr-fg, #1c1b19);
  --_muted: var(--nsr-muted, #6d675d);
  --_rule: var(--nsr-rule, #d9d2c3);
  --_accent: var(--nsr-accent, #b3261e);
  --_panel: var(--nsr-panel, #f2eee5);
  --_font: var(--nsr-font, Charter, "Iowan Old Style", Cambria, Georgia, "Liberation Serif", "DejaVu Serif", serif);
  --_font-ui: var(--nsr-font-ui, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif);
  --_radius: var(--nsr-radius, 4px);
  --_person: var(--nsr-person, #2c5fa8);
  --_organization: var(--nsr-organization, #a86a12);
  --_location: var(--nsr-location, #2d7a4c);
  --_event: var(--nsr-event, #8a3ca4);
  --_misc: var(--nsr-misc, #6b6b6b);
  display: block;
  contain: content;
}
:host([hidden]) { display: none; }
:host([theme="dark"]) {
  --_bg: var(--nsr-bg, #16171a); --_fg: var(--nsr-fg, #e9e6df); --_muted: var(--nsr-muted, #9d978b);
  --_rule: var(--nsr-rule, #37383c); --_accent: var(--nsr-accent, #ef6b5f); --_panel: var(--nsr-panel, #1f2024);
  --_person: var(--nsr-person, #78a6ea); --_organization: var(--nsr-organization, #e0a84f);
  --_location: var(--nsr-location, #6cc08d); --_event: var(--nsr-event, #c68ae0); --_misc: var(--nsr-misc, #a5a5a5);
}
* { box-sizing: border-box; }
.card { background: var(--_bg); color: var(--_fg); font: 15px/1.5 var(--_font); border: 1px solid var(--_rule);
        border-top: 3px solid var(--_accent); border-radius: var(--_radius); overflow: hidden; }
.strip { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 12px; padding: 8px 14px; background: var(--_fg);
         color: var(--_bg); font: 11px/1.4 var(--_font-ui); letter-spacing: .04em; }
.brand { font-weight: 800; letter-spacing: .14em; margin-right: 4px; }
.brand__dot { display: inline-block; width: 6px; height: 6px; margin-left: 3px; background: var(--_accent); }
.strip__item { white-space: nowrap; }
.strip__key { opacity: .65; margin-right: 4px; text-transform: uppercase; }
.strip__val { font-weight: 600; }
.body { padding: 12px 14px 14px; }
h2 { font: 700 17px/1.25 var(--_font); margin: 0 0 8px; }
h3 { font: 700 10.5px/1.2 var(--_font-ui); letter-spacing: .12em; text-transform: uppercase; color: var(--_accent);
     margin: 14px 0 6px; padding-top: 10px; border-top: 1px solid var(--_rule); }
.body > h3:first-child { margin-top: 0; padding-top: 0; border-top: 0; }
p { margin: 0; }
.summary { font-size: 15px; }
.scores { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-top: 12px; }
.score { background: var(--_panel); border-radius: var(--_radius); padding: 8px 10px; font-family: var(--_font-ui); }
.score__key { display: block; font-size: 10px; letter-spacing: .1em; text-transform: uppercase; color: var(--_muted); }
.score__val { display: block; font-size: 15px; font-weight: 700; margin: 2px 0 5px; }
.steps { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2px; }
.steps > span { height: 5px; background: var(--_rule); border-radius: 1px; }
.steps > span.is-on { background: var(--_accent); }
.bar { display: block; height: 5px; background: var(--_rule); border-radius: 1px; overflow: hidden; }
.bar__fill { display: block; height: 100%; background: var(--_accent); }
.lean { grid-column: 1 / -1; font: 12px var(--_font-ui); color: var(--_muted); }
ol, ul { list-style: none; margin: 0; padding: 0; }
.claim { padding: 6px 0; font-size: 14px; }
.claim + .claim { border-top: 1px dotted var(--_rule); }
.claim__type { display: inline-block; font: 600 10px/1.6 var(--_font-ui); letter-spacing: .06em; text-transform: uppercase;
               padding: 0 6px; margin-right: 6px; border-radius: 8px; background: var(--_panel); color: var(--_muted); }
.claim__who { display: block; font: 12px var(--_font-ui); color: var(--_muted); margin-top: 2px; }
.chips { display: flex; flex-wrap: wrap; gap: 5px; }
.entity { display: inline-flex; align-items: center; gap: 5px; font: 13px/1.3 var(--_font-ui); padding: 3px 8px;
          border-radius: 12px; background: var(--_panel); border-left: 3px solid var(--_misc); }
.entity--person { border-left-color: var(--_person); } .entity--organization { border-left-color: var(--_organization); }
.entity--location { border-left-color: var(--_location); } .entity--event { border-left-color: var(--_event); }
.entity__type { font-size: 10px; color: var(--_muted); text-transform: uppercase; letter-spacing: .06em; }
.keyword { font: 12.5px var(--_font-ui); padding: 2px 8px; border: 1px solid var(--_rule); border-radius: 12px; }
.foot { margin-top: 12px; font: 11px/1.4 var(--_font-ui); color: var(--_muted); }
.status { padding: 14px; font: 13px var(--_font-ui); color: var(--_muted); }
.status--error { color: var(--_accent); }
.status--loading::before { content: ""; display: inline-block; width: 9px; height: 9px; margin-right: 7px; border-radius: 50%;
  border: 2px solid var(--_rule); border-top-color: var(--_accent); animation: spin .8s linear infinite; vertical-align: -1px; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .status--loading::before { animation: none; } }
`;

let sheet = null;
function adoptStyles(root) {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
    try {
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(CSS_TEXT);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // fall through to a <style> element
    }
  }
  root.append(el("style", null, CSS_TEXT));
}

// ---------------------------------------------------------------- the compact brief

function stripItem(key, value, field) {
  const item = el("span", "strip__item");
  item.dataset.field = field;
  item.append(el("span", "strip__key", key), el("span", "strip__val", value));
  return item;
}

function renderCompact(brief, { claims: maxClaims, entities: maxEntities, keywords: maxKeywords }) {
  const article = brief.article || {};
  const stats = brief.stats || {};
  const card = el("section", "card");
  card.setAttribute("part", "card");
  card.setAttribute("aria-label", "NEWSAR brief of this article");
  card.dataset.briefId = str(brief.id);

  // Header strip.
  const strip = el("header", "strip");
  const brand = el("span", "brand", "NEWSAR");
  brand.append(el("span", "brand__dot"));
  strip.append(brand);
  const source = str(brief.source && brief.source.name) || str(article.site_name);
  if (source) strip.append(stripItem("Src", source, "src"));
  strip.append(stripItem("Lang", str(brief.language && brief.language.code).toUpperCase() || "?", "lang"));
  strip.append(stripItem("Words", String(num(stats.words)), "words"));
  strip.append(stripItem("Read", `${Math.max(1, Math.round(num(stats.reading_minutes, 1)))} min`, "read"));
  const date = /^\d{4}-\d{2}-\d{2}/.exec(str(article.published));
  strip.append(stripItem("Date", date ? date[0] : "undated", "date"));
  card.append(strip);

  const body = el("div", "body");
  card.append(body);

  // Summary.
  body.append(el("h3", null, "Summary"));
  const summary = el("p", "summary", str(brief.summary && brief.summary.text) || "No summary could be made.");
  summary.dataset.field = "summary";
  body.append(summary);

  // Tone and factuality.
  const scores = el("div", "scores");
  const tone = brief.tone || {};
  const toneLabel = oneOf(tone.label, TONES, "Neutral");
  const toneBox = el("div", "score");
  toneBox.dataset.field = "tone";
  const steps = el("span", "steps");
  steps.setAttribute("aria-hidden", "true");
  TONES.forEach((t, i) => {
    const s = el("span", i <= TONES.indexOf(toneLabel) ? "is-on" : "");
    steps.append(s);
  });
  toneBox.append(el("span", "score__key", "Tone"), el("span", "score__val", toneLabel), steps);
  const fact = brief.factuality || {};
  const factBox = el("div", "score");
  factBox.dataset.field = "factuality";
  factBox.append(
    el("span", "score__key", "Factuality"),
    el("span", "score__val", `${oneOf(fact.label, FACT_LABELS, "—")} · ${num(fact.score).toFixed(2)}`),
    bar(fact.score),
  );
  scores.append(toneBox, factBox);
  const lean = brief.source && brief.source.lean;
  if (lean && lean.label) scores.append(el("p", "lean", `Outlet lean: ${str(lean.label)}`));
  body.append(scores);

  // Top claims, by check-worthiness.
  const claims = arr(brief.claims)
    .filter((c) => c && typeof c.text === "string")
    .sort((a, b) => num(b.checkworthiness) - num(a.checkworthiness))
    .slice(0, maxClaims);
  body.append(el("h3", null, "Top claims"));
  if (claims.length === 0) body.append(el("p", "claim", "No check-worthy claims found."));
  else {
    const list = el("ol", "claims");
    for (const c of claims) {
      const li = el("li", "claim");
      li.append(el("span", "claim__type", oneOf(c.type, CLAIM_TYPES, "factual")), document.createTextNode(str(c.text)));
      const who = c.attribution && c.attribution.speaker ? str(c.attribution.speaker) : "unattributed";
      li.append(el("span", "claim__who", `${who} · check-worthiness ${num(c.checkworthiness).toFixed(2)}`));
      list.append(li);
    }
    body.append(list);
  }

  // Top entities, by salience.
  const entities = arr(brief.entities)
    .filter((e) => e && typeof e.name === "string")
    .sort((a, b) => num(b.salience) - num(a.salience))
    .slice(0, maxEntities);
  body.append(el("h3", null, "Who and where"));
  const chips = el("ul", "chips");
  for (const e of entities) {
    const type = oneOf(e.type, ENTITY_TYPES, "misc");
    const li = el("li", `entity entity--${type}`);
    li.title = `${ENTITY_NAMES[type]} · ${num(e.count, arr(e.mentions).length)} mentions · salience ${num(e.salience).toFixed(2)}`;
    li.append(el("span", "entity__name", str(e.name)), el("span", "entity__type", ENTITY_NAMES[type]));
    chips.append(li);
  }
  if (entities.length === 0) chips.append(el("li", "keyword", "none found"));
  body.append(chips);

  // Keywords.
  const keywords = arr(brief.keywords).filter((k) => k && typeof k.term === "string").slice(0, maxKeywords);
  body.append(el("h3", null, "Keywords"));
  const kw = el("ul", "chips");
  for (const k of keywords) kw.append(el("li", "keyword", str(k.term)));
  if (keywords.length === 0) kw.append(el("li", "keyword", "none found"));
  body.append(kw);

  body.append(
    el(
      "p",
      "foot",
      `Computed in your browser by NEWSAR ${str(brief.newsar_version)} (rules, lexicons and small statistical models). An aid to reading, not a verdict.`,
    ),
  );
  return card;
}

// ---------------------------------------------------------------- the element

function count(attr, fallback) {
  const n = Number.parseInt(attr ?? "", 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 50) : fallback;
}

export class NewsarBriefElement extends HTMLElement {
  static observedAttributes = ["for", "claims", "entities", "keywords", "models"];

  #root;
  #view;
  #run = 0;
  #scheduled = false;
  brief = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    adoptStyles(this.#root);
    this.#view = el("div", "view");
    this.#view.setAttribute("aria-live", "polite");
    // Wrapping form: the article stays in the light DOM, shown through the slot, brief after it.
    this.#root.append(el("slot"), this.#view);
  }

  connectedCallback() {
    this.#schedule();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  /** Analyzes the article again (after the site changed it, for instance). */
  refresh() {
    return this.#analyze();
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const go = () => {
      this.#scheduled = false;
      this.#analyze();
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go, { once: true });
    else queueMicrotask(go);
  }

  /** The article element: the `for` target, or this element itself (wrapping form). */
  #target() {
    const selector = this.getAttribute("for");
    if (!selector) return this;
    try {
      return document.querySelector(selector);
    } catch {
      return null;
    }
  }

  /** A small, inert HTML document: the page's metadata and the article, serialized. */
  #documentFor(target) {
    const doc = document.implementation.createHTMLDocument(document.title);
    if (document.documentElement.lang) doc.documentElement.lang = document.documentElement.lang;
    for (const node of document.head ? document.head.querySelectorAll(METADATA) : []) {
      doc.head.append(doc.importNode(node, true));
    }
    const article = doc.createElement("article");
    if (target === this) for (const child of this.childNodes) article.append(doc.importNode(child, true));
    else article.append(doc.importNode(target, true));
    for (const own of article.querySelectorAll("newsar-brief")) own.remove();
    doc.body.append(article);
    return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
  }

  #status(text, kind) {
    const p = el("p", `status status--${kind}`, text);
    p.setAttribute("part", "status");
    this.#view.replaceChildren(p);
  }

  async #analyze() {
    const run = ++this.#run;
    const target = this.#target();
    if (!target) {
      this.#fail(run, `no element matches for="${this.getAttribute("for")}"`);
      return;
    }
    this.setAttribute("state", "loading");
    this.#status("Analyzing this article…", "loading");
    const options = { now: today() };
    const url = httpUrl(this.getAttribute("url") || "") ||
      httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute("href") || "") ||
      httpUrl(location.href);
    if (url) options.url = url;
    const models = [...new Set((this.getAttribute("models") || "").split(/\s+/).filter(Boolean))];
    try {
      let reply;
      try {
        reply = await analyze("html", this.#documentFor(target), options, models);
      } catch (e) {
        // Markup the extractor cannot read as an article: the element's text, with the page title.
        const text = str(target === this ? this.innerText : target.innerText).trim();
        if (!text) throw e;
        reply = await analyze("text", text, { ...options, title: document.title }, models);
      }
      if (run !== this.#run) return;
      this.brief = reply.brief;
      this.#view.replaceChildren(
        renderCompact(reply.brief, {
          claims: count(this.getAttribute("claims"), 3),
          entities: count(this.getAttribute("entities"), 6),
          keywords: count(this.getAttribute("keywords"), 8),
        }),
      );
      this.setAttribute("state", "ready");
      this.dispatchEvent(new CustomEvent("newsar-brief", { detail: { brief: reply.brief, ms: reply.ms }, bubbles: true, composed: true }));
    } catch (e) {
      this.#fail(run, e && e.message ? e.message : String(e));
    }
  }

  #fail(run, message) {
    if (run !== this.#run) return;
    this.brief = null;
    this.#status(`NEWSAR could not analyze this article: ${message}`, "error");
    this.setAttribute("state", "error");
    this.dispatchEvent(new CustomEvent("newsar-error", { detail: { message }, bubbles: true, composed: true }));
  }
}

if (!customElements.get("newsar-brief")) customElements.define("newsar-brief", NewsarBriefElement);
