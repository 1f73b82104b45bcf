// NEWSAR brief renderer: draws a brief (the object analyzeHtml / analyzeText return) as a
// newspaper-style "intelligence brief". Shared by the demo page, the extension and the embed.
//
//   import { renderBrief } from "../shared/render.js";
//   renderBrief(container, brief, { onEntityClick(entity) { … }, connections });
//   updateConnections(root, connections);   // redraw §07 only (e.g. after a graph re-query)
//
// `connections` (optional; the local collection of the demo and the extension): {size, key, graph,
// story, types, scope, onTypesChange(types), onScopeChange("all" | "article"), onNodeClick(node)
// → Promise<articles>}. With size >= 2 and a graph ({nodes, edges} from Corpus.graph or
// Corpus.neighbourhood), §07 draws that graph (nodes are buttons: a click lists the entity's
// articles, from onNodeClick), a type filter, the scope switch, and the current article's story
// (Corpus.storyOf) with its perspectives: every outlet's lean, tone, framing and factuality side by
// side, lean spread, blindspot, claims all outlets carry vs only some, entities per side.
// Otherwise §07 keeps its placeholder.
//
// Styling lives in brief.css (class names prefixed `nsr-`, themable through --nsr-* custom
// properties). The renderer does not depend on any page around it.
//
// SECURITY. Everything in a brief comes from an untrusted page. It only ever reaches the DOM as
// text nodes (textContent / createTextNode) or through setAttribute on inert attributes (class,
// title, data-*, aria-*). No innerHTML, no HTML strings, no inline handlers; class names taken from
// data are checked against fixed lists; links only for http(s) URLs.
//
// Offsets: every start/end in a brief is a UTF-16 offset into brief.article.text, so
// text.slice(start, end) is the span.

const ENTITY_TYPES = ["person", "organization", "location", "event", "misc"];
const ENTITY_TYPE_NAMES = {
  person: "Person",
  organization: "Organization",
  location: "Location",
  event: "Event",
  misc: "Other",
};
const CLAIM_TYPES = ["factual", "statistic", "quote", "opinion", "prediction"];
const SOURCE_KINDS = ["person", "organization", "document", "link", "anonymous", "other"];
const PARAGRAPH_KINDS = ["paragraph", "heading", "list_item", "quote", "preformatted"];
const PARAGRAPH_TAGS = { paragraph: "p", heading: "h3", list_item: "li", quote: "blockquote", preformatted: "pre" };
const SVG_NS = "http://www.w3.org/2000/svg";
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

// ---------------------------------------------------------------- small DOM helpers

/** Creates an element with a class list and optional text (always as a text node). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Appends children (nodes or strings, strings as text nodes), skipping null/undefined. */
function add(parent, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return parent;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** A value from a fixed list, else the fallback: the only way data reaches a class name. */
function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

function num(x, fallback = 0) {
  const n = Number(x);
  return Number.isFinite(n) ? n : fallback;
}

const clamp01 = (x) => Math.min(1, Math.max(0, num(x)));
const fixed2 = (x) => num(x).toFixed(2);
const pad2 = (n) => String(n).padStart(2, "0");
const signed = (x, digits = 3) => {
  const n = num(x);
  const s = Math.abs(n).toFixed(digits);
  return n > 0 ? `+${s}` : n < 0 ? `\u2212${s}` : s;
};
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const str = (x) => (typeof x === "string" ? x : x === null || x === undefined ? "" : String(x));
const arr = (x) => (Array.isArray(x) ? x : []);
const cap = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** Only absolute http(s) URLs become links. */
function safeHttpUrl(url) {
  if (typeof url !== "string") return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "rules: hand-weighted …" → "rules"; the short method name before the colon. */
function methodOf(provenance) {
  const s = str(provenance).trim();
  if (!s) return "";
  const head = s.split(":")[0].trim();
  return head.length <= 40 ? head : `${head.slice(0, 38)}…`;
}

/**
 * Splits an ISO date or date-time into display parts: {day: "SAT", date: "2026-03-14",
 * time: "09:30 GMT" | "09:30" | ""}. Null when it is not a date.
 */
function dateParts(iso) {
  const s = str(iso).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (!m) return s ? { day: "", date: s, time: "" } : null;
  const [, y, mo, d, hh, mm, zone] = m;
  if (hh !== undefined && zone) {
    const t = new Date(s);
    if (!Number.isNaN(t.getTime())) {
      return {
        day: WEEKDAYS[t.getUTCDay()],
        date: `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`,
        time: `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())} GMT`,
      };
    }
  }
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  return {
    day: Number.isNaN(day.getTime()) ? "" : WEEKDAYS[day.getUTCDay()],
    date: `${y}-${mo}-${d}`,
    time: hh !== undefined ? `${hh}:${mm}` : "",
  };
}

function joinDate(parts, sep = " \u00b7 ") {
  if (!parts) return "";
  return [parts.day, parts.date, parts.time].filter(Boolean).join(sep);
}

/** A 0…1 bar: a track with a filled part, the value carried by a CSS width. */
function bar(value, className = "") {
  const track = el("span", `nsr-bar ${className}`.trim());
  const fill = el("span", "nsr-bar__fill");
  fill.style.width = `${(clamp01(value) * 100).toFixed(1)}%`;
  track.append(fill);
  track.setAttribute("aria-hidden", "true");
  return track;
}

/** A horizontal gauge with end labels and a marker at `value` (0…1). */
function gauge(value, labels, className, ariaLabel) {
  const wrap = el("div", `nsr-gauge ${className}`);
  const track = el("div", "nsr-gauge__track");
  const marker = el("span", "nsr-gauge__marker");
  marker.style.left = `${(clamp01(value) * 100).toFixed(1)}%`;
  track.append(marker);
  track.setAttribute("role", "img");
  track.setAttribute("aria-label", ariaLabel);
  const scale = el("div", "nsr-gauge__scale");
  for (const label of labels) scale.append(el("span", "", label));
  wrap.append(track, scale);
  return wrap;
}

function chip(text, className, title) {
  const c = el("span", `nsr-chip ${className}`.trim(), text);
  if (title) c.setAttribute("title", title);
  return c;
}

function provLabel(provenance, prefix = "Method") {
  const method = methodOf(provenance);
  if (!method) return null;
  const label = el("span", "nsr-prov", `${prefix} \u00b7 ${method}`);
  label.setAttribute("title", str(provenance));
  return label;
}

// ---------------------------------------------------------------- text spans

/** Clamps a span to [0, text.length]; null when empty. */
function span(start, end, length) {
  const s = Math.max(0, Math.min(length, Math.trunc(num(start, -1))));
  const e = Math.max(0, Math.min(length, Math.trunc(num(end, -1))));
  return e > s ? { start: s, end: e } : null;
}

function sliceOf(text, start, end) {
  const sp = span(start, end, text.length);
  return sp ? text.slice(sp.start, sp.end) : "";
}

/** Keeps a set of sorted spans non-overlapping: a span that starts inside the previous is cut. */
function disjoint(spans) {
  const sorted = spans
    .filter(Boolean)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let last = -1;
  for (const s of sorted) {
    const start = Math.max(s.start, last);
    if (start >= s.end) continue;
    out.push({ ...s, start });
    last = s.end;
  }
  return out;
}

// ---------------------------------------------------------------- the renderer

/**
 * Draws every section of `brief` into `container` (its previous content is replaced).
 * `onEntityClick(entity)` is called when the reader picks an entity, in the list or in the text.
 * Returns the root element.
 */
export function renderBrief(container, brief, { onEntityClick, connections } = {}) {
  if (!container || typeof container.replaceChildren !== "function") {
    throw new TypeError("renderBrief: container must be a DOM element");
  }
  if (!brief || typeof brief !== "object") {
    throw new TypeError("renderBrief: brief must be an object");
  }
  const ctx = makeContext(brief, onEntityClick);
  ctx.connections = connections && typeof connections === "object" ? connections : null;

  const root = el("article", "nsr-brief");
  root.setAttribute("lang", "en");
  root.dataset.nsrBrief = str(brief.id);
  ctx.root = root;

  add(
    root,
    renderStrip(ctx),
    renderHead(ctx),
    renderTiles(ctx),
    renderSummary(ctx),
    renderAnalysis(ctx),
    renderClaims(ctx),
    renderReport(ctx),
    renderEntities(ctx),
    renderKeywords(ctx),
    renderConnections(ctx),
    renderFooter(ctx),
  );

  root.addEventListener("click", (event) => onClick(ctx, event));
  CONTEXTS.set(root, ctx);
  container.replaceChildren(root);
  return root;
}

const CONTEXTS = new WeakMap(); // root element -> its render context

/**
 * Redraws §07 of a brief drawn by renderBrief (`root` is what renderBrief returned, or the
 * container holding it) with new `connections`; returns false when there is no such brief.
 */
export function updateConnections(root, connections) {
  const r = root && !CONTEXTS.has(root) && typeof root.querySelector === "function" ? root.querySelector(".nsr-brief") : root;
  const ctx = r ? CONTEXTS.get(r) : null;
  if (!ctx) return false;
  ctx.connections = connections && typeof connections === "object" ? connections : null;
  const old = r.querySelector('[data-nsr-section="connections"]');
  if (!old) return false;
  old.replaceWith(renderConnections(ctx));
  return true;
}

function makeContext(brief, onEntityClick) {
  const article = brief.article || {};
  const text = str(article.text);
  const entities = arr(brief.entities);
  const byId = new Map();
  for (const e of entities) if (e && typeof e.id === "string") byId.set(e.id, e);
  return {
    brief,
    article,
    text,
    entities,
    byId,
    claims: arr(brief.claims),
    stats: brief.stats || {},
    prov: brief.provenance || {},
    onEntityClick: typeof onEntityClick === "function" ? onEntityClick : null,
    focused: null,
    focusPanel: null,
    root: null,
  };
}

// ---- header strip: SRC · LANG · LEAN · WORDS · ENT · date · BRIEF

function renderStrip(ctx) {
  const { brief, stats } = ctx;
  const source = brief.source || {};
  const lang = brief.language || {};
  const lean = source.lean;
  const strip = el("div", "nsr-strip");
  strip.setAttribute("role", "group");
  strip.setAttribute("aria-label", "Brief header");

  const item = (field, key, value, title) => {
    const it = el("span", "nsr-strip__item");
    it.dataset.nsrField = field;
    if (key) it.append(el("span", "nsr-strip__key", key));
    it.append(el("span", "nsr-strip__val", value));
    if (title) it.setAttribute("title", title);
    strip.append(it);
    return it;
  };

  item("src", "SRC", str(source.name) || str(source.domain) || "Unknown source",
    source.domain ? `Domain: ${source.domain}` : "");
  item("lang", "LANG", (str(lang.code) || "und").toUpperCase(),
    `${str(lang.name) || "Undetermined"} \u00b7 confidence ${fixed2(lang.confidence)}`);
  if (lean && typeof lean === "object") {
    const it = item("lean", "LEAN", str(lean.label) || "Unrated",
      `Political lean ${signed(lean.score, 2)} on \u22121 (left) \u2026 +1 (right). Rating: ${str(lean.provenance) || "outlet table"}`);
    it.append(el("span", "nsr-strip__sub", signed(lean.score, 2)));
  } else {
    item("lean", "LEAN", "Unrated",
      `No lean rating: this outlet is not in the outlet table. ${methodOf(ctx.prov.source) ? `Source: ${str(ctx.prov.source)}` : ""}`.trim());
  }
  item("words", "WORDS", String(num(stats.words)));
  item("ent", "ENT", String(num(stats.entities, ctx.entities.length)));
  const published = dateParts(ctx.article.published);
  item("date", "", published ? joinDate(published) : "undated",
    published ? `Published ${str(ctx.article.published)}` : "No publication date found");
  item("brief", "BRIEF", str(brief.id) || "\u2014");
  return strip;
}

// ---- kicker, headline, dek, byline

function renderHead(ctx) {
  const { brief, article, stats } = ctx;
  const head = el("header", "nsr-head");

  const crumbs = el("div", "nsr-crumbs");
  add(crumbs, el("span", "nsr-crumbs__item", "News"));
  if (article.section) add(crumbs, el("span", "nsr-crumbs__sep", "/"), el("span", "nsr-crumbs__item", str(article.section)));
  const kicker = el("div", "nsr-kicker");
  add(
    kicker,
    el("span", "nsr-kicker__id", str(brief.id)),
    el("span", "nsr-kicker__item", "News Report"),
    el("span", "nsr-kicker__item", (str(brief.language?.code) || "und").toUpperCase()),
    article.section ? el("span", "nsr-kicker__item", str(article.section)) : null,
  );
  const top = el("div", "nsr-head__top");
  top.append(crumbs, kicker);

  const title = el("h1", "nsr-title", str(article.title) || "Untitled article");
  const dek = article.description ? el("p", "nsr-dek", str(article.description)) : null;

  const byline = el("div", "nsr-byline");
  const names = arr(article.byline).map(str).filter(Boolean);
  const fact = (cls, label, value) => {
    const f = el("span", `nsr-byline__item ${cls}`);
    if (label) f.append(el("span", "nsr-byline__label", label));
    f.append(el("span", "nsr-byline__value", value));
    byline.append(f);
    return f;
  };
  fact("nsr-byline__author", "", names.length ? names.join(", ") : "Staff / no byline");
  const source = str(brief.source?.name) || str(article.site_name);
  if (source) fact("nsr-byline__source", "", source);
  const published = dateParts(article.published);
  fact("nsr-byline__filed", "Filed", published ? [published.date, published.time].filter(Boolean).join(" \u00b7 ") : "undated");
  fact("nsr-byline__lean", "Lean", str(brief.source?.lean?.label) || "Unrated");
  fact("nsr-byline__read", "Read", `${num(stats.reading_minutes, 1)} min`);
  const href = safeHttpUrl(article.url);
  if (href) {
    const a = el("a", "nsr-byline__link", "Original article \u2197");
    a.setAttribute("href", href);
    a.setAttribute("rel", "noopener noreferrer");
    a.setAttribute("target", "_blank");
    a.setAttribute("title", href);
    byline.append(a);
  }

  add(head, top, title, dek, byline);
  return head;
}

// ---- stat tiles

function renderTiles(ctx) {
  const { stats } = ctx;
  const tiles = el("div", "nsr-tiles");
  const tile = (field, label, value, unit, title) => {
    const t = el("div", "nsr-tile");
    t.dataset.nsrField = field;
    t.append(el("div", "nsr-tile__label", label));
    const v = el("div", "nsr-tile__value");
    v.append(el("span", "nsr-tile__num", value), el("span", "nsr-tile__unit", unit));
    t.append(v);
    if (title) t.setAttribute("title", title);
    tiles.append(t);
  };
  const minutes = num(stats.reading_minutes, 1);
  const words = num(stats.words);
  const cited = num(stats.sources_cited, arr(ctx.brief.sources).length);
  const ents = num(stats.entities, ctx.entities.length);
  tile("reading", "Reading time", String(minutes), "min");
  tile("words", "Word count", String(words), words === 1 ? "word" : "words");
  tile("sources", "Sources cited", String(cited), "cited");
  tile("entities", "Entities identified", String(ents), ents === 1 ? "entity" : "entities");
  const quality = arr(stats.quality_evidence)
    .map((q) => `${q && q.met ? "\u2713" : "\u2717"} ${str(q?.reason)} (${fixed2(q?.weight)})`)
    .join("\n");
  tile("quality", "Quality score", String(Math.round(clamp01(stats.quality) * 100)), "%",
    quality ? `Extraction quality:\n${quality}` : "");
  return tiles;
}

// ---- section frame: "§ 01" label, title, meta, provenance

function section(ctx, n, title, { meta, provenance, provPrefix, field } = {}) {
  const s = el("section", `nsr-section nsr-section--${field}`);
  s.dataset.nsrSection = field;
  const head = el("div", "nsr-section__head");
  const label = el("span", "nsr-section__num", `\u00a7 ${pad2(n)}`);
  const h = el("h2", "nsr-section__title", title);
  const id = `nsr-${field}-${str(ctx.brief.id).replace(/[^A-Za-z0-9-]/g, "")}`;
  h.setAttribute("id", id);
  s.setAttribute("aria-labelledby", id);
  const right = el("div", "nsr-section__aside");
  if (meta) right.append(el("span", "nsr-section__meta", meta));
  for (const p of arr(provenance)) {
    const label2 = provLabel(ctx.prov[p], provPrefix || (provenance.length > 1 ? cap(p) : "Method"));
    if (label2) right.append(label2);
  }
  head.append(label, h, right);
  const body = el("div", "nsr-section__body");
  s.append(head, body);
  return { section: s, body };
}

/** Small-print notes naming the method behind each part of a section. */
function provNote(ctx, keys) {
  const notes = keys.filter((k) => str(ctx.prov[k]));
  if (!notes.length) return null;
  const p = el("p", "nsr-prov-note");
  notes.forEach((k, i) => {
    if (i) p.append(document.createTextNode(" \u00b7 "));
    p.append(el("span", "nsr-prov-note__key", `${cap(k)}: `), document.createTextNode(str(ctx.prov[k])));
  });
  return p;
}

function empty(message) {
  return el("p", "nsr-empty", message);
}

function unsupportedNote(ctx) {
  const lang = ctx.brief.language || {};
  if (lang.analyzers_available !== false) return null;
  return empty(`NEWSAR's language analyzers do not support ${str(lang.name) || "this language"} yet, so this section is empty.`);
}

// ---- §01 summary

function renderSummary(ctx) {
  const summary = ctx.brief.summary || {};
  const { section: s, body } = section(ctx, 1, "Briefing Summary", {
    meta: "Extractive",
    provenance: ["summary"],
    field: "summary",
  });
  const text = str(summary.text);
  const wrap = el("div", "nsr-summary-wrap");
  wrap.append(text ? el("p", "nsr-summary", text) : unsupportedNote(ctx) || empty("No summary could be drawn from this text."));
  const facts = el("dl", "nsr-summary__facts");
  const fact = (label, value, title, fill) => {
    const f = el("div", "nsr-summary__fact");
    f.append(el("dt", "nsr-summary__fact-label", label), el("dd", "nsr-summary__fact-value", value));
    if (fill !== undefined) f.append(bar(fill, "nsr-bar--summary"));
    if (title) f.setAttribute("title", title);
    facts.append(f);
  };
  fact("Confidence", fixed2(summary.confidence), "Share of the article's top keyphrases and entities the summary covers", summary.confidence);
  fact("Sources", String(num(ctx.stats.sources_cited, arr(ctx.brief.sources).length)));
  fact("Claims", String(num(ctx.stats.claims, ctx.claims.length)));
  fact("Entities", String(num(ctx.stats.entities, ctx.entities.length)));
  fact("Sentences", `${arr(summary.sentences).length} of ${num(ctx.stats.sentences)}`, "Sentences picked for the summary, of all sentences in the article");
  wrap.append(facts);
  body.append(wrap);
  body.append(provNote(ctx, ["summary"]));
  return s;
}

// ---- §02 article analysis: framing, tone, factuality, sources

function card(title, className, extra) {
  const c = el("div", `nsr-card ${className}`);
  const h = el("div", "nsr-card__head");
  h.append(el("h3", "nsr-card__title", title));
  if (extra) h.append(extra);
  c.append(h);
  return c;
}

function evidenceList(ctx, evidence, className) {
  const list = el("ul", `nsr-evidence ${className || ""}`.trim());
  for (const ev of evidence) {
    const quote = sliceOf(ctx.text, ev?.start, ev?.end);
    if (!quote) continue;
    const li = el("li", "nsr-evidence__item");
    const q = el("button", "nsr-evidence__quote", `\u201c${quote}\u201d`);
    q.setAttribute("type", "button");
    q.dataset.nsrStart = String(ev.start);
    q.dataset.nsrEnd = String(ev.end);
    q.setAttribute("title", "Show in the full report");
    const w = num(ev.weight);
    li.append(
      q,
      el("span", "nsr-evidence__reason", str(ev.reason)),
      el("span", `nsr-evidence__weight ${w < 0 ? "is-neg" : "is-pos"}`, signed(w, 2)),
    );
    list.append(li);
  }
  return list;
}

function sourcesLabel(n) {
  if (n <= 0) return "None";
  if (n <= 2) return "Limited";
  if (n <= 5) return "Moderate";
  return "Extensive";
}

function renderAnalysis(ctx) {
  const { brief } = ctx;
  const { section: s, body } = section(ctx, 2, "Article analysis", {
    provenance: ["framing", "tone", "factuality"],
    field: "analysis",
  });
  const grid = el("div", "nsr-analysis");

  // Framing + topics
  const framing = card("Framing", "nsr-card--framing");
  const frames = arr(brief.framing);
  const frameChips = el("div", "nsr-chips nsr-chips--framing");
  for (const f of frames) {
    const c = chip(str(f?.frame), "nsr-chip--frame", `Frame score ${fixed2(f?.score)} \u00b7 ${plural(arr(f?.evidence).length, "cue", "cues")}`);
    frameChips.append(c);
  }
  framing.append(frames.length ? frameChips : (unsupportedNote(ctx) || empty("No dominant policy frame")));
  const topics = arr(brief.topics);
  framing.append(el("div", "nsr-card__sub", "Topics"));
  if (topics.length) {
    const topicChips = el("div", "nsr-chips nsr-chips--topics");
    for (const t of topics) topicChips.append(chip(str(t?.topic), "nsr-chip--topic", `Topic score ${fixed2(t?.score)}`));
    framing.append(topicChips);
  } else {
    framing.append(empty("No topic above threshold"));
  }
  grid.append(framing);

  // Tone
  const tone = brief.tone || {};
  const toneLabel = str(tone.label) || "Neutral";
  const toneCard = card("Tone", "nsr-card--tone");
  const toneValue = el("div", "nsr-card__value");
  toneValue.append(el("span", "nsr-tone__label", toneLabel));
  toneCard.append(toneValue);
  toneCard.append(
    gauge(tone.alarm, ["Calm", "Neutral", "Alarmist"], "nsr-gauge--tone",
      `Tone ${toneLabel}: alarm ${fixed2(tone.alarm)} on a scale from calm (0) to alarmist (1)`),
  );
  const toneNums = el("div", "nsr-card__nums");
  toneNums.append(
    el("span", "", `Alarm ${fixed2(tone.alarm)}`),
    el("span", "", `Valence ${signed(tone.valence, 2)}`),
  );
  toneCard.append(toneNums);
  const toneEv = arr(tone.evidence);
  if (toneEv.length) {
    const d = el("details", "nsr-why");
    d.append(el("summary", "nsr-why__toggle", `Why \u201c${toneLabel}\u201d? ${plural(toneEv.length, "cue", "cues")}`));
    d.append(evidenceList(ctx, toneEv));
    toneCard.append(d);
  }
  grid.append(toneCard);

  // Factuality
  const fact = brief.factuality || {};
  const factCard = card("Factuality", "nsr-card--factuality");
  const score = el("button", "nsr-fact__score", `${fixed2(fact.score)} / 1.00`);
  score.setAttribute("type", "button");
  score.setAttribute("aria-expanded", "false");
  score.setAttribute("title", "Show how this score is computed");
  const factValue = el("div", "nsr-card__value");
  factValue.append(score, el("span", "nsr-fact__label", str(fact.label)));
  factCard.append(factValue);
  factCard.append(
    gauge(fact.score, ["Low", "High"], "nsr-gauge--factuality",
      `Factuality ${fixed2(fact.score)} of 1.00: ${str(fact.label)}`),
  );
  factCard.append(el("div", "nsr-card__hint", "Click the score for its components"));
  grid.append(factCard);

  // Sources cited
  const sources = arr(brief.sources);
  const cited = num(ctx.stats.sources_cited, sources.length);
  const srcCard = card("Sources cited", "nsr-card--sources");
  const srcValue = el("div", "nsr-card__value");
  srcValue.append(el("span", "nsr-sources__count", String(cited)), el("span", "nsr-sources__label", sourcesLabel(cited)));
  srcCard.append(srcValue);
  srcCard.append(gauge(Math.min(cited, 10) / 10, ["Few", "Many"], "nsr-gauge--sources", `${cited} sources cited`));
  grid.append(srcCard);

  body.append(grid);

  // Factuality detail: components and evidence, revealed by the score button.
  const detail = el("div", "nsr-fact__detail");
  detail.hidden = true;
  const detailId = `nsr-fact-${str(brief.id).replace(/[^A-Za-z0-9-]/g, "")}`;
  detail.setAttribute("id", detailId);
  score.setAttribute("aria-controls", detailId);
  const comps = arr(fact.components);
  const compWrap = el("div", "nsr-fact__components");
  compWrap.append(el("h4", "nsr-fact__heading", "How the score is built"));
  if (comps.length) {
    const table = el("table", "nsr-table");
    const thead = el("thead");
    const hr = el("tr");
    for (const h of ["Component", "Value", "Contribution"]) hr.append(el("th", "", h));
    thead.append(hr);
    const tbody = el("tbody");
    for (const c of comps) {
      const tr = el("tr", "nsr-fact__component");
      const v = num(c?.value);
      const contribution = num(c?.contribution);
      tr.append(
        el("td", "nsr-fact__name", str(c?.name)),
        el("td", "nsr-num", Number.isInteger(v) && Math.abs(v) > 1 ? String(v) : v.toFixed(3)),
        el("td", `nsr-num ${contribution < 0 ? "is-neg" : contribution > 0 ? "is-pos" : ""}`, signed(contribution)),
      );
      tbody.append(tr);
    }
    const tfoot = el("tfoot");
    const fr = el("tr");
    fr.append(el("td", "", "Score"), el("td", ""), el("td", "nsr-num", fixed2(fact.score)));
    tfoot.append(fr);
    table.append(thead, tbody, tfoot);
    compWrap.append(table);
  } else {
    compWrap.append(empty("No components reported."));
  }
  const evWrap = el("div", "nsr-fact__evidence");
  const fev = arr(fact.evidence);
  evWrap.append(el("h4", "nsr-fact__heading", `Evidence \u00b7 ${plural(fev.length, "span", "spans")}`));
  evWrap.append(fev.length ? evidenceList(ctx, fev) : empty("No evidence spans."));
  detail.append(compWrap, evWrap);
  body.append(detail);

  // The list of sources cited.
  const list = el("div", "nsr-sources");
  list.append(el("h4", "nsr-sources__heading", "Who and what the article cites"));
  if (sources.length) {
    const ul = el("ul", "nsr-sources__list");
    for (const src of sources) {
      const kind = oneOf(src?.kind, SOURCE_KINDS, "other");
      const li = el("li", `nsr-source nsr-source--${kind}`);
      li.append(
        el("span", "nsr-source__name", str(src?.name)),
        el("span", `nsr-badge nsr-badge--${kind}`, kind),
        el("span", "nsr-source__mentions", `\u00d7${num(src?.mentions)}`),
      );
      li.setAttribute("title", `${str(src?.name)} \u00b7 ${kind} \u00b7 ${plural(num(src?.mentions), "mention", "mentions")}`);
      ul.append(li);
    }
    list.append(ul);
  } else {
    list.append(empty("The article names no sources."));
  }
  body.append(list, provNote(ctx, ["framing", "tone", "factuality"]));
  return s;
}

// ---- §03 key claims

function renderClaims(ctx) {
  const claims = ctx.claims;
  const { section: s, body } = section(ctx, 3, "Key claims", {
    meta: `${claims.length} extracted`,
    provenance: ["claims"],
    field: "claims",
  });
  if (!claims.length) {
    body.append(unsupportedNote(ctx) || empty("No check-worthy claims found."));
    return s;
  }
  const ol = el("ol", "nsr-claims");
  claims.forEach((c, i) => {
    const type = oneOf(c?.type, CLAIM_TYPES, "factual");
    const li = el("li", "nsr-claim");
    li.dataset.nsrClaim = String(i);
    const n = el("button", "nsr-claim__num", pad2(i + 1));
    n.setAttribute("type", "button");
    n.setAttribute("title", "Show in the full report");
    n.dataset.nsrLocate = String(i);
    const main = el("div", "nsr-claim__main");
    main.append(el("p", "nsr-claim__text", str(c?.text)));
    const meta = el("div", "nsr-claim__meta");
    meta.append(el("span", `nsr-badge nsr-badge--${type}`, type));
    const a = c?.attribution;
    const speaker = el("span", "nsr-claim__speaker");
    if (a && str(a.speaker)) {
      speaker.append(el("span", "nsr-claim__speaker-name", str(a.speaker)));
      if (a.anonymous) speaker.append(el("span", "nsr-badge nsr-badge--anonymous", "anonymous"));
      if (a.cue) speaker.setAttribute("title", `Attributed by \u201c${str(a.cue)}\u201d`);
    } else {
      speaker.classList.add("is-unattributed");
      speaker.append(el("span", "nsr-claim__speaker-name", "unattributed"));
    }
    meta.append(speaker);
    main.append(meta);
    const scores = el("div", "nsr-claim__scores");
    const sc = (label, value, cls) => {
      const d = el("div", `nsr-claim__score ${cls}`);
      d.append(el("span", "nsr-claim__score-label", label), el("span", "nsr-claim__score-value", fixed2(value)), bar(value));
      scores.append(d);
    };
    sc("Confidence", c?.confidence, "nsr-claim__score--confidence");
    sc("Check-worthiness", c?.checkworthiness, "nsr-claim__score--checkworthiness");
    li.append(n, main, scores);
    ol.append(li);
  });
  body.append(ol, provNote(ctx, ["claims"]));
  return s;
}

// ---- §04 full report with entity marks and claim underlines

/** Appends text[from, to) to parent, wrapping entity mentions (sorted, disjoint) in <mark>s. */
function appendMarked(ctx, parent, from, to, mentions) {
  let pos = from;
  for (const m of mentions) {
    if (m.end <= from || m.start >= to) continue;
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (s < pos || e <= s) continue;
    if (s > pos) parent.append(document.createTextNode(ctx.text.slice(pos, s)));
    const type = oneOf(m.entity.type, ENTITY_TYPES, "misc");
    const mark = el("mark", `nsr-ent nsr-ent--${type}`, ctx.text.slice(s, e));
    mark.dataset.nsrEntity = str(m.entity.id);
    mark.setAttribute("title", `${ENTITY_TYPE_NAMES[type]} \u00b7 ${str(m.entity.name)}`);
    parent.append(mark);
    pos = e;
  }
  if (pos < to) parent.append(document.createTextNode(ctx.text.slice(pos, to)));
}

function renderReport(ctx) {
  const { text, stats } = ctx;
  const { section: s, body } = section(ctx, 4, "Full report", {
    meta: `${num(stats.reading_minutes, 1)} min read \u00b7 ${num(stats.words)} words`,
    provenance: ["extraction"],
    provPrefix: "Extraction",
    field: "report",
  });

  const rail = el("aside", "nsr-rail");
  rail.append(el("h3", "nsr-rail__title", "Reading key"));
  const legend = el("ul", "nsr-legend nsr-legend--report");
  for (const t of ENTITY_TYPES) {
    const n = ctx.entities.filter((e) => e?.type === t).length;
    if (!n) continue;
    const item = el("li", "nsr-legend__item");
    item.append(el("span", `nsr-ent nsr-ent--${t}`, ENTITY_TYPE_NAMES[t]), el("span", "nsr-legend__count", String(n)));
    legend.append(item);
  }
  if (ctx.claims.length) {
    const item = el("li", "nsr-legend__item");
    const sample = el("span", "nsr-claim-span", "Claim");
    sample.dataset.nsrRef = "01";
    item.append(sample, el("span", "nsr-legend__count", String(ctx.claims.length)));
    legend.append(item);
  }
  rail.append(legend);
  rail.append(
    el("p", "nsr-rail__hint", "Click a highlighted name to light up every mention of it; click a claim number in \u00a7 03 to find it here."),
  );
  const focus = el("div", "nsr-rail__focus");
  focus.hidden = true;
  rail.append(focus);
  ctx.focusPanel = focus;
  const len = text.length;
  const mentions = disjoint(
    ctx.entities.flatMap((entity) =>
      arr(entity?.mentions).map((m) => {
        const sp = span(m?.start, m?.end, len);
        return sp ? { ...sp, entity } : null;
      }),
    ),
  );
  const claimSpans = disjoint(
    ctx.claims.map((c, i) => {
      const sp = span(c?.start, c?.end, len);
      return sp ? { ...sp, index: i, claim: c } : null;
    }),
  );

  let paragraphs = arr(ctx.article.paragraphs)
    .map((p) => {
      const sp = span(p?.start, p?.end, len);
      return sp ? { ...sp, kind: oneOf(p.kind, PARAGRAPH_KINDS, "paragraph") } : null;
    })
    .filter(Boolean);
  if (!paragraphs.length && text) {
    paragraphs = [];
    const re = /\n\s*\n/g;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (m.index > last) paragraphs.push({ start: last, end: m.index, kind: "paragraph" });
      last = m.index + m[0].length;
    }
    if (last < len) paragraphs.push({ start: last, end: len, kind: "paragraph" });
  }

  const report = el("div", "nsr-report");
  let list = null;
  for (const p of paragraphs) {
    let block;
    if (p.kind === "list_item") {
      if (!list) {
        list = el("ul", "nsr-report__list");
        report.append(list);
      }
      block = el("li", "nsr-report__item");
      list.append(block);
    } else {
      list = null;
      block = el(PARAGRAPH_TAGS[p.kind], `nsr-report__${p.kind === "paragraph" ? "p" : p.kind}`);
      report.append(block);
    }
    block.dataset.nsrStart = String(p.start);
    block.dataset.nsrEnd = String(p.end);
    // Claims are the outer spans (one per sentence); entity marks go inside, cut at claim edges.
    let pos = p.start;
    for (const c of claimSpans) {
      if (c.end <= p.start || c.start >= p.end) continue;
      const cs = Math.max(c.start, p.start);
      const ce = Math.min(c.end, p.end);
      if (cs > pos) appendMarked(ctx, block, pos, cs, mentions);
      const u = el("span", `nsr-claim-span nsr-claim-span--${oneOf(c.claim?.type, CLAIM_TYPES, "factual")}`);
      u.dataset.nsrClaim = String(c.index);
      if (cs === c.start) u.dataset.nsrRef = pad2(c.index + 1);
      u.setAttribute("title", `Claim ${pad2(c.index + 1)} \u00b7 ${oneOf(c.claim?.type, CLAIM_TYPES, "factual")}`);
      appendMarked(ctx, u, cs, ce, mentions);
      block.append(u);
      pos = ce;
    }
    if (pos < p.end) appendMarked(ctx, block, pos, p.end, mentions);
  }
  if (!paragraphs.length) report.append(empty("No body text."));
  const wrap = el("div", "nsr-report-wrap");
  wrap.append(report, rail);
  body.append(wrap, provNote(ctx, ["extraction", "language"]));
  return s;
}

// ---- §05 entities

function renderEntities(ctx) {
  const entities = ctx.entities;
  const { section: s, body } = section(ctx, 5, "Entities", {
    meta: `${entities.length} identified`,
    provenance: ["entities"],
    field: "entities",
  });
  if (!entities.length) {
    body.append(unsupportedNote(ctx) || empty("No named entities found."));
    return s;
  }
  const ul = el("ul", "nsr-entities");
  for (const e of entities) {
    const type = oneOf(e?.type, ENTITY_TYPES, "misc");
    const li = el("li", `nsr-entity nsr-entity--${type}`);
    const btn = el("button", "nsr-entity__btn");
    btn.setAttribute("type", "button");
    btn.dataset.nsrEntity = str(e?.id);
    btn.setAttribute("aria-pressed", "false");
    btn.setAttribute("title", `Highlight the ${plural(num(e?.count), "mention", "mentions")} of ${str(e?.name)}`);
    const who = el("span", "nsr-entity__who");
    who.append(el("span", "nsr-entity__type", ENTITY_TYPE_NAMES[type]), el("span", "nsr-entity__name", str(e?.name)));
    const aliases = arr(e?.aliases).map(str).filter(Boolean);
    if (aliases.length) who.append(el("span", "nsr-entity__aliases", `also ${aliases.join(", ")}`));
    const stats = el("span", "nsr-entity__stats");
    stats.append(
      el("span", "nsr-entity__count", `\u00d7${num(e?.count)}`),
      bar(e?.salience, `nsr-bar--${type}`),
      el("span", "nsr-entity__salience", fixed2(e?.salience)),
    );
    btn.append(el("span", `nsr-dot nsr-dot--${type}`), who, stats);
    li.append(btn);
    ul.append(li);
  }
  body.append(ul, provNote(ctx, ["entities"]));
  return s;
}

// ---- §06 keywords

function renderKeywords(ctx) {
  const keywords = arr(ctx.brief.keywords);
  const { section: s, body } = section(ctx, 6, "Keywords & salience", {
    meta: `${keywords.length} terms`,
    provenance: ["keywords"],
    field: "keywords",
  });
  if (!keywords.length) {
    body.append(unsupportedNote(ctx) || empty("No keyphrases found."));
    return s;
  }
  const ul = el("ul", "nsr-keywords");
  for (const k of keywords) {
    const li = el("li", "nsr-keyword");
    li.append(el("span", "nsr-keyword__term", str(k?.term)), bar(k?.salience, "nsr-bar--keyword"), el("span", "nsr-keyword__value", fixed2(k?.salience)));
    ul.append(li);
  }
  body.append(ul, provNote(ctx, ["keywords"]));
  return s;
}

// ---- §07 topic connections: the local collection's entity graph, else a placeholder

const GRAPH_TYPES = ["person", "organization", "location", "event"];

function renderConnections(ctx) {
  const c = ctx.connections;
  if (c && num(c.size) >= 2 && c.graph && typeof c.graph === "object") return corpusConnections(ctx, c);
  const { section: s, body } = section(ctx, 7, "Topic connections", {
    meta: c ? `Local corpus \u00b7 ${plural(num(c.size), "brief", "briefs")}` : "Local corpus \u00b7 coming soon",
    field: "connections",
  });
  const panel = el("div", "nsr-connections");
  const copy = el("div", "nsr-connections__copy");
  copy.append(
    el("p", "nsr-connections__lead", "Connections are built from your own collection of briefs."),
    el(
      "p",
      "nsr-connections__text",
      c
        ? "As you analyze articles, NEWSAR keeps their briefs locally in this browser and links the people, organizations, places and events they share: nodes are entities, edges are weighted by the number of articles they appear in together. Nothing is sent anywhere. Analyze a second article to see the graph; below is this article's own cast, the seed of that graph."
        : "As you analyze articles, NEWSAR will keep their briefs locally in this browser and link the people, organizations, places and events they share: nodes are entities, edges are weighted by the number of articles they appear in together. Nothing is sent anywhere. This arrives with the corpus feature; below is this article's own cast, the seed of that graph.",
    ),
  );
  copy.append(graphLegend(), el("p", "nsr-legend__hint", "Node size = salience. In the corpus graph, edge numbers count shared articles."));
  panel.append(copy, starGraph(ctx));
  body.append(panel);
  return s;
}

function graphLegend() {
  const legend = el("div", "nsr-legend nsr-legend--graph");
  for (const t of GRAPH_TYPES) {
    const item = el("span", "nsr-legend__item");
    item.append(el("span", `nsr-dot nsr-dot--${t}`), document.createTextNode(ENTITY_TYPE_NAMES[t]));
    legend.append(item);
  }
  return legend;
}

const normName = (s) => str(s).toLowerCase().replace(/\s+/g, " ").trim();

/** §07 with the collection's graph, a type filter, the scope (whole collection or this article's
 * neighbourhood), the articles of a clicked entity, and the current article's story with its
 * perspectives. */
function corpusConnections(ctx, c) {
  const graph = c.graph;
  const nodes = arr(graph.nodes);
  const edges = arr(graph.edges);
  const { section: s, body } = section(ctx, 7, "Topic connections", {
    meta: `Local corpus \u00b7 ${plural(num(c.size), "brief", "briefs")}`,
    field: "connections",
  });
  s.dataset.nsrCorpus = String(num(c.size));
  const panel = el("div", "nsr-connections nsr-connections--corpus");
  const copy = el("div", "nsr-connections__copy");
  copy.append(
    el("p", "nsr-connections__lead", `Your collection: ${plural(num(c.size), "brief", "briefs")}, kept in this browser.`),
    el(
      "p",
      "nsr-connections__text",
      "Nodes are the people, organizations, places and events of your briefs; an edge joins two that appear in the same articles, thicker when they share more. This article's entities are ringed. Click an entity to list its articles. Nothing is sent anywhere.",
    ),
  );

  // type filter: checkboxes, one per node type
  const selected = Array.isArray(c.types) ? GRAPH_TYPES.filter((t) => c.types.includes(t)) : GRAPH_TYPES.slice();
  const filter = el("fieldset", "nsr-graph-filter");
  filter.append(el("legend", "nsr-graph-filter__title", "Show"));
  for (const t of GRAPH_TYPES) {
    const label = el("label", "nsr-graph-filter__item");
    const box = el("input", "nsr-graph-filter__box");
    box.type = "checkbox";
    box.checked = selected.includes(t);
    box.dataset.nsrType = t;
    box.addEventListener("change", () => {
      const types = Array.from(filter.querySelectorAll("input[data-nsr-type]"))
        .filter((b) => b.checked)
        .map((b) => b.dataset.nsrType);
      if (typeof c.onTypesChange === "function") c.onTypesChange(types);
    });
    label.append(box, el("span", `nsr-dot nsr-dot--${t}`), document.createTextNode(ENTITY_TYPE_NAMES[t]));
    filter.append(label);
  }
  copy.append(filter);

  // scope: the whole collection, or the neighbourhood of this article
  if (typeof c.onScopeChange === "function") {
    const scope = c.scope === "article" ? "article" : "all";
    const scopes = el("fieldset", "nsr-graph-filter nsr-graph-scope");
    scopes.append(el("legend", "nsr-graph-filter__title", "Graph"));
    const name = `nsr-scope-${str(ctx.brief.id).replace(/[^A-Za-z0-9-]/g, "")}`;
    for (const [value, text] of [["all", "Whole collection"], ["article", "This article's neighbourhood"]]) {
      const label = el("label", "nsr-graph-filter__item");
      const radio = el("input", "nsr-graph-filter__box");
      radio.type = "radio";
      radio.name = name;
      radio.value = value;
      radio.dataset.nsrScope = value;
      radio.checked = scope === value;
      radio.disabled = value === "article" && !c.key;
      radio.addEventListener("change", () => {
        if (radio.checked) c.onScopeChange(value);
      });
      label.append(radio, document.createTextNode(text));
      scopes.append(label);
    }
    copy.append(scopes);
  }

  const shown = num(graph.candidate_nodes) > nodes.length
    ? `Showing ${nodes.length} of ${num(graph.candidate_nodes)} entities; edge width = shared articles.`
    : `${plural(nodes.length, "entity", "entities")}, ${plural(edges.length, "connection", "connections")}; edge width = shared articles.`;
  const articlesBox = el("div", "nsr-node-articles");
  articlesBox.setAttribute("aria-live", "polite");
  copy.append(el("p", "nsr-legend__hint", shown), articlesBox);

  panel.append(copy, nodes.length ? corpusGraph(ctx, nodes, edges, (node) => showNodeArticles(c, node, articlesBox)) : empty("No entities of the selected types in your collection."));
  body.append(panel, storyBlock(ctx, c.story));
  return s;
}

/** Lists the briefs that mention a clicked node (asked of the collection through c.onNodeClick). */
async function showNodeArticles(c, node, box) {
  const name = str(node?.name);
  box.replaceChildren(el("p", "nsr-node-articles__head", `${name}: looking up its articles\u2026`));
  box.dataset.nsrNode = name;
  let list = [];
  try {
    list = typeof c.onNodeClick === "function" ? arr(await c.onNodeClick(node)) : [];
  } catch (e) {
    box.replaceChildren(el("p", "nsr-story__none", `Could not list the articles of ${name}: ${str(e && e.message ? e.message : e)}`));
    return;
  }
  if (box.dataset.nsrNode !== name) return; // another node was clicked meanwhile
  const head = el("p", "nsr-node-articles__head");
  head.append(el("strong", "", name), document.createTextNode(` \u00b7 ${plural(list.length, "article", "articles")} in your collection`));
  const ul = el("ul", "nsr-node-articles__list");
  for (const a of list) {
    const li = el("li", "nsr-node-articles__item");
    li.dataset.nsrKey = str(a?.key);
    li.append(
      el("span", "nsr-node-articles__title", str(a?.title) || str(a?.url) || str(a?.key)),
      el("span", "nsr-node-articles__meta", [str(a?.outlet), str(a?.published), str(a?.story)].filter(Boolean).join(" \u00b7 ")),
    );
    ul.append(li);
  }
  box.replaceChildren(head, ul);
}

const SIDE_NAMES = { left: "Left-leaning", center: "Center", right: "Right-leaning", unrated: "Unrated" };
const LEAN_CLASSES = { "Left": "left", "Center-Left": "lean-left", "Center": "center", "Center-Right": "lean-right", "Right": "right" };
const leanClass = (label) => LEAN_CLASSES[str(label)] || "unrated";

/** Where a lean rating comes from, in a few words. */
function leanSourceOf(provenance) {
  const p = str(provenance);
  if (!p) return "no rating known: never guessed";
  if (/^user\b/.test(p)) return `your rating${p.startsWith("user:") ? ` (${p.slice(5).trim()})` : ""}`;
  return p;
}

/** The current article's story: every outlet with its lean, tone, framing and factuality side by
 * side, the lean spread and blindspot, the claims all outlets carry and those only some do, and
 * the entities each side mentions. */
function storyBlock(ctx, story) {
  const box = el("div", "nsr-story");
  if (!story || typeof story !== "object") {
    box.append(el("p", "nsr-story__none", "This article is not in your collection."));
    return box;
  }
  box.dataset.nsrStory = str(story.id);
  const articles = arr(story.articles);
  const persp = story.perspectives || {};
  const outlets = arr(persp.outlets);
  const head = el("p", "nsr-story__head");
  head.append(
    el("span", "nsr-story__label", "Story across outlets"),
    document.createTextNode(` ${str(story.title) || str(story.id)} \u00b7 ${plural(articles.length, "article", "articles")} \u00b7 ${plural(outlets.length, "outlet", "outlets")}`),
  );
  box.append(head);
  const spread = persp.lean_spread;
  const facts = el("p", "nsr-story__facts");
  facts.append(
    document.createTextNode(
      spread && typeof spread === "object"
        ? `Lean spread ${signed(spread.min, 2)} \u2026 ${signed(spread.max, 2)} (${plural(num(persp.rated_outlets), "rated outlet", "rated outlets")})`
        : "No outlet of this story has a lean rating",
    ),
  );
  box.append(facts);
  const blind = str(persp.blindspot);
  if (blind) {
    const flag = el(
      "p",
      "nsr-story__blindspot",
      `Blindspot: ${blind === "left-only" ? "covered only by left-leaning outlets" : blind === "right-only" ? "covered only by right-leaning outlets" : blind}`,
    );
    flag.dataset.nsrBlindspot = oneOf(blind, ["left-only", "right-only"], "other");
    box.append(flag);
  }
  if (outlets.length < 2) {
    box.append(el("p", "nsr-story__none", "No other outlet in your collection covers this story yet."));
  }

  // the perspective table: one row per outlet
  const own = normName(ctx.brief.source?.domain) || normName(ctx.brief.source?.name);
  const wrap = el("div", "nsr-persp-wrap");
  const table = el("table", "nsr-persp");
  table.append(el("caption", "nsr-persp__caption", "Perspectives: each outlet's coverage of this story"));
  const thead = el("thead");
  const hr = el("tr");
  for (const [h, full] of [["Outlet"], ["Lean"], ["Art.", "Articles"], ["Tone"], ["Framing"], ["Factuality"]]) {
    const th = el("th", "", h);
    th.setAttribute("scope", "col");
    if (full) {
      th.setAttribute("abbr", full);
      th.setAttribute("title", full);
    }
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el("tbody");
  for (const o of outlets) {
    const tr = el("tr", "nsr-persp__row");
    const isOwn = own && (normName(o?.domain) === own || normName(o?.outlet) === own);
    if (isOwn) tr.classList.add("is-own");
    tr.dataset.nsrSide = oneOf(str(o?.side), ["left", "center", "right", "unrated"], "unrated");
    const name = el("th", "nsr-persp__outlet");
    name.setAttribute("scope", "row");
    name.append(el("span", "nsr-story__name", str(o?.outlet) || "unknown outlet"));
    const sub = [str(o?.country), isOwn ? "this article" : ""].filter(Boolean).join(" \u00b7 ");
    if (sub) name.append(el("span", "nsr-persp__sub", sub));
    const leanCell = el("td", "nsr-persp__lean");
    const lean = str(o?.lean) || "unrated";
    const rated = o?.lean_score !== null && o?.lean_score !== undefined;
    leanCell.append(
      chip(lean, `nsr-story__lean nsr-story__lean--${leanClass(lean)}`, rated ? `Lean ${signed(o.lean_score, 2)} \u00b7 ${leanSourceOf(o?.lean_provenance)}` : "No lean rating for this outlet: never guessed"),
    );
    if (rated) leanCell.append(el("span", "nsr-persp__sub", `${signed(o.lean_score, 2)}${/^user\b/.test(str(o?.lean_provenance)) ? " \u00b7 your rating" : ""}`));
    const tone = el("td", "nsr-persp__tone");
    tone.append(el("span", "", str(o?.tone) || "\u2013"), el("span", "nsr-persp__sub", `alarm ${fixed2(o?.alarm)}`));
    const frames = el("td", "nsr-persp__frames", arr(o?.frames).map(str).filter(Boolean).join(", ") || "\u2013");
    const fact = el("td", "nsr-persp__fact");
    fact.append(el("span", "", str(o?.factuality) || "\u2013"), el("span", "nsr-persp__sub", fixed2(o?.factuality_score)));
    tr.append(name, leanCell, el("td", "nsr-persp__num", String(num(o?.articles))), tone, frames, fact);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  wrap.append(table);
  box.append(wrap);

  // claims carried by every outlet vs only some
  const claimsAll = arr(persp.claims_all);
  const claimsSome = arr(persp.claims_some);
  const claims = el("div", "nsr-persp-claims");
  const claimList = (title, list, cls, none) => {
    const part = el("div", `nsr-persp-claims__part ${cls}`);
    part.append(el("h3", "nsr-persp__h", title));
    if (!list.length) {
      part.append(el("p", "nsr-story__none", none));
      return part;
    }
    const ul = el("ul", "nsr-persp-claims__list");
    for (const cl of list.slice(0, 6)) {
      const li = el("li", "nsr-persp-claims__item");
      li.append(el("span", "nsr-persp-claims__text", str(cl?.text)), el("span", "nsr-persp__sub", arr(cl?.outlets).map(str).join(", ")));
      ul.append(li);
    }
    part.append(ul);
    if (list.length > 6) part.append(el("p", "nsr-persp__sub", `and ${list.length - 6} more`));
    return part;
  };
  if (outlets.length >= 2) {
    claims.append(
      claimList("Claims every outlet carries", claimsAll, "nsr-persp-claims--all", "No claim is carried by every outlet."),
      claimList("Claims only some outlets carry", claimsSome, "nsr-persp-claims--some", "None."),
    );
    box.append(claims);
  }

  // entities each side mentions
  const sides = arr(persp.sides).filter((sd) => sd && typeof sd === "object");
  if (sides.length) {
    const ents = el("div", "nsr-persp-sides");
    ents.append(el("h3", "nsr-persp__h", "Who each side mentions"));
    const dl = el("dl", "nsr-persp-sides__list");
    for (const sd of sides) {
      const side = oneOf(str(sd.side), ["left", "center", "right", "unrated"], "unrated");
      const dt = el("dt", `nsr-persp-sides__side nsr-persp-sides__side--${side}`, `${SIDE_NAMES[side]} \u00b7 ${plural(num(sd.outlets), "outlet", "outlets")}`);
      const dd = el("dd", "nsr-persp-sides__ents");
      dd.dataset.nsrSide = side;
      dd.append(el("span", "", arr(sd.entities).map(str).join(", ") || "\u2013"));
      const only = arr(sd.only_this_side).map(str).filter(Boolean);
      if (only.length) dd.append(el("span", "nsr-persp__sub nsr-persp-sides__only", `only this side: ${only.join(", ")}`));
      dl.append(dt, dd);
    }
    ents.append(dl);
    box.append(ents);
  }
  box.append(
    el(
      "p",
      "nsr-legend__hint nsr-persp__cite",
      "Leans: Robertson et al. 2018, audience-based partisan bias of news domains (DOI 10.1145/3274417), unless marked as your own rating; an outlet with no rating is \u201cunrated\u201d, never guessed. Tone, framing and factuality are NEWSAR's own analyses, averaged over each outlet's articles; claims match when they share most of their content words.",
    ),
  );
  return box;
}

/** The collection's entity graph as SVG: layout x,y scaled to the panel. Nodes are buttons. */
function corpusGraph(ctx, nodes, edges, onNode) {
  const W = 480;
  const H = 300;
  const PAD = 28;
  const xs = nodes.map((n) => num(n?.x));
  const ys = nodes.map((n) => num(n?.y));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (x) => (x1 > x0 ? PAD + ((x - x0) / (x1 - x0)) * (W - 2 * PAD) : W / 2);
  const sy = (y) => (y1 > y0 ? PAD + ((y - y0) / (y1 - y0)) * (H - 2 * PAD) : H / 2);
  const own = new Set(ctx.entities.map((e) => normName(e?.name)));
  for (const e of ctx.entities) for (const a of arr(e?.aliases)) own.add(normName(a));
  const maxW = Math.max(1, ...edges.map((e) => num(e?.weight)));
  const maxA = Math.max(1, ...nodes.map((n) => num(n?.articles)));

  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "nsr-graph nsr-graph--corpus", role: "group" });
  g.setAttribute("aria-label", `Your collection's entity graph: ${nodes.length} entities, ${edges.length} connections`);
  const lines = svg("g", { class: "nsr-graph__edges" });
  for (const e of edges) {
    const a = nodes[num(e?.source, -1)];
    const b = nodes[num(e?.target, -1)];
    if (!a || !b) continue;
    const w = num(e?.weight);
    const bucket = Math.max(1, Math.min(4, Math.ceil((w / maxW) * 4)));
    const line = svg("line", {
      x1: sx(num(a.x)).toFixed(1), y1: sy(num(a.y)).toFixed(1),
      x2: sx(num(b.x)).toFixed(1), y2: sy(num(b.y)).toFixed(1),
      class: `nsr-graph__edge nsr-graph__edge--corpus nsr-graph__edge--w${bucket}`,
    });
    const t = svg("title");
    t.textContent = `${str(a.name)} \u2013 ${str(b.name)}: ${plural(w, "shared article", "shared articles")}`;
    line.append(t);
    lines.append(line);
  }
  const dots = svg("g", { class: "nsr-graph__nodes" });
  for (const n of nodes) {
    const type = oneOf(n?.type, ENTITY_TYPES, "misc");
    const focus = own.has(normName(n?.name)) || n?.focus === true;
    const x = sx(num(n?.x));
    const y = sy(num(n?.y));
    const r = 3.5 + (num(n?.articles) / maxA) * 5.5;
    const node = svg("g", { class: `nsr-graph__node nsr-graph__node--${type}${focus ? " is-focus" : ""}` });
    const name = str(n?.name);
    node.dataset.nsrNode = name;
    if (typeof onNode === "function") {
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", `${name}: list its ${plural(num(n?.articles), "article", "articles")}`);
      const pick = () => {
        for (const other of dots.querySelectorAll(".nsr-graph__node.is-picked")) other.classList.remove("is-picked");
        node.classList.add("is-picked");
        onNode(n);
      };
      node.addEventListener("click", pick);
      node.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          pick();
        }
      });
    }
    node.append(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }));
    const t = svg("title");
    t.textContent = `${ENTITY_TYPE_NAMES[type]} \u00b7 ${name} \u00b7 ${plural(num(n?.articles), "article", "articles")}`;
    node.append(t);
    if (focus || num(n?.articles) >= 2 || nodes.length <= 14) {
      const label = svg("text", { x: x.toFixed(1), y: (y + (y < H / 2 ? -r - 4 : r + 11)).toFixed(1), "text-anchor": "middle" });
      label.textContent = name.length > 22 ? `${name.slice(0, 20)}\u2026` : name;
      node.append(label);
    }
    dots.append(node);
  }
  g.append(lines, dots);
  return g;
}

/** An SVG "star": the article in the middle, its most salient entities around it. */
function starGraph(ctx) {
  const W = 360;
  const H = 220;
  const cx = W / 2;
  const cy = H / 2;
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "nsr-graph", role: "img" });
  const nodes = ctx.entities.slice(0, 8);
  g.setAttribute("aria-label", `This article and its ${nodes.length} most salient entities`);
  const lines = svg("g", { class: "nsr-graph__edges" });
  const dots = svg("g", { class: "nsr-graph__nodes" });
  nodes.forEach((e, i) => {
    const angle = (i / Math.max(1, nodes.length)) * Math.PI * 2 - Math.PI / 2;
    const rx = 130;
    const ry = 78;
    const x = cx + Math.cos(angle) * rx;
    const y = cy + Math.sin(angle) * ry;
    const type = oneOf(e?.type, ENTITY_TYPES, "misc");
    lines.append(svg("line", { x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1), class: "nsr-graph__edge" }));
    const r = 4 + clamp01(e?.salience) * 7;
    const node = svg("g", { class: `nsr-graph__node nsr-graph__node--${type}` });
    node.append(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }));
    const label = svg("text", {
      x: x.toFixed(1),
      y: (y + (y < cy ? -r - 5 : r + 12)).toFixed(1),
      "text-anchor": "middle",
    });
    const name = str(e?.name);
    label.textContent = name.length > 24 ? `${name.slice(0, 22)}\u2026` : name;
    const t = svg("title");
    t.textContent = `${ENTITY_TYPE_NAMES[type]} \u00b7 ${name}`;
    node.append(t, label);
    dots.append(node);
  });
  const center = svg("g", { class: "nsr-graph__center" });
  center.append(svg("rect", { x: cx - 34, y: cy - 12, width: 68, height: 24, rx: 3 }));
  const ct = svg("text", { x: cx, y: cy + 4, "text-anchor": "middle" });
  ct.textContent = "THIS BRIEF";
  center.append(ct);
  g.append(lines, dots, center);
  return g;
}

// ---- footer: version, id, extraction quality, the remaining provenance

function renderFooter(ctx) {
  const { brief, stats } = ctx;
  const f = el("footer", "nsr-footer");
  const line = el("p", "nsr-footer__line");
  add(
    line,
    el("strong", "", `NEWSAR ${str(brief.newsar_version)}`),
    ` \u00b7 Brief ${str(brief.id)} \u00b7 ${str(brief.source?.domain) || "no domain"} \u00b7 analyzed locally, in this browser`,
  );
  f.append(line);
  const q = arr(stats.quality_evidence);
  if (q.length) {
    const ul = el("ul", "nsr-quality");
    for (const part of q) {
      const li = el("li", `nsr-quality__part ${part?.met ? "is-met" : "is-unmet"}`);
      li.append(el("span", "nsr-quality__mark", part?.met ? "\u2713" : "\u2717"), document.createTextNode(` ${str(part?.reason)} `), el("span", "nsr-quality__weight", fixed2(part?.weight)));
      ul.append(li);
    }
    const wrap = el("div", "nsr-footer__quality");
    wrap.append(el("span", "nsr-footer__label", `Quality ${Math.round(clamp01(stats.quality) * 100)}%`), ul);
    f.append(wrap);
  }
  const note = provNote(ctx, ["source", "language"]);
  if (note) f.append(note);
  return f;
}

// ---------------------------------------------------------------- interaction

function onClick(ctx, event) {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;

  const score = target.closest(".nsr-fact__score");
  if (score) {
    const detail = ctx.root.querySelector(".nsr-fact__detail");
    if (detail) {
      detail.hidden = !detail.hidden;
      score.setAttribute("aria-expanded", String(!detail.hidden));
    }
    return;
  }

  const locate = target.closest("[data-nsr-locate]");
  if (locate) {
    const u = ctx.root.querySelector(`.nsr-report .nsr-claim-span[data-nsr-claim="${Number(locate.dataset.nsrLocate)}"]`);
    if (u) flash(u);
    return;
  }

  const quote = target.closest(".nsr-evidence__quote");
  if (quote) {
    locateSpan(ctx, Number(quote.dataset.nsrStart), Number(quote.dataset.nsrEnd));
    return;
  }

  const ent = target.closest("[data-nsr-entity]");
  if (ent && ctx.root.contains(ent)) {
    const entity = ctx.byId.get(ent.dataset.nsrEntity);
    if (!entity) return;
    focusEntity(ctx, ctx.focused === entity.id ? null : entity.id);
    if (ctx.onEntityClick) ctx.onEntityClick(entity);
  }
}

function focusEntity(ctx, id) {
  ctx.focused = id;
  const panel = ctx.focusPanel;
  if (panel) {
    const entity = id ? ctx.byId.get(id) : null;
    panel.replaceChildren();
    panel.hidden = !entity;
    if (entity) {
      const type = oneOf(entity.type, ENTITY_TYPES, "misc");
      panel.className = `nsr-rail__focus nsr-entity--${type}`;
      const aliases = arr(entity.aliases).map(str).filter(Boolean);
      add(
        panel,
        el("span", "nsr-entity__type", ENTITY_TYPE_NAMES[type]),
        el("strong", "nsr-rail__focus-name", str(entity.name)),
        aliases.length ? el("span", "nsr-entity__aliases", `also ${aliases.join(", ")}`) : null,
        el("span", "nsr-rail__focus-count", `${plural(num(entity.count), "mention", "mentions")} \u00b7 salience ${fixed2(entity.salience)}`),
      );
    }
  }
  ctx.root.classList.toggle("nsr-has-focus", Boolean(id));
  for (const node of ctx.root.querySelectorAll("[data-nsr-entity]")) {
    const on = Boolean(id) && node.dataset.nsrEntity === id;
    node.classList.toggle("nsr-is-focus", on);
    if (node.tagName === "BUTTON") node.setAttribute("aria-pressed", String(on));
  }
}

function flash(node) {
  node.scrollIntoView({ behavior: "smooth", block: "center" });
  node.classList.remove("nsr-flash");
  // Restart the animation.
  void node.offsetWidth;
  node.classList.add("nsr-flash");
  setTimeout(() => node.classList.remove("nsr-flash"), 1800);
}

/** Briefly highlights text[start, end) in the full report with a DOM Range (no DOM rewrite). */
function locateSpan(ctx, start, end) {
  const report = ctx.root.querySelector(".nsr-report");
  if (!report || !(end > start)) return;
  // Each block carries its span of the text; walk its text nodes to turn offsets into a Range.
  for (const block of report.querySelectorAll("[data-nsr-start]")) {
    const pStart = Number(block.dataset.nsrStart);
    const pEnd = Number(block.dataset.nsrEnd);
    if (!(start >= pStart && start < pEnd)) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let offset = pStart;
    const range = document.createRange();
    let started = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const next = offset + n.data.length;
      if (!started && start < next) {
        range.setStart(n, start - offset);
        started = true;
      }
      if (started && end <= next) {
        range.setEnd(n, end - offset);
        break;
      }
      offset = next;
    }
    if (!started) return;
    const el0 = range.startContainer.parentElement;
    if (el0) el0.scrollIntoView({ behavior: "smooth", block: "center" });
    const sel = window.getSelection();
    if (sel) {
      sel.removeAllRanges();
      sel.addRange(range);
    }
    return;
  }
}
