// NEWSAR extension worker: loads the WebAssembly core (../pkg/newsar.js, the same module the demo
// and the CLI parity tests use) once. It runs in a dedicated Worker started by an extension page,
// so neither the analyzed page nor any extension page ever blocks on the engine:
//   - the offscreen document (Chromium) or the background page (Firefox) ask it to analyze;
//   - the side panel asks it about the local collection (./corpus-service.js): a wasm
//     `Corpus` fed from the history, saved in this extension's IndexedDB ("newsar-extension"),
//     with its stories, perspectives and topic graph, and the reader's own lean ratings.
//
// Request:  {id, html, options, ratings?}   options: {url, now, title?}; ratings: the reader's
//           ratings text (LeanRatings.export()), which overrides the built-in outlet table
// Reply:    {id, brief, ms}  or  {id, error}
// Request:  {id, kind: "sync", items: [{brief, ref}]}  oldest first; briefs already in the
//           collection change nothing.                  Reply: {id, added, size}
// Request:  {id, kind: "view", briefId, types, scope}   Reply: {id, corpus}  (see corpus-service)
// Request:  {id, kind: "node", name}                    Reply: {id, articles}
// Request:  {id, kind: "remove", briefId}               Reply: {id, removed, size}
// Request:  {id, kind: "clear"}                         Reply: {id, size: 0}
// Request:  {id, kind: "ratings", text} | {id, kind: "ratings-clear"}
//           Reply: {id, ratings: {size, list, rerated}, text}   text: the canonical ratings to keep
// Request:  {id, kind: "ratings-info"}                  Reply: {id, ratings}
// On start: {ready: true, version}  or  {ready: false, error}
import init, { analyzeHtml, version, Corpus, LeanRatings } from "../pkg/newsar.js";
import { createCorpusService, messageOf } from "./corpus-service.js";

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

async function answer(msg) {
  const { kind } = msg;
  if (kind === undefined) {
    if (typeof msg.html !== "string") throw new Error("the page's HTML must be a string");
    const options = { ...(msg.options || {}) };
    if (typeof msg.ratings === "string" && msg.ratings) options.lean_ratings = msg.ratings;
    const t0 = performance.now();
    const brief = analyzeHtml(msg.html, options);
    return { brief, ms: Math.round(performance.now() - t0) };
  }
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

self.addEventListener("message", async (event) => {
  const msg = event.data || {};
  try {
    await ready;
    self.postMessage({ id: msg.id, ...(await answer(msg)) });
  } catch (e) {
    self.postMessage({ id: msg.id, error: messageOf(e) });
  }
});
