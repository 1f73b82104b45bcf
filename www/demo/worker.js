// NEWSAR analysis worker: loads the WebAssembly core once and answers analysis requests, so the
// page stays responsive however long an analysis takes.
//
// Request:  {id, kind: "html" | "text", input, options}
//   kind "html" always parses the input as a page; kind "text" still checks looksLikeHtml(), so
//   HTML pasted into the text box is parsed as HTML.
// Reply:    {id, brief, mode: "html" | "text", ms}  or  {id, error}
// On start: {ready: true, version} once the module is initialised, or {ready: false, error}.
import init, { analyzeHtml, analyzeText, looksLikeHtml, version } from "../pkg/newsar.js";

const ready = init().then(
  () => {
    self.postMessage({ ready: true, version: version() });
  },
  (e) => {
    const error = `could not load the NEWSAR WebAssembly module: ${messageOf(e)}`;
    self.postMessage({ ready: false, error });
    throw new Error(error);
  },
);

function messageOf(e) {
  if (e && typeof e.message === "string" && e.message) return e.message;
  return String(e);
}

self.addEventListener("message", async (event) => {
  const { id, kind, input, options } = event.data || {};
  try {
    await ready;
    if (typeof input !== "string") throw new Error("input must be a string");
    const asHtml = kind === "html" || looksLikeHtml(input);
    const t0 = performance.now();
    const brief = asHtml ? analyzeHtml(input, options || {}) : analyzeText(input, options || {});
    const ms = Math.round(performance.now() - t0);
    self.postMessage({ id, brief, mode: asHtml ? "html" : "text", ms });
  } catch (e) {
    self.postMessage({ id, error: messageOf(e) });
  }
});
