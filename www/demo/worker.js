// NEWSAR analysis worker: loads the WebAssembly core once and answers analysis requests, so the
// page stays responsive however long an analysis takes. It also owns the local collection
// (../extension/corpus-service.js, shared with the extension): a wasm `Corpus` that every
// analyzed brief joins, saved to
// IndexedDB in this browser (never sent anywhere) and loaded back when the page opens, and the
// reader's own lean ratings, which override the built-in outlet table in every brief.
//
// Request:  {id, kind: "html" | "text", input, options, types?, scope?}
//   kind "html" always parses the input as a page; kind "text" still checks looksLikeHtml(), so
//   HTML pasted into the text box is parsed as HTML. The brief is then added to the collection.
// Reply:    {id, brief, mode: "html" | "text", ms, corpus}  or  {id, error}
// Request:  {id, kind: "graph", key, types, scope}  Reply: {id, corpus}   (re-query the graph)
// Request:  {id, kind: "node", name}                Reply: {id, articles} (briefs naming an entity)
// Request:  {id, kind: "clear"}                     Reply: {id, corpus}   (empty the collection)
// Request:  {id, kind: "ratings", text}             Reply: {id, ratings, corpus}  or {id, error}
// Request:  {id, kind: "ratings-clear"}             Reply: {id, ratings, corpus}
//   corpus = {size, key, graph, story, scope, ratings, error?}: graph (Corpus.graph, or
//   Corpus.neighbourhood of `key` when scope is "article") and story (Corpus.storyOf(key)) only
//   when the collection holds at least 2 briefs; ratings = {size, list, rerated}.
// Request:  {id, kind: "model", model: "claims" | "speaker", enabled}
// Reply:    {id, provenance}  or  {id, error}
//   enabled: fetches the optional transformer model from this package (same origin as the
//   engine: ../pkg/claims_minilm.safetensors scores check-worthiness, ../pkg/speaker_minilm.safetensors
//   revises the attribution rules' speakers) and loads it; every later analysis uses it. Not
//   enabled: back to the compiled-in analysis. provenance is the loaded model's, or null.
// On start: {ready: true, version, corpus: {size, problems}, ratings} once the module is
//   initialised and the collection loaded, or {ready: false, error}.
import init, * as engine from "../pkg/newsar.js";
import { createCorpusService, messageOf } from "../extension/corpus-service.js";
import { fetchModelFiles } from "../shared/model-fetch.js";
import { createModelLoader } from "../shared/transformer-models.js";

const { analyzeHtml, analyzeText, looksLikeHtml, version, Corpus, LeanRatings } = engine;

let svc = null;

const models = createModelLoader(engine, fetchModelFiles(new URL("../pkg/", import.meta.url)));
let enabledModels = []; // the transformer models the reader switched on

/** Loads (or, not enabled, unloads) one transformer model; returns its provenance or null. */
async function setModel(name, enabled) {
  models.check([name]);
  const next = enabledModels.filter((m) => m !== name).concat(enabled ? [name] : []);
  await models.use(next);
  enabledModels = next;
  return models.provenance(name);
}

const ready = init()
  .then(async () => {
    svc = createCorpusService({ Corpus, LeanRatings, dbName: "newsar-demo" });
    const problems = await svc.load();
    self.postMessage({ ready: true, version: version(), corpus: { size: svc.size, problems }, ratings: svc.ratingsInfo() });
  })
  .catch((e) => {
    const error = `could not load the NEWSAR WebAssembly module: ${messageOf(e)}`;
    self.postMessage({ ready: false, error });
    throw new Error(error);
  });

self.addEventListener("message", async (event) => {
  const { id, kind, input, options, types, key, scope, name, text, model, enabled } = event.data || {};
  try {
    await ready;
    if (kind === "graph") {
      self.postMessage({ id, corpus: svc.view(key, { types, scope }) });
      return;
    }
    if (kind === "node") {
      self.postMessage({ id, articles: svc.nodeArticles(name) });
      return;
    }
    if (kind === "clear") {
      let error;
      try {
        await svc.clear();
      } catch (e) {
        error = `the saved collection could not be deleted: ${messageOf(e)}`;
      }
      self.postMessage({ id, corpus: { ...svc.view(null, { types }), error } });
      return;
    }
    if (kind === "model") {
      self.postMessage({ id, provenance: await setModel(model, Boolean(enabled)) });
      return;
    }
    if (kind === "ratings" || kind === "ratings-clear") {
      const ratings = kind === "ratings" ? await svc.setRatings(text) : await svc.clearRatings();
      self.postMessage({ id, ratings, corpus: svc.view(key, { types, scope }) });
      return;
    }
    if (typeof input !== "string") throw new Error("input must be a string");
    const asHtml = kind === "html" || looksLikeHtml(input);
    const t0 = performance.now();
    const opts = { ...(options || {}) };
    if (svc.ratings()) opts.lean_ratings = svc.ratings();
    const brief = asHtml ? analyzeHtml(input, opts) : analyzeText(input, opts);
    const ms = Math.round(performance.now() - t0);
    const added = await svc.add(brief, brief?.article?.url || undefined);
    const corpus = { ...svc.view(added.key, { types, scope }), outcome: added.outcome };
    if (added.error) corpus.error = added.error;
    self.postMessage({ id, brief, mode: asHtml ? "html" : "text", ms, corpus });
  } catch (e) {
    self.postMessage({ id, error: messageOf(e) });
  }
});
