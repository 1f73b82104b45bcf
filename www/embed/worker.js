// NEWSAR embed worker: loads the WebAssembly core (../pkg/newsar.js) once and analyzes what the
// <newsar-brief> elements of the page send, so the host page never blocks on an analysis.
//
// Request:  {id, kind: "html" | "text", input, options, models?}
//   models: the optional transformer models this analysis uses ("claims", "speaker"); each is
//   fetched once from this package (../pkg/<file>, same origin as the engine), kept, and loaded
//   or unloaded so that exactly the requested ones run.
// Reply:    {id, brief, ms}  or  {id, error}
import init, * as engine from "../pkg/newsar.js";
import { fetchModelFiles } from "../shared/model-fetch.js";
import { createModelLoader } from "../shared/transformer-models.js";

const { analyzeHtml, analyzeText, version } = engine;

const ready = init({ module_or_path: new URL("../pkg/newsar_bg.wasm", import.meta.url) }).then(
  () => self.postMessage({ ready: true, version: version() }),
  (e) => {
    const error = `could not load the NEWSAR WebAssembly module: ${messageOf(e)}`;
    self.postMessage({ ready: false, error });
    throw new Error(error);
  },
);

function messageOf(e) {
  return e && typeof e.message === "string" && e.message ? e.message : String(e);
}

const transformers = createModelLoader(engine, fetchModelFiles(new URL("../pkg/", import.meta.url)));

async function handle({ id, kind, input, options, models } = {}) {
  try {
    await ready;
    if (typeof input !== "string") throw new Error("input must be a string");
    await transformers.use(Array.isArray(models) ? models : []);
    const t0 = performance.now();
    const brief = kind === "text" ? analyzeText(input, options || {}) : analyzeHtml(input, options || {});
    self.postMessage({ id, brief, ms: Math.round(performance.now() - t0) });
  } catch (e) {
    self.postMessage({ id, error: messageOf(e) });
  }
}

// One request at a time: each sets the models it needs, so requests must not interleave.
let queue = Promise.resolve();
self.addEventListener("message", (event) => {
  queue = queue.then(() => handle(event.data || {}));
});
