// NEWSAR demo page: collects an article (pasted text or HTML, a file, or the bundled sample),
// sends it to the analysis worker, and draws the brief with the shared renderer.
import { renderBrief, updateConnections } from "../shared/render.js";
import { createWorkerClient } from "../shared/worker-client.js";

const SAMPLE_PATH = "../pkg/sample-article.html";
const SAMPLE_URL = "https://harbourledger.example/environment/2026/03/14/sea-defences";
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 60_000;
// With a transformer model loaded an article takes seconds (about 0.15 s a sentence in wasm each).
const TRANSFORMER_TIMEOUT_MS = 300_000;

const $ = (id) => document.getElementById(id);
const ui = {
  form: $("analyze-form"),
  input: $("input"),
  url: $("url"),
  title: $("title"),
  file: $("file"),
  drop: $("drop"),
  analyze: $("analyze"),
  sample: $("sample"),
  clear: $("clear"),
  download: $("download"),
  status: $("status"),
  error: $("error"),
  errorMessage: $("error-message"),
  errorTitle: document.querySelector("#error .error__title"),
  brief: $("brief"),
  engine: $("engine"),
  collectionSize: $("collection-size"),
  clearCollection: $("clear-collection"),
  ratingsState: $("ratings-state"),
  ratingsFile: $("ratings-file"),
  clearRatings: $("clear-ratings"),
};

// ---------------------------------------------------------------- the worker

let nextId = 1; // request ids, so a newer analysis can supersede an older one
let latestId = 0;

const client = createWorkerClient(new URL("./worker.js", import.meta.url), {
  timeoutMs: TIMEOUT_MS,
  startError: "the analysis worker could not start",
  onReady(msg) {
    if (msg.ready) {
      ui.engine.textContent = `engine v${msg.version} · WebAssembly`;
      // A (re)started worker has only the compiled-in analysis.
      for (const model of modelSwitches) model.show(null);
      if (msg.ratings) showRatings(msg.ratings);
      if (msg.corpus) {
        showCollectionSize(msg.corpus.size);
        const problems = Array.isArray(msg.corpus.problems) ? msg.corpus.problems : [];
        if (problems.length) showError(`The saved collection had problems: ${problems.join("; ")}`);
      }
    } else {
      ui.engine.textContent = "engine failed to load";
      showError(msg.error);
    }
  },
});

function analyze(id, kind, input, options) {
  const timeoutMs = modelSwitches.some((m) => m.loaded) ? TRANSFORMER_TIMEOUT_MS : TIMEOUT_MS;
  return ask({ id, kind, input, options, types: graphTypes, scope: graphScope }, { timeoutMs });
}

/** Sends a request to the worker; resolves with its reply. */
function ask(message, { timeoutMs = TIMEOUT_MS } = {}) {
  return client.request(message, { timeoutMs }).then((reply) => ({ ...reply, id: message.id }));
}

// ---------------------------------------------------------------- page state

let currentKind = "text"; // "html" once a .html file or the sample fills the box
let currentBrief = null;
let currentKey = null; // the current brief's key in the collection
let graphTypes = ["person", "organization", "location", "event"]; // §07 type filter
let graphScope = "all"; // §07: the whole collection, or "article": the current article's neighbourhood

// ---------------------------------------------------------------- the local collection

function showCollectionSize(size) {
  const n = Number(size) || 0;
  ui.collectionSize.dataset.size = String(n);
  ui.collectionSize.textContent = `${n} brief${n === 1 ? "" : "s"}`;
  ui.clearCollection.disabled = n === 0;
}

/** What §07 draws, from the worker's `corpus` reply. */
function connectionsOf(corpus) {
  if (!corpus) return undefined;
  return {
    size: corpus.size,
    key: corpus.key,
    graph: corpus.graph,
    story: corpus.story,
    types: graphTypes,
    scope: corpus.scope,
    onTypesChange: requeryGraph,
    onScopeChange(scope) {
      graphScope = scope;
      requeryGraph(graphTypes);
    },
    onNodeClick: nodeArticles,
  };
}

/** The briefs of the collection that mention a graph node, for §07's list. */
async function nodeArticles(node) {
  const reply = await ask({ id: nextId++, kind: "node", name: String(node?.name || "") });
  return Array.isArray(reply.articles) ? reply.articles : [];
}

// ---------------------------------------------------------------- the reader's lean ratings

function showRatings(ratings) {
  const n = Number(ratings?.size) || 0;
  ui.ratingsState.dataset.size = String(n);
  ui.ratingsState.textContent = n ? `built-in table + ${n} rating${n === 1 ? "" : "s"} of your own` : "built-in table";
  ui.clearRatings.disabled = n === 0;
}

async function ratingsRequest(message, done) {
  hideError();
  try {
    const reply = await ask({ id: nextId++, key: currentKey, types: graphTypes, scope: graphScope, ...message });
    showRatings(reply.ratings);
    applyCorpus(reply.corpus);
    const rerated = Number(reply.ratings?.rerated) || 0;
    setStatus(`${done}; ${rerated} brief${rerated === 1 ? "" : "s"} of your collection re-rated${currentBrief ? " (analyze again to update this brief's own header)" : ""}`);
  } catch (e) {
    showError(e && e.message ? e.message : String(e), "Your lean ratings were not imported.");
  }
}

ui.ratingsFile.addEventListener("change", async () => {
  const file = ui.ratingsFile.files && ui.ratingsFile.files[0];
  ui.ratingsFile.value = "";
  if (!file) return;
  if (file.size > 5_000_000) {
    showError(`${file.name} is too large for a ratings file (the limit is 5 MB)`, "Your lean ratings were not imported.");
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (e) {
    showError(`could not read ${file.name}: ${e && e.message ? e.message : e}`, "Your lean ratings were not imported.");
    return;
  }
  await ratingsRequest({ kind: "ratings", text }, `Imported your lean ratings from ${file.name}`);
});

ui.clearRatings.addEventListener("click", () => ratingsRequest({ kind: "ratings-clear" }, "Your lean ratings were removed"));

// ---------------------------------------------------------------- the optional transformer models

/** A switch that loads one transformer model into the worker (#<name>-model-state/-toggle). */
function modelSwitch(name, { what, loadedLabel, plainLabel, offStatus }) {
  const state = $(`${name}-model-state`);
  const toggle = $(`${name}-model-toggle`);
  const sw = {
    loaded: false,
    show(provenance) {
      sw.loaded = Boolean(provenance);
      state.dataset.loaded = String(sw.loaded);
      state.textContent = provenance ? loadedLabel : plainLabel;
      state.title = provenance || "";
      toggle.checked = sw.loaded;
    },
  };
  toggle.addEventListener("change", async () => {
    const enabled = toggle.checked;
    toggle.disabled = true;
    if (enabled) setStatus(`Loading the transformer ${what}…`);
    try {
      const reply = await ask({ kind: "model", model: name, enabled });
      sw.show(reply.provenance);
      setStatus(enabled ? `Transformer ${what} loaded` : offStatus);
      if (ui.input.value.trim()) ui.form.requestSubmit();
    } catch (e) {
      sw.show(null);
      showError(e && e.message ? e.message : String(e), `The transformer ${what} was not loaded.`);
    } finally {
      toggle.disabled = false;
    }
  });
  return sw;
}

const modelSwitches = [
  modelSwitch("claims", {
    what: "claims model", loadedLabel: "transformer (MiniLM-L6)", plainLabel: "compiled-in (fast)",
    offStatus: "Back to the compiled-in claims model",
  }),
  modelSwitch("speaker", {
    what: "speaker model", loadedLabel: "rules + transformer (MiniLM-L6)", plainLabel: "rules (fast)",
    offStatus: "Back to the attribution rules alone",
  }),
];

function applyCorpus(corpus, { redraw = true } = {}) {
  if (!corpus) return;
  showCollectionSize(corpus.size);
  if (corpus.error) showError(corpus.error);
  if (redraw) updateConnections(ui.brief, connectionsOf(corpus));
}

async function requeryGraph(types) {
  graphTypes = types;
  const id = nextId++;
  try {
    const reply = await ask({ id, kind: "graph", key: currentKey, types, scope: graphScope });
    applyCorpus(reply.corpus);
  } catch (e) {
    showError(e && e.message ? e.message : String(e));
  }
}

ui.clearCollection.addEventListener("click", async () => {
  const id = nextId++;
  ui.clearCollection.disabled = true;
  try {
    const reply = await ask({ id, kind: "clear", types: graphTypes });
    currentKey = null;
    applyCorpus(reply.corpus);
    setStatus("Collection cleared");
  } catch (e) {
    showError(e && e.message ? e.message : String(e));
  }
});

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function optionsFromForm() {
  const options = { now: today() };
  const url = ui.url.value.trim();
  const title = ui.title.value.trim();
  if (url) options.url = url;
  if (title) options.title = title;
  return options;
}

function setStatus(text, busy = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle("is-busy", busy);
}

function showError(message, title = "Could not analyze this input.") {
  ui.errorTitle.textContent = title;
  ui.errorMessage.textContent = String(message || "unknown error");
  ui.error.hidden = false;
}

function hideError() {
  ui.error.hidden = true;
  ui.errorMessage.textContent = "";
}

async function run(kind, input, options, { scroll = true, label = "" } = {}) {
  hideError();
  const started = performance.now();
  setStatus(label ? `Analyzing ${label}…` : "Analyzing…", true);
  document.body.classList.add("is-busy");
  const id = nextId++;
  latestId = id;
  try {
    const reply = await analyze(id, kind, input, options);
    if (reply.id !== latestId) return; // a newer request superseded this one
    currentBrief = reply.brief;
    currentKey = reply.corpus?.key || null;
    renderBrief(ui.brief, reply.brief, { onEntityClick, connections: connectionsOf(reply.corpus) });
    applyCorpus(reply.corpus, { redraw: false });
    ui.download.hidden = false;
    const total = Math.round(performance.now() - started);
    setStatus(`Analyzed ${reply.mode === "html" ? "HTML" : "text"} in ${reply.ms} ms (${total} ms with rendering)`);
    const title = reply.brief?.article?.title;
    document.title = title ? `${title} · NEWSAR brief` : "NEWSAR brief";
    if (scroll) ui.brief.scrollIntoView({ behavior: "smooth", block: "start" });
  } catch (e) {
    if (id !== latestId) return;
    setStatus("");
    showError(e && e.message ? e.message : String(e));
  } finally {
    if (id === latestId) document.body.classList.remove("is-busy");
  }
}

function onEntityClick(entity) {
  const n = Number(entity.count) || 0;
  const pressed = ui.brief.querySelector(".nsr-entity__btn[aria-pressed='true']");
  setStatus(pressed ? `Highlighting ${n} mention${n === 1 ? "" : "s"} of ${entity.name}` : "");
}

// ---------------------------------------------------------------- inputs

ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  run(currentKind, ui.input.value, optionsFromForm());
});

// The sample fills in its URL; once the box holds something else, that URL no longer applies.
function forgetSampleUrl() {
  if (ui.url.dataset.auto === "sample") {
    ui.url.value = "";
    delete ui.url.dataset.auto;
  }
}

ui.input.addEventListener("input", () => {
  currentKind = "text"; // typed or pasted: the worker still detects HTML with looksLikeHtml
  forgetSampleUrl();
});

ui.url.addEventListener("input", () => {
  delete ui.url.dataset.auto;
});

ui.input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    ui.form.requestSubmit();
  }
});

ui.clear.addEventListener("click", () => {
  ui.input.value = "";
  ui.url.value = "";
  delete ui.url.dataset.auto;
  ui.title.value = "";
  currentKind = "text";
  hideError();
  setStatus("");
  ui.input.focus();
});

ui.download.addEventListener("click", () => {
  if (!currentBrief) return;
  const blob = new Blob([JSON.stringify(currentBrief, null, 2)], { type: "application/json" });
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = `${String(currentBrief.id || "brief").replace(/[^A-Za-z0-9-]/g, "")}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
});

async function loadSample({ scroll }) {
  hideError();
  try {
    setStatus("Loading the sample…", true);
    const res = await fetch(SAMPLE_PATH, { cache: "no-store" });
    if (!res.ok) throw new Error(`the sample article is missing (${res.status}); run \`make wasm\``);
    const html = await res.text();
    ui.input.value = html;
    ui.url.value = SAMPLE_URL;
    ui.url.dataset.auto = "sample";
    ui.title.value = "";
    currentKind = "html";
    await run("html", html, { url: SAMPLE_URL, now: today() }, { scroll, label: "the sample" });
  } catch (e) {
    setStatus("");
    showError(e && e.message ? e.message : String(e));
  }
}

ui.sample.addEventListener("click", () => loadSample({ scroll: true }));

async function handleFile(file) {
  if (!file) return;
  hideError();
  const name = file.name || "file";
  if (!/\.(html?|txt|text|md)$/i.test(name) && !/^text\//.test(file.type)) {
    showError(`${name}: choose an .html, .htm or .txt file`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError(`${name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`);
    return;
  }
  let content;
  try {
    content = await file.text();
  } catch (e) {
    showError(`could not read ${name}: ${e && e.message ? e.message : e}`);
    return;
  }
  const kind = /\.html?$/i.test(name) || file.type === "text/html" ? "html" : "text";
  forgetSampleUrl();
  ui.input.value = content;
  currentKind = kind;
  await run(kind, content, optionsFromForm(), { label: name });
}

ui.file.addEventListener("change", () => {
  const file = ui.file.files && ui.file.files[0];
  handleFile(file).finally(() => {
    ui.file.value = ""; // picking the same file again still fires "change"
  });
});

// Drag and drop: anywhere on the page, with the drop zone lit up. Without this a dropped file
// would replace the page.
let dragDepth = 0;
const hasFiles = (event) => Array.from(event.dataTransfer?.types || []).includes("Files");
window.addEventListener("dragenter", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth++;
  document.body.classList.add("is-dragging");
});
window.addEventListener("dragleave", (event) => {
  if (!hasFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) document.body.classList.remove("is-dragging");
});
window.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
});
window.addEventListener("drop", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  document.body.classList.remove("is-dragging");
  handleFile(event.dataTransfer.files[0]);
});

// ---------------------------------------------------------------- start

client.start();
loadSample({ scroll: false });
