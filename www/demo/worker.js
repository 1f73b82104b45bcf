// NEWSAR analysis worker: loads the WebAssembly core once and answers analysis requests, so the
// page stays responsive however long an analysis takes. It also owns the local collection: a
// wasm `Corpus` that every analyzed brief joins, saved to IndexedDB in this browser (never sent
// anywhere) and loaded back when the page opens.
//
// Request:  {id, kind: "html" | "text", input, options, types?}
//   kind "html" always parses the input as a page; kind "text" still checks looksLikeHtml(), so
//   HTML pasted into the text box is parsed as HTML. The brief is then added to the collection.
// Reply:    {id, brief, mode: "html" | "text", ms, corpus}  or  {id, error}
// Request:  {id, kind: "graph", key, types}   Reply: {id, corpus}   (re-query the graph)
// Request:  {id, kind: "clear"}               Reply: {id, corpus}   (empty the collection)
//   corpus = {size, key, graph, story, error?}: graph (from Corpus.graph) and story (the story of
//   the brief `key`, from Corpus.stories) only when the collection holds at least 2 briefs.
// On start: {ready: true, version, corpus: {size, problems}} once the module is initialised and
//   the collection loaded, or {ready: false, error}.
import init, { analyzeHtml, analyzeText, looksLikeHtml, version, Corpus } from "../pkg/newsar.js";

const DB_NAME = "newsar-demo";
const STORE = "corpus";
const DB_KEY = "collection";
const NODE_TYPES = ["person", "organization", "location", "event"];

let corpus = null;

const ready = init()
  .then(async () => {
    corpus = new Corpus();
    const problems = await loadCorpus();
    self.postMessage({ ready: true, version: version(), corpus: { size: corpus.size, problems } });
  })
  .catch((e) => {
    const error = `could not load the NEWSAR WebAssembly module: ${messageOf(e)}`;
    self.postMessage({ ready: false, error });
    throw new Error(error);
  });

function messageOf(e) {
  if (e && typeof e.message === "string" && e.message) return e.message;
  return String(e);
}

// ---------------------------------------------------------------- IndexedDB (one store, one key)

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore(mode, fn) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Loads the saved collection; returns the problems found (damaged parts skipped). */
async function loadCorpus() {
  let bytes;
  try {
    bytes = await withStore("readonly", (s) => s.get(DB_KEY));
  } catch (e) {
    return [`could not read the saved collection: ${messageOf(e)}`];
  }
  if (!bytes) return [];
  try {
    return Array.from(corpus.load(new Uint8Array(bytes)), String);
  } catch (e) {
    corpus = new Corpus();
    return [`the saved collection could not be loaded: ${messageOf(e)}`];
  }
}

function saveCorpus() {
  const bytes = corpus.export();
  return withStore("readwrite", (s) => s.put(bytes, DB_KEY));
}

function clearSaved() {
  return withStore("readwrite", (s) => s.delete(DB_KEY));
}

// ---------------------------------------------------------------- views of the collection

function cleanTypes(types) {
  return Array.isArray(types) ? NODE_TYPES.filter((t) => types.includes(t)) : NODE_TYPES.slice();
}

function corpusView(key, types) {
  const view = { size: corpus.size, key: key || null, graph: null, story: null };
  if (view.size < 2) return view;
  const wanted = cleanTypes(types);
  view.types = wanted;
  view.graph = wanted.length ? corpus.graph({ types: wanted }) : { nodes: [], edges: [], candidate_nodes: 0 };
  if (key) view.story = corpus.stories().find((s) => (s.articles || []).some((a) => a.key === key)) || null;
  return view;
}

async function addToCorpus(brief, types) {
  let outcome;
  try {
    outcome = corpus.addBrief(brief, brief?.article?.url || undefined);
  } catch (e) {
    return { ...corpusView(null, types), error: `not added to the collection: ${messageOf(e)}` };
  }
  const view = corpusView(outcome.key, types);
  view.outcome = outcome.outcome;
  if (outcome.outcome === "added") {
    try {
      await saveCorpus();
    } catch (e) {
      view.error = `the collection could not be saved: ${messageOf(e)}`;
    }
  }
  return view;
}

// ---------------------------------------------------------------- requests

self.addEventListener("message", async (event) => {
  const { id, kind, input, options, types, key } = event.data || {};
  try {
    await ready;
    if (kind === "graph") {
      self.postMessage({ id, corpus: corpusView(key, types) });
      return;
    }
    if (kind === "clear") {
      corpus = new Corpus();
      let error;
      try {
        await clearSaved();
      } catch (e) {
        error = `the saved collection could not be deleted: ${messageOf(e)}`;
      }
      self.postMessage({ id, corpus: { ...corpusView(null, types), error } });
      return;
    }
    if (typeof input !== "string") throw new Error("input must be a string");
    const asHtml = kind === "html" || looksLikeHtml(input);
    const t0 = performance.now();
    const brief = asHtml ? analyzeHtml(input, options || {}) : analyzeText(input, options || {});
    const ms = Math.round(performance.now() - t0);
    const corpusReply = await addToCorpus(brief, types);
    self.postMessage({ id, brief, mode: asHtml ? "html" : "text", ms, corpus: corpusReply });
  } catch (e) {
    self.postMessage({ id, error: messageOf(e) });
  }
});
