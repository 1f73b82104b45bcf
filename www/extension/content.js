// NEWSAR overlay: the content script the background injects into a tab when the reader clicks the
// toolbar button or presses the shortcut. A classic script (scripting.executeScript cannot inject
// modules), run in the extension's isolated world; injecting it again is harmless.
//
// It (1) hands the page to the extension: document.documentElement.outerHTML + location.href,
// and (2) draws the brief that comes back ON the page without rewriting the page's text:
//   - a tone / factuality badge next to the headline, in a closed shadow root;
//   - claims underlined and entities tinted by type with the CSS Custom Highlight API
//     (CSS.highlights + ::highlight() rules in a <style> element the overlay owns);
//   - hover cards for claims and entities, and a small toolbar with a toggle per layer and a
//     clear-all button, each in its own closed shadow root.
// Where the Highlight API is missing the badge, the cards and the side panel still work.
//
// Offsets. Every start/end in a brief is a UTF-16 offset into brief.article.text. Each paragraph
// (article.paragraphs[i]) is found in the page's visible text nodes (a TreeWalker that skips
// script, style, hidden subtrees and the overlay itself), comparing text with whitespace and
// invisible characters removed, the same characters the core drops or folds; offsets inside a
// paragraph then map to (text node, offset) pairs and become DOM Ranges.
//
// SECURITY. Everything in a brief comes from the page. It reaches the DOM only through
// textContent / createTextNode and fixed class names; no innerHTML or HTML strings anywhere.
(() => {
  "use strict";
  if (globalThis.__newsarOverlay) return;

  const api = globalThis.browser ?? globalThis.chrome;
  const HOST_ATTR = "data-newsar-overlay";
  const ENTITY_TYPES = ["person", "organization", "location", "event", "misc"];
  const ENTITY_NAMES = { person: "Person", organization: "Organization", location: "Location", event: "Event", misc: "Other" };
  const ENTITY_COLORS = { person: "44 95 168", organization: "168 106 18", location: "45 122 76", event: "138 60 164", misc: "107 107 107" };
  const CLAIM_TYPES = ["factual", "statistic", "quote", "opinion", "prediction"];
  const TONE_LEVEL = { Calm: 0, Measured: 1, Neutral: 2, Concerned: 3, Alarmist: 4 };
  const HL = {
    claim: "newsar-claim",
    claimStrong: "newsar-claim-strong",
    focus: "newsar-focus",
    evidence: "newsar-evidence",
    entity: (type) => `newsar-ent-${type}`,
  };
  const SKIP_TAGS = new Set([
    "script", "style", "noscript", "template", "textarea", "iframe", "object", "embed", "svg", "math",
    "canvas", "select", "option", "head", "title", "video", "audio", "picture",
  ]);
  // What the core drops or folds to a space (src/text/mod.rs normalize_chars), plus whitespace
  // (everything JavaScript's \s matches): compared without these, page and brief text line up.
  const ignorable = (c) =>
    c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;

  const hasHighlights = typeof CSS !== "undefined" && !!CSS.highlights && typeof Highlight === "function";

  const str = (x) => (typeof x === "string" ? x : x === null || x === undefined ? "" : String(x));
  const arr = (x) => (Array.isArray(x) ? x : []);
  const num = (x, d = 0) => (Number.isFinite(Number(x)) ? Number(x) : d);
  const oneOf = (v, list, d) => (list.includes(v) ? v : d);
  const fixed2 = (x) => num(x).toFixed(2);

  /** The overlay's state; null when nothing is drawn. */
  let state = null;

  // ---------------------------------------------------------------- small DOM helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** A host element with a closed shadow root, styled so page CSS cannot reach inside. */
  function makeHost(kind, css) {
    const host = document.createElement("div");
    host.setAttribute(HOST_ATTR, kind);
    // Inline, important: page rules on div[...] cannot hide or restyle the host. (No `contain`:
    // it would make the host the containing block of the fixed toolbar and card.)
    for (const [k, v] of [["all", "initial"], ["display", "block"]]) {
      host.style.setProperty(k, v, "important");
    }
    const root = host.attachShadow({ mode: "closed" });
    const sheetCss = `${BASE_CSS}\n${css}`;
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(sheetCss);
        root.adoptedStyleSheets = [sheet];
      } catch {
        root.append(el("style", null, sheetCss));
      }
    } else {
      root.append(el("style", null, sheetCss));
    }
    return { host, root };
  }

  const BASE_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .nsr { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
           color: #1c1b19; }
    .brand { font: 700 11px/1 system-ui, sans-serif; letter-spacing: .12em; color: #1c1b19; }
    .brand::after { content: ""; display: inline-block; width: 6px; height: 6px; margin-left: 3px; background: #b3261e; }
    button { font: inherit; cursor: pointer; }
    .muted { color: #6d675d; }
  `;

  // ---------------------------------------------------------------- the page's text

  /** True when an element renders nothing (display: none, hidden, content-visibility hidden). */
  function isHiddenElement(node) {
    if (node.hidden) return true;
    const style = getComputedStyle(node);
    return style.display === "none" || style.contentVisibility === "hidden";
  }

  /**
   * The page's text as one string with ignorable characters removed (`flat`), and for each of
   * its UTF-16 units the text node and offset it came from.
   */
  function buildIndex(includeHidden) {
    const nodes = [];
    const nodeOf = [];
    const offsetOf = [];
    const parts = [];
    const invisibleParents = new WeakMap();
    const root = document.body || document.documentElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          if (SKIP_TAGS.has(node.localName) || node.hasAttribute(HOST_ATTR)) return NodeFilter.FILTER_REJECT;
          if (!includeHidden && isHiddenElement(node)) return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      if (!data) continue;
      if (!includeHidden && node.parentElement) {
        const parent = node.parentElement;
        let invisible = invisibleParents.get(parent);
        if (invisible === undefined) {
          invisible = getComputedStyle(parent).visibility !== "visible";
          invisibleParents.set(parent, invisible);
        }
        if (invisible) continue;
      }
      const n = nodes.length;
      let kept = "";
      for (let i = 0; i < data.length; i++) {
        if (ignorable(data.charCodeAt(i))) continue;
        kept += data[i];
        nodeOf.push(n);
        offsetOf.push(i);
      }
      if (kept) {
        nodes.push(node);
        parts.push(kept);
      }
    }
    return { flat: parts.join(""), nodes, nodeOf, offsetOf };
  }

  /** A paragraph of the brief with ignorable characters removed, and where each kept unit was. */
  function stripParagraph(text) {
    let kept = "";
    const before = new Int32Array(text.length + 1); // kept units before position i
    for (let i = 0; i < text.length; i++) {
      before[i] = kept.length;
      if (!ignorable(text.charCodeAt(i))) kept += text[i];
    }
    before[text.length] = kept.length;
    return { kept, before };
  }

  /**
   * Finds every paragraph of the brief in the page. Returns {paragraphs: [{start, end, index,
   * at, before}|null], located, total}.
   */
  function locateParagraphs(brief) {
    const text = str(brief.article && brief.article.text);
    const paragraphs = arr(brief.article && brief.article.paragraphs);
    const visible = buildIndex(false);
    let everything = null;
    let cursor = 0;
    let located = 0;
    let total = 0;
    const out = [];
    for (const p of paragraphs) {
      const start = Math.max(0, Math.min(text.length, num(p && p.start)));
      const end = Math.max(start, Math.min(text.length, num(p && p.end)));
      const { kept, before } = stripParagraph(text.slice(start, end));
      if (!kept) {
        out.push(null);
        continue;
      }
      total++;
      let index = visible;
      let at = visible.flat.indexOf(kept, cursor);
      if (at < 0) at = visible.flat.indexOf(kept);
      if (at < 0) {
        // Text the page hides (or that CSS moves out of view) may still be in the article.
        everything ??= buildIndex(true);
        index = everything;
        at = everything.flat.indexOf(kept);
      }
      if (at < 0) {
        out.push(null);
        continue;
      }
      if (index === visible) cursor = at + kept.length;
      located++;
      out.push({ start, end, index, at, before });
    }
    return { paragraphs: out, located, total };
  }

  /**
   * DOM Ranges for the brief span [start, end): one per located paragraph the span touches, with
   * the indices of the text nodes each covers.
   */
  function rangesFor(loc, start, end) {
    const out = [];
    if (!(end > start)) return out;
    for (const p of loc.paragraphs) {
      if (!p || p.end <= start || p.start >= end) continue;
      const s = Math.max(start, p.start) - p.start;
      const e = Math.min(end, p.end) - p.start;
      const k0 = p.before[s];
      const k1 = p.before[e] - 1; // the last kept unit inside the span
      if (k1 < k0) continue;
      const { index } = p;
      const a = p.at + k0;
      const b = p.at + k1;
      const startNode = index.nodes[index.nodeOf[a]];
      const endNode = index.nodes[index.nodeOf[b]];
      try {
        const range = document.createRange();
        range.setStart(startNode, index.offsetOf[a]);
        range.setEnd(endNode, index.offsetOf[b] + 1);
        const covered = [];
        for (let n = index.nodeOf[a]; n <= index.nodeOf[b]; n++) covered.push(index.nodes[n]);
        out.push({ range, covered });
      } catch {
        // the page changed under us; skip this span
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- highlights

  function highlightCss() {
    const rules = [
      `::highlight(${HL.claim}) { text-decoration: underline dotted 2px rgb(179 38 30 / 0.85); }`,
      `::highlight(${HL.claimStrong}) { text-decoration: underline solid 2px rgb(179 38 30 / 0.95); }`,
      `::highlight(${HL.focus}) { background-color: rgb(255 214 10 / 0.55); color: inherit; }`,
      `::highlight(${HL.evidence}) { background-color: rgb(255 170 60 / 0.5); color: inherit; }`,
    ];
    for (const type of ENTITY_TYPES) {
      rules.push(`::highlight(${HL.entity(type)}) { background-color: rgb(${ENTITY_COLORS[type]} / 0.2); }`);
    }
    return rules.join("\n");
  }

  function installHighlightStyle() {
    const style = document.createElement("style");
    style.setAttribute(HOST_ATTR, "highlights");
    style.textContent = highlightCss();
    (document.head || document.documentElement).append(style);
    return style;
  }

  function applyLayers() {
    if (!state || !hasHighlights) return;
    const { layers, highlights } = state;
    for (const [name, ranges] of Object.entries(highlights)) {
      const always = name === HL.focus || name === HL.evidence; // what the reader pointed at
      const layer = name.startsWith("newsar-ent-") ? name.slice("newsar-ent-".length) : "claims";
      const on = always || layers[layer] !== false;
      if (on && ranges.length > 0) CSS.highlights.set(name, new Highlight(...ranges));
      else CSS.highlights.delete(name);
    }
  }

  /** Lights `ranges` in the highlight `name` (hover focus by default), replacing what it lit. */
  function setFocus(ranges, name = HL.focus) {
    if (!state) return;
    state.highlights[name] = ranges;
    if (hasHighlights) {
      if (ranges.length > 0) CSS.highlights.set(name, new Highlight(...ranges));
      else CSS.highlights.delete(name);
    }
  }

  // ---------------------------------------------------------------- badge

  const BADGE_CSS = `
    .badge { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin: 8px 0 12px;
             padding: 6px 10px; border: 1px solid #d9d2c3; border-left: 3px solid #b3261e; border-radius: 3px;
             background: #fbf9f4; box-shadow: 0 1px 2px rgb(0 0 0 / .06); max-width: 100%; }
    .item { display: inline-flex; align-items: baseline; gap: 4px; white-space: nowrap; }
    .label { font-size: 10px; letter-spacing: .08em; text-transform: uppercase; color: #6d675d; }
    .value { font-weight: 600; }
    .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; align-self: center; }
    .tone-0 { background: #2d7a4c; } .tone-1 { background: #6b9a3a; } .tone-2 { background: #8a8a8a; }
    .tone-3 { background: #c27c12; } .tone-4 { background: #b3261e; }
    .open { border: 1px solid #1c1b19; background: #1c1b19; color: #fbf9f4; border-radius: 3px; padding: 2px 8px; font-size: 12px; }
    .open:hover { background: #b3261e; border-color: #b3261e; }
    .fact-toggle { border: 0; border-bottom: 1px dashed #6d675d; background: none; padding: 0; color: inherit; }
    .fact-toggle:hover, .fact-toggle[aria-expanded="true"] { border-bottom-color: #b3261e; }
    .fact-detail { flex-basis: 100%; max-height: 320px; overflow: auto; border-top: 1px solid #d9d2c3; padding-top: 6px; font-size: 12px; }
    .fact-head { margin: 2px 0 4px; color: #6d675d; }
    .fact-parts, .fact-evidence { list-style: none; margin: 0 0 6px; padding: 0; }
    .fact-part, .fact-ev { margin: 2px 0; }
    .fact-name { font-weight: 600; }
    .fact-weight { margin-left: 6px; font-variant-numeric: tabular-nums; }
    .fact-weight.pos { color: #2d7a4c; } .fact-weight.neg { color: #b3261e; }
    .fact-quote { border: 0; background: none; padding: 0; text-align: left; color: #1c1b19; text-decoration: underline dotted; }
    .fact-quote:hover:enabled { color: #b3261e; }
    .fact-quote:disabled { cursor: default; text-decoration: none; color: #6d675d; }
  `;

  function findHeadline(brief) {
    const squash = (s) => str(s).replace(/\s+/g, " ").trim().toLowerCase();
    const title = squash(brief.article && brief.article.title);
    const visible = (h) => h.getClientRects().length > 0;
    const heads = Array.from(document.querySelectorAll("h1, h2")).filter(visible);
    if (title) {
      const exact = heads.find((h) => squash(h.textContent) === title);
      if (exact) return exact;
      const near = heads.find((h) => {
        const t = squash(h.textContent);
        return t.length > 8 && (title.includes(t) || t.includes(title));
      });
      if (near) return near;
    }
    return heads.find((h) => h.localName === "h1") || null;
  }

  function renderBadge(brief, loc) {
    const { host, root } = makeHost("badge", BADGE_CSS);
    const wrap = el("div", "nsr badge");
    wrap.setAttribute("role", "note");
    wrap.setAttribute("aria-label", "NEWSAR brief of this article");
    const tone = brief.tone || {};
    const toneLabel = str(tone.label) || "—";
    const level = TONE_LEVEL[toneLabel] ?? 2;
    const fact = brief.factuality || {};
    const item = (label, value, extra) => {
      const span = el("span", "item");
      span.append(el("span", "label", label));
      if (extra) span.append(extra);
      span.append(el("span", "value", value));
      return span;
    };
    wrap.append(el("span", "brand", "NEWSAR"));
    const toneItem = item("Tone", toneLabel, el("span", `dot tone-${level}`));
    toneItem.dataset.field = "tone";
    // The factuality score is a button: it opens how the score was made (the detail below).
    const factItem = el("button", "item fact-toggle");
    factItem.type = "button";
    factItem.dataset.field = "factuality";
    factItem.setAttribute("aria-expanded", "false");
    factItem.setAttribute("aria-controls", "nsr-fact-detail");
    factItem.title = "How this score was made";
    factItem.append(el("span", "label", "Factuality"), el("span", "value", `${str(fact.label) || "—"} ${fixed2(fact.score)}`));
    wrap.append(toneItem, factItem);
    const lean = brief.source && brief.source.lean;
    if (lean && lean.label) wrap.append(item("Lean", str(lean.label)));
    wrap.append(el("span", "muted", `${arr(brief.claims).length} claims · ${arr(brief.entities).length} entities`));
    const open = el("button", "open", "Full brief ›");
    open.type = "button";
    open.addEventListener("click", () => {
      api.runtime.sendMessage({ type: "newsar:open-panel" }).catch(() => {});
    });
    wrap.append(open);
    const detail = factualityDetail(fact, brief.article.text, loc);
    detail.id = "nsr-fact-detail";
    detail.hidden = true;
    factItem.addEventListener("click", () => {
      detail.hidden = !detail.hidden;
      factItem.setAttribute("aria-expanded", String(!detail.hidden));
      if (detail.hidden) setFocus([], HL.evidence);
    });
    wrap.append(detail);
    root.append(wrap);
    return { host, root, detail };
  }

  /**
   * The factuality score's evidence: each component of the documented formula with its value and
   * contribution, then every evidence span (quoted from the article, with its reason and weight);
   * clicking a quote lights that span on the page and scrolls to it.
   */
  function factualityDetail(fact, text, loc) {
    const detail = el("div", "fact-detail");
    detail.append(el("div", "fact-head", `Score ${fixed2(fact.score)}: the sum of the contributions below, kept within 0–1.`));
    const parts = el("ul", "fact-parts");
    for (const c of arr(fact.components)) {
      if (!c) continue;
      const li = el("li", "fact-part");
      const contribution = num(c.contribution);
      li.append(
        el("span", "fact-name", str(c.name)),
        el("span", "muted", ` ${num(c.value).toFixed(2)}`),
        el("span", `fact-weight ${contribution < 0 ? "neg" : "pos"}`, `${contribution < 0 ? "−" : "+"}${Math.abs(contribution).toFixed(2)}`),
      );
      parts.append(li);
    }
    detail.append(parts);
    const evidence = arr(fact.evidence).filter((ev) => ev && num(ev.end) > num(ev.start));
    detail.append(el("div", "fact-head", evidence.length ? `Evidence on the page (${evidence.length}):` : "No evidence spans."));
    const list = el("ul", "fact-evidence");
    for (const ev of evidence) {
      const li = el("li", "fact-ev");
      const quote = el("button", "fact-quote", `“${text.slice(num(ev.start), num(ev.end))}”`);
      quote.type = "button";
      const ranges = rangesFor(loc, num(ev.start), num(ev.end)).map((r) => r.range);
      if (ranges.length && hasHighlights) {
        quote.title = "Show it on the page";
        quote.addEventListener("click", () => {
          setFocus(ranges, HL.evidence);
          ranges[0].startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
        });
      } else {
        quote.disabled = true;
        quote.title = ranges.length ? "This browser cannot highlight text on the page" : "Not found on this page";
      }
      const weight = num(ev.weight);
      li.append(
        quote,
        el("span", "muted", ` ${str(ev.reason)} `),
        el("span", `fact-weight ${weight < 0 ? "neg" : "pos"}`, `${weight < 0 ? "−" : "+"}${Math.abs(weight).toFixed(2)}`),
      );
      list.append(li);
    }
    detail.append(list);
    return detail;
  }

  function placeBadge(badge, brief, loc) {
    const headline = findHeadline(brief);
    if (headline) {
      headline.after(badge.host);
      return "headline";
    }
    const first = loc.paragraphs.find(Boolean);
    const node = first && first.index.nodes[first.index.nodeOf[first.at]];
    const block = node && node.parentElement && node.parentElement.closest("p, div, section, article, li, blockquote");
    if (block) {
      block.before(badge.host);
      return "article";
    }
    document.body.prepend(badge.host);
    return "top";
  }

  // ---------------------------------------------------------------- toolbar

  const TOOLBAR_CSS = `
    .bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; width: 260px; padding: 10px 12px;
           background: #fbf9f4; border: 1px solid #d9d2c3; border-top: 3px solid #1c1b19; border-radius: 4px;
           box-shadow: 0 4px 18px rgb(0 0 0 / .18); }
    .head { display: flex; align-items: center; justify-content: space-between; margin-bottom: 6px; }
    .status { font-size: 12px; color: #6d675d; margin: 2px 0 6px; }
    .status.error { color: #b3261e; }
    .layers { display: grid; grid-template-columns: 1fr 1fr; gap: 3px 8px; margin: 0; padding: 0; border: 0; }
    label { display: flex; align-items: center; gap: 5px; font-size: 12px; cursor: pointer; }
    .sw { width: 12px; height: 12px; border-radius: 2px; display: inline-block; }
    .sw.claims { background: none; border-bottom: 2px solid #b3261e; border-radius: 0; }
    .person { background: rgb(${ENTITY_COLORS.person} / .35); } .organization { background: rgb(${ENTITY_COLORS.organization} / .35); }
    .location { background: rgb(${ENTITY_COLORS.location} / .35); } .event { background: rgb(${ENTITY_COLORS.event} / .35); }
    .misc { background: rgb(${ENTITY_COLORS.misc} / .35); }
    .actions { display: flex; justify-content: flex-end; gap: 6px; margin-top: 8px; }
    .actions button, .x { border: 1px solid #d9d2c3; background: #fff; border-radius: 3px; padding: 2px 8px; font-size: 12px; color: #1c1b19; }
    .actions button:hover, .x:hover { border-color: #1c1b19; }
    .note { font-size: 11px; color: #6d675d; margin-top: 6px; }
    .min .layers, .min .actions, .min .note { display: none; }
  `;

  function renderToolbar() {
    const { host, root } = makeHost("toolbar", TOOLBAR_CSS);
    const bar = el("div", "nsr bar");
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "NEWSAR overlay");
    const head = el("div", "head");
    const min = el("button", "x", "–");
    min.type = "button";
    min.title = "Minimize";
    min.dataset.action = "minimize";
    min.addEventListener("click", () => bar.classList.toggle("min"));
    head.append(el("span", "brand", "NEWSAR"), min);
    const status = el("div", "status", "Analyzing this page…");
    status.setAttribute("role", "status");
    bar.append(head, status);
    root.append(bar);
    return { host, root, bar, status };
  }

  function fillToolbar(toolbar, counts) {
    const { bar } = toolbar;
    const layers = el("fieldset", "layers");
    layers.setAttribute("aria-label", "Layers");
    const toggle = (key, text, swatchClass) => {
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = state.layers[key] !== false;
      box.dataset.layer = key;
      box.addEventListener("change", () => {
        state.layers[key] = box.checked;
        if (key === "badge") {
          if (state.badge) state.badge.host.style.setProperty("display", box.checked ? "block" : "none", "important");
          if (!box.checked) setFocus([], HL.evidence); // the badge's evidence goes with it
        } else {
          applyLayers();
        }
      });
      label.append(box, el("span", `sw ${swatchClass}`), document.createTextNode(text));
      return label;
    };
    layers.append(toggle("claims", `Claims (${counts.claims})`, "claims"));
    for (const type of ENTITY_TYPES) {
      if (counts[type] > 0) layers.append(toggle(type, `${ENTITY_NAMES[type]} (${counts[type]})`, type));
    }
    layers.append(toggle("badge", "Badge", ""));
    const actions = el("div", "actions");
    const clear = el("button", null, "Clear all");
    clear.type = "button";
    clear.dataset.action = "clear";
    clear.addEventListener("click", () => clearAll());
    actions.append(clear);
    bar.append(layers, actions);
    if (!hasHighlights) {
      bar.append(el("div", "note", "This browser cannot highlight text without changing the page (no CSS Custom Highlight API): the badge, the cards and the side panel still work."));
    }
  }

  // ---------------------------------------------------------------- hover cards

  const CARD_CSS = `
    .card { position: fixed; z-index: 2147483647; width: 300px; max-width: calc(100vw - 16px); padding: 10px 12px;
            background: #fbf9f4; border: 1px solid #d9d2c3; border-radius: 4px; box-shadow: 0 6px 22px rgb(0 0 0 / .2);
            pointer-events: none; }
    .card[hidden] { display: none; }
    .sec + .sec { margin-top: 8px; padding-top: 8px; border-top: 1px solid #e6e0d4; }
    .kind { font: 700 10px/1 system-ui, sans-serif; letter-spacing: .1em; text-transform: uppercase; color: #6d675d; }
    .title { font-weight: 650; margin: 3px 0 4px; }
    .type { display: inline-block; font-size: 11px; padding: 1px 6px; border-radius: 10px; background: #ece6da; margin-right: 4px; }
    .t-person { background: rgb(${ENTITY_COLORS.person} / .18); } .t-organization { background: rgb(${ENTITY_COLORS.organization} / .18); }
    .t-location { background: rgb(${ENTITY_COLORS.location} / .18); } .t-event { background: rgb(${ENTITY_COLORS.event} / .18); }
    .t-misc { background: rgb(${ENTITY_COLORS.misc} / .18); }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 4px 0 0; font-size: 12px; }
    dt { color: #6d675d; } dd { margin: 0; overflow-wrap: anywhere; }
    .meter { display: inline-block; width: 60px; height: 5px; background: #e6e0d4; margin-left: 6px; vertical-align: middle; }
    .meter > span { display: block; height: 100%; background: #b3261e; }
  `;

  function renderCard() {
    const { host, root } = makeHost("card", CARD_CSS);
    const card = el("div", "nsr card");
    card.hidden = true;
    card.setAttribute("role", "tooltip");
    root.append(card);
    return { host, root, card };
  }

  function meter(value) {
    const m = el("span", "meter");
    const fill = el("span");
    fill.style.width = `${(Math.max(0, Math.min(1, num(value))) * 100).toFixed(0)}%`;
    m.append(fill);
    return m;
  }

  function row(dl, term, value, extra) {
    const dd = el("dd", null, value);
    if (extra) dd.append(extra);
    dl.append(el("dt", null, term), dd);
  }

  function claimSection(claim) {
    const sec = el("div", "sec");
    sec.dataset.kind = "claim";
    const type = oneOf(claim.type, CLAIM_TYPES, "factual");
    sec.append(el("div", "kind", "Claim"));
    const title = el("div", "title");
    title.append(el("span", "type", type), document.createTextNode(str(claim.text)));
    sec.append(title);
    const dl = el("dl");
    const who = claim.attribution;
    row(dl, "Speaker", who && who.speaker ? `${str(who.speaker)}${who.anonymous ? " (anonymous)" : ""}` : "unattributed");
    if (who && who.cue) row(dl, "Cue", str(who.cue));
    row(dl, "Confidence", fixed2(claim.confidence));
    row(dl, "Check-worthiness", fixed2(claim.checkworthiness), meter(claim.checkworthiness));
    sec.append(dl);
    return sec;
  }

  function entitySection(entity) {
    const sec = el("div", "sec");
    sec.dataset.kind = "entity";
    const type = oneOf(entity.type, ENTITY_TYPES, "misc");
    sec.append(el("div", "kind", "Entity"));
    const title = el("div", "title");
    title.append(el("span", `type t-${type}`, ENTITY_NAMES[type]), document.createTextNode(str(entity.name)));
    sec.append(title);
    const dl = el("dl");
    const aliases = arr(entity.aliases).map(str).filter((a) => a && a !== entity.name);
    row(dl, "Aliases", aliases.length ? aliases.join(", ") : "none");
    row(dl, "Mentions", String(num(entity.count, arr(entity.mentions).length)));
    row(dl, "Salience", fixed2(entity.salience), meter(entity.salience));
    sec.append(dl);
    return sec;
  }

  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (document.caretRangeFromPoint) {
      const r = document.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
    return null;
  }

  const under = (range, x, y) =>
    Array.from(range.getClientRects()).some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);

  /** The claim and the entity under the pointer, if any. */
  function itemsAt(x, y) {
    const caret = caretAt(x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    const candidates = state.byNode.get(caret.node);
    if (!candidates) return null;
    let claim = null;
    let entity = null;
    for (const item of candidates) {
      if (state.layers[item.kind === "claim" ? "claims" : item.type] === false) continue;
      if ((item.kind === "claim" && claim) || (item.kind === "entity" && entity)) continue;
      if (!under(item.range, x, y)) continue;
      if (item.kind === "claim") claim = item;
      else entity = item;
    }
    return claim || entity ? { claim, entity } : null;
  }

  function showCard(hit, x, y) {
    const { card } = state.card;
    const key = `${hit.claim ? hit.claim.index : ""}|${hit.entity ? hit.entity.index : ""}`;
    if (state.cardKey !== key) {
      state.cardKey = key;
      card.replaceChildren();
      if (hit.entity) card.append(entitySection(hit.entity.data));
      if (hit.claim) card.append(claimSection(hit.claim.data));
      setFocus(hit.entity ? state.entityRanges.get(hit.entity.data.id) || [] : []);
    }
    card.hidden = false;
    const w = card.offsetWidth || 300;
    const h = card.offsetHeight || 120;
    const left = Math.min(Math.max(8, x + 14), window.innerWidth - w - 8);
    const top = y + 18 + h < window.innerHeight ? y + 18 : Math.max(8, y - h - 12);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }

  function hideCard() {
    if (!state || !state.card) return;
    state.card.card.hidden = true;
    if (state.cardKey) setFocus([]);
    state.cardKey = null;
  }

  let pendingMove = null;
  function onPointerMove(event) {
    if (!state) return;
    const first = pendingMove === null;
    pendingMove = { x: event.clientX, y: event.clientY };
    if (!first) return;
    requestAnimationFrame(() => {
      const { x, y } = pendingMove;
      pendingMove = null;
      if (!state) return;
      const hit = itemsAt(x, y);
      if (hit) showCard(hit, x, y);
      else hideCard();
    });
  }

  // ---------------------------------------------------------------- show / clear

  function clearAll() {
    if (!state) return;
    if (hasHighlights) {
      for (const name of Object.keys(state.highlights)) CSS.highlights.delete(name);
    }
    for (const part of [state.badge, state.toolbar, state.card]) part?.host.remove();
    state.style?.remove();
    document.removeEventListener("pointermove", onPointerMove, true);
    document.removeEventListener("scroll", hideCard, true);
    state = null;
  }

  function begin() {
    clearAll();
    state = { layers: {}, highlights: {}, byNode: new Map(), entityRanges: new Map() };
    state.toolbar = renderToolbar();
    document.documentElement.append(state.toolbar.host);
  }

  function showError(message) {
    if (!state || !state.toolbar) begin();
    state.toolbar.status.textContent = `NEWSAR: ${str(message)}`;
    state.toolbar.status.classList.add("error");
  }

  function show(brief) {
    if (!brief || typeof brief !== "object" || !brief.article || typeof brief.article.text !== "string") {
      throw new Error("not a brief");
    }
    if (!state || !state.toolbar || state.brief) begin();
    state.brief = brief;
    const loc = locateParagraphs(brief);
    const index = (node, item) => {
      let list = state.byNode.get(node);
      if (!list) state.byNode.set(node, (list = []));
      list.push(item);
    };

    const claimRanges = [];
    const strongRanges = [];
    let claimsMapped = 0;
    arr(brief.claims).forEach((claim, i) => {
      if (!claim) return;
      const found = rangesFor(loc, num(claim.start), num(claim.end));
      if (found.length) claimsMapped++;
      for (const { range, covered } of found) {
        (num(claim.checkworthiness) >= 0.5 ? strongRanges : claimRanges).push(range);
        const item = { kind: "claim", index: i, range, data: claim };
        for (const node of covered) index(node, item);
      }
    });

    const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, []]));
    const counts = { claims: arr(brief.claims).length };
    let mentionsMapped = 0;
    arr(brief.entities).forEach((entity, i) => {
      if (!entity) return;
      const type = oneOf(entity.type, ENTITY_TYPES, "misc");
      counts[type] = (counts[type] || 0) + 1;
      const mine = [];
      for (const m of arr(entity.mentions)) {
        const found = rangesFor(loc, num(m && m.start), num(m && m.end));
        if (found.length) mentionsMapped++;
        for (const { range, covered } of found) {
          byType[type].push(range);
          mine.push(range);
          const item = { kind: "entity", type, index: i, range, data: entity };
          for (const node of covered) index(node, item);
        }
      }
      state.entityRanges.set(str(entity.id), mine);
    });

    state.highlights = { [HL.claim]: claimRanges, [HL.claimStrong]: strongRanges, [HL.focus]: [], [HL.evidence]: [] };
    for (const type of ENTITY_TYPES) state.highlights[HL.entity(type)] = byType[type];
    if (hasHighlights) {
      state.style = installHighlightStyle();
      applyLayers();
    }

    state.badge = renderBadge(brief, loc);
    const badgeAt = placeBadge(state.badge, brief, loc);
    state.card = renderCard();
    document.documentElement.append(state.card.host);
    fillToolbar(state.toolbar, counts);
    const missing = loc.total - loc.located;
    state.toolbar.status.textContent = missing > 0
      ? `Located ${loc.located} of ${loc.total} paragraphs on the page; the side panel has the full brief.`
      : "Hover underlined claims and tinted names for details.";
    state.toolbar.status.classList.remove("error");
    document.addEventListener("pointermove", onPointerMove, { capture: true, passive: true });
    document.addEventListener("scroll", hideCard, { capture: true, passive: true });

    return {
      highlightApi: hasHighlights,
      paragraphs: loc.total,
      located: loc.located,
      claims: arr(brief.claims).length,
      claimsMapped,
      mentions: arr(brief.entities).reduce((n, e) => n + arr(e && e.mentions).length, 0),
      mentionsMapped,
      badge: badgeAt,
    };
  }

  function collect() {
    begin();
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : "";
    // The overlay's own hosts are empty elements (their shadow roots are not serialized).
    return { html: doctype + document.documentElement.outerHTML, url: location.href, title: document.title };
  }

  /** Read-only view of what the overlay drew (shadow roots are closed): for the browser tests. */
  function snapshot() {
    const textOf = (part) => (part ? part.root.textContent : null);
    const highlights = {};
    if (hasHighlights) {
      for (const name of Object.keys(state ? state.highlights : {})) {
        const h = CSS.highlights.get(name);
        highlights[name] = h ? Array.from(h, (r) => r.toString()) : [];
      }
    }
    const dangerous = [];
    for (const part of state ? [state.badge, state.toolbar, state.card] : []) {
      if (!part) continue;
      for (const node of part.root.querySelectorAll("*")) {
        if (/^(script|img|iframe|object|embed|link|meta|base|form|svg|math|a)$/.test(node.localName)) dangerous.push(node.localName);
        for (const a of node.attributes) if (/^on|^(href|src|srcdoc|action)$/i.test(a.name)) dangerous.push(`${node.localName}[${a.name}]`);
      }
    }
    const center = (node) => {
      const r = node.getBoundingClientRect();
      return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    };
    const controls = {};
    if (state && state.toolbar) {
      for (const box of state.toolbar.root.querySelectorAll("input[data-layer]")) controls[`layer:${box.dataset.layer}`] = center(box);
      for (const b of state.toolbar.root.querySelectorAll("button[data-action]")) controls[b.dataset.action] = center(b);
    }
    if (state && state.badge) {
      const open = state.badge.root.querySelector("button.open");
      if (open) controls.open = center(open);
      const fact = state.badge.root.querySelector("button.fact-toggle");
      if (fact) controls.factuality = center(fact);
      const quote = state.badge.root.querySelector("button.fact-quote");
      if (quote && !state.badge.detail.hidden) controls.firstEvidence = center(quote);
    }
    return {
      drawn: !!(state && state.brief),
      controls,
      highlightApi: hasHighlights,
      badge: textOf(state && state.badge),
      factualityDetail: state && state.badge && !state.badge.detail.hidden ? state.badge.detail.textContent : null,
      toolbar: textOf(state && state.toolbar),
      card: state && state.card && !state.card.card.hidden ? state.card.card.textContent : null,
      layers: state ? { ...state.layers } : {},
      highlights,
      dangerous,
      hosts: document.querySelectorAll(`[${HOST_ATTR}]`).length,
    };
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!message || typeof message.type !== "string" || sender.id !== api.runtime.id) return undefined;
    try {
      switch (message.type) {
        case "newsar:collect":
          sendResponse(collect());
          break;
        case "newsar:show":
          sendResponse(show(message.brief));
          break;
        case "newsar:error":
          showError(message.message);
          sendResponse({ ok: true });
          break;
        case "newsar:clear":
          clearAll();
          sendResponse({ ok: true });
          break;
        case "newsar:focus-entity": {
          // From the side panel: light every mention of an entity (or none, entityId null).
          const ranges = state && message.entityId ? state.entityRanges.get(str(message.entityId)) || [] : [];
          setFocus(ranges);
          if (ranges[0]) ranges[0].startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
          sendResponse({ ok: true, mentions: ranges.length });
          break;
        }
        case "newsar:snapshot":
          sendResponse(snapshot());
          break;
        default:
          return undefined;
      }
    } catch (e) {
      sendResponse({ error: e && e.message ? e.message : String(e) });
    }
    return undefined;
  });

  globalThis.__newsarOverlay = { version: 1 };
})();
