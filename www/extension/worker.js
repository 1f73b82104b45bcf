// NEWSAR extension analysis worker: loads the WebAssembly core (../pkg/newsar.js, the same module
// the demo and the CLI parity tests use) once and answers analysis requests. It runs in a dedicated
// Worker started by an extension page (the offscreen document in Chromium, the background page in
// Firefox), so neither the analyzed page nor any extension page ever blocks on an analysis.
//
// Request:  {id, html, options}          options: {url, now, title?}
// Reply:    {id, brief, ms}  or  {id, error}
// On start: {ready: true, version}  or  {ready: false, error}
import init, { analyzeHtml, version } from "../pkg/newsar.js";

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
  const { id, html, options } = event.data || {};
  try {
    await ready;
    if (typeof html !== "string") throw new Error("the page's HTML must be a string");
    const t0 = performance.now();
    const brief = analyzeHtml(html, options || {});
    self.postMessage({ id, brief, ms: Math.round(performance.now() - t0) });
  } catch (e) {
    self.postMessage({ id, error: messageOf(e) });
  }
});
