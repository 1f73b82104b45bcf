// NEWSAR extension: the client side of the analysis worker (worker.js). Used by the offscreen
// document (Chromium) and by the background page (Firefox): both are extension pages that can
// start a dedicated Worker; a Chromium service worker cannot, which is why the offscreen document
// exists. Nothing here runs at import time, so the service worker can import this module safely.
//
//   import { analyze } from "./analyzer.js";
//   const { brief, ms, warnings } = await analyze(html, { url, now: "2026-11-25" });

import { createWorkerClient } from "../shared/worker-client.js";

const TIMEOUT_MS = 60_000;

const client = createWorkerClient(new URL("./worker.js", import.meta.url), {
  timeoutMs: TIMEOUT_MS,
  startError: "the NEWSAR analysis worker could not start",
});

/**
 * Analyzes a page's HTML in the worker; rejects with the analyzer's message on bad input.
 * `ratings` is the reader's own lean ratings text (from storage.local), if any; `models` the
 * {name: stamp} of the transformer models the reader loaded (./model-files.js), if any.
 */
export function analyze(html, options = {}, { timeoutMs = TIMEOUT_MS, ratings, models } = {}) {
  return client
    .request({ html, options, ratings: typeof ratings === "string" && ratings ? ratings : undefined, models }, { timeoutMs })
    .then((msg) => ({ brief: msg.brief, ms: msg.ms, warnings: Array.isArray(msg.warnings) ? msg.warnings : [] }));
}
