// NEWSAR extension worker: loads the WebAssembly core (../pkg/newsar.js, the same module the demo
// and the CLI parity tests use) once. It runs in a dedicated Worker started by an extension page,
// so neither the analyzed page nor any extension page ever blocks on the engine:
//   - the offscreen document (Chromium) or the background page (Firefox) ask it to analyze;
//   - the side panel asks it about the local collection (./corpus-service.js): a wasm
//     `Corpus` fed from the history, saved in this extension's IndexedDB ("newsar-extension"),
//     with its stories, perspectives and topic graph, and the reader's own lean ratings.
//
// Request:  {id, html, options, ratings?, models?}   options: {url, now, title?}; ratings: the
//           reader's ratings text (LeanRatings.export()), which overrides the built-in outlet
//           table; models: {name: stamp} of the transformer models the reader loaded (their
//           files are read from IndexedDB, ./model-files.js, when the stamp is new to this worker)
// Reply:    {id, brief, ms, warnings}  or  {id, error}   warnings: models that could not be used
// Request:  {id, kind: "sync", items: [{brief, ref}]}  oldest first; briefs already in the
//           collection change nothing.                  Reply: {id, added, size}
// Request:  {id, kind: "view", briefId, types, scope}   Reply: {id, corpus}  (see corpus-service)
// Request:  {id, kind: "node", name}                    Reply: {id, articles}
// Request:  {id, kind: "remove", briefId}               Reply: {id, removed, size}
// Request:  {id, kind: "clear"}                         Reply: {id, size: 0}
// Request:  {id, kind: "ratings", text} | {id, kind: "ratings-clear"}
//           Reply: {id, ratings: {size, list, rerated}, text}   text: the canonical ratings to keep
// Request:  {id, kind: "ratings-info"}                  Reply: {id, ratings}
// Request:  {id, kind: "model-add", name, file}   file: a File; the engine checks it, then its
//           bytes are kept in IndexedDB.        Reply: {id, record: {stamp, file, size, provenance}}
// Request:  {id, kind: "model-prune", keep: {name: stamp}}  deletes every other kept model file
//                                                       Reply: {id, removed: count}
// Requests are answered one at a time, in order: an analysis never sees a half-changed model set.
// On start: {ready: true, version}  or  {ready: false, error}
import init, * as engine from "../pkg/newsar.js";
import { checkModelNames, createModelLoader, MODEL_FILES } from "../shared/transformer-models.js";
import { createCorpusService, messageOf } from "./corpus-service.js";
import { MAX_MODEL_BYTES, pruneModelFiles, readModelFile, saveModelFile } from "./model-files.js";

const { analyzeHtml, version, Corpus, LeanRatings } = engine;

let svc = null;
let loading = null;

const ready = init({ module_or_path: new URL("../pkg/newsar_bg.wasm", import.meta.url) }).then(
  () => self.postMessage({ ready: true, version: version() }),
  (e) => {
    const error = `could not load the NEWSAR WebAssembly module: ${messageOf(e)}`;
    self.postMessage({ ready: false, error });
    throw new Error(error);
  },
);

/** The collection, loaded from IndexedDB on first use (only the panel's worker uses it). */
async function collection() {
  if (!loading) {
    svc = createCorpusService({ Corpus, LeanRatings, dbName: "newsar-extension" });
    loading = svc.load();
  }
  const problems = await loading;
  return { svc, problems };
}

/** The reader's transformer models, loaded into this worker's engine from IndexedDB. */
const transformers = createModelLoader(engine, readModelFile);

/** {name: stamp} from a request, checked. */
function requestedModels(models) {
  if (models === undefined || models === null) return {};
  if (typeof models !== "object" || Array.isArray(models)) throw new Error("models must be an object {name: stamp}");
  checkModelNames(Object.keys(models));
  return models;
}

/** Checks a model file with the engine itself, then keeps it; the record for storage.local. */
async function addModel({ name, file }) {
  checkModelNames([name]);
  if (!(file instanceof Blob)) throw new Error("the model file must be a File");
  if (file.size > MAX_MODEL_BYTES) throw new Error(`the file is larger than ${MAX_MODEL_BYTES / 1e6} MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { load, unload } = MODEL_FILES[name];
  const provenance = engine[load](bytes); // throws, with the engine's reason, on any other file
  engine[unload](); // only checked here: the analysis worker loads it when it is asked to use it
  const stamp = `${Date.now().toString(36)}-${bytes.length}`;
  await saveModelFile(name, stamp, bytes);
  return { stamp, file: typeof file.name === "string" && file.name ? file.name : MODEL_FILES[name].file, size: bytes.length, provenance };
}

async function answer(msg) {
  const { kind } = msg;
  if (kind === undefined) {
    if (typeof msg.html !== "string") throw new Error("the page's HTML must be a string");
    const options = { ...(msg.options || {}) };
    if (typeof msg.ratings === "string" && msg.ratings) options.lean_ratings = msg.ratings;
    // A model whose file cannot be read is left out of this analysis, which says so.
    const models = requestedModels(msg.models);
    const failed = await transformers.use(Object.keys(models), models, { tolerate: true });
    const warnings = failed.map(({ name, error }) => `The ${name} model was not used: ${messageOf(error)}`);
    const t0 = performance.now();
    const brief = analyzeHtml(msg.html, options);
    return { brief, ms: Math.round(performance.now() - t0), warnings };
  }
  if (kind === "model-add") return { record: await addModel(msg) };
  if (kind === "model-prune") return { removed: await pruneModelFiles(requestedModels(msg.keep)) };
  const { svc: c, problems } = await collection();
  switch (kind) {
    case "sync": {
      const items = Array.isArray(msg.items) ? msg.items : [];
      const { added } = await c.addMany(items);
      return { added, size: c.size, problems };
    }
    case "view":
      return { corpus: c.view(typeof msg.briefId === "string" ? msg.briefId : null, { types: msg.types, scope: msg.scope }), problems };
    case "node":
      return { articles: c.nodeArticles(msg.name) };
    case "remove":
      return { removed: await c.removeId(String(msg.briefId)), size: c.size };
    case "clear":
      await c.clear();
      return { size: 0 };
    case "ratings": {
      const ratings = await c.setRatings(msg.text);
      return { ratings, text: c.ratings() || "" };
    }
    case "ratings-clear":
      return { ratings: await c.clearRatings(), text: "" };
    case "ratings-info":
      return { ratings: c.ratingsInfo() };
    default:
      throw new Error(`unknown request ${JSON.stringify(String(kind))}`);
  }
}

let queue = Promise.resolve();
self.addEventListener("message", (event) => {
  const msg = event.data || {};
  queue = queue.then(async () => {
    try {
      await ready;
      self.postMessage({ id: msg.id, ...(await answer(msg)) });
    } catch (e) {
      self.postMessage({ id: msg.id, error: messageOf(e) });
    }
  });
});
