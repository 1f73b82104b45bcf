// NEWSAR embed worker: loads the WebAssembly core (../pkg/newsar.js) once and analyzes what the
// <newsar-brief> elements of the page send, so the host page never blocks on an analysis.
//
// Request:  {id, kind: "html" | "text", input, options, models?}
//   models: the optional transformer models this analysis uses ("claims", "speaker"); each is
//   fetched once from this package (../pkg/<file>, same origin as the engine), kept, and loaded
//   or unloaded so that exactly the requested ones run.
// Reply:    {id, brief, ms}  or  {id, error}
import init, {
  analyzeHtml, analyzeText, version, loadClaimsModel, unloadClaimsModel, loadSpeakerModel, unloadSpeakerModel,
} from "../pkg/newsar.js";

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

/** The optional transformer models: their files in the package, and how each is (un)loaded. */
const MODELS = {
  claims: { file: "claims_minilm.safetensors", load: loadClaimsModel, unload: unloadClaimsModel },
  speaker: { file: "speaker_minilm.safetensors", load: loadSpeakerModel, unload: unloadSpeakerModel },
};
const fetched = new Map(); // model name → Promise of its bytes
const loaded = new Set();

/** Loads exactly the named models (fetching each file once) and unloads the others. */
async function useModels(names) {
  for (const name of names) {
    if (!Object.hasOwn(MODELS, name)) throw new Error(`unknown model "${name}" (known: ${Object.keys(MODELS).join(", ")})`);
  }
  for (const [name, model] of Object.entries(MODELS)) {
    const wanted = names.includes(name);
    if (wanted && !loaded.has(name)) {
      if (!fetched.has(name)) {
        const url = new URL(`../pkg/${model.file}`, import.meta.url);
        fetched.set(name, fetch(url).then(async (r) => {
          if (!r.ok) throw new Error(`the ${name} model is not deployed next to the engine (${url.pathname}: HTTP ${r.status})`);
          return new Uint8Array(await r.arrayBuffer());
        }));
      }
      let bytes;
      try {
        bytes = await fetched.get(name);
      } catch (e) {
        fetched.delete(name); // a later request may try again
        throw e;
      }
      model.load(bytes);
      loaded.add(name);
    } else if (!wanted && loaded.has(name)) {
      model.unload();
      loaded.delete(name);
    }
  }
}

async function handle({ id, kind, input, options, models } = {}) {
  try {
    await ready;
    if (typeof input !== "string") throw new Error("input must be a string");
    await useModels(Array.isArray(models) ? models : []);
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
