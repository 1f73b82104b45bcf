// NEWSAR embed worker: loads the WebAssembly core (../pkg/newsar.js) once and analyzes what the
// <newsar-brief> elements of the page send, so the host page never blocks on an analysis.
//
// Request:  {id, kind: "html" | "text", input, options}
// Reply:    {id, brief, ms}  or  {id, error}
import init, { analyzeHtml, analyzeText, version } from "../pkg/newsar.js";

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

self.addEventListener("message", async (event) => {
  const { id, kind, input, options } = event.data || {};
  try {
    await ready;
    if (typeof input !== "string") throw new Error("input must be a string");
    const t0 = performance.now();
    const brief = kind === "text" ? analyzeText(input, options || {}) : analyzeHtml(input, options || {});
    self.postMessage({ id, brief, ms: Math.round(performance.now() - t0) });
  } catch (e) {
    self.postMessage({ id, error: messageOf(e) });
  }
});
