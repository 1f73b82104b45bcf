// NEWSAR extension: the client side of the analysis worker (worker.js). Used by the offscreen
// document (Chromium) and by the background page (Firefox): both are extension pages that can
// start a dedicated Worker; a Chromium service worker cannot, which is why the offscreen document
// exists. Nothing here runs at import time, so the service worker can import this module safely.
//
//   import { analyze } from "./analyzer.js";
//   const { brief, ms } = await analyze(html, { url, now: "2026-11-25" });

const TIMEOUT_MS = 60_000;

let worker = null;
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject, timer}

function start() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("message", (event) => {
    const msg = event.data || {};
    if ("ready" in msg) {
      if (!msg.ready) failAll(new Error(msg.error || "the NEWSAR engine failed to load"));
      return;
    }
    const job = pending.get(msg.id);
    if (!job) return;
    pending.delete(msg.id);
    clearTimeout(job.timer);
    if (msg.error !== undefined) job.reject(new Error(msg.error));
    else job.resolve({ brief: msg.brief, ms: msg.ms });
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    failAll(new Error(event.message || "the NEWSAR analysis worker could not start"));
    worker = null; // started again on the next request
  });
}

function failAll(error) {
  for (const [id, job] of pending) {
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
}

/** Analyzes a page's HTML in the worker; rejects with the analyzer's message on bad input. */
export function analyze(html, options = {}, { timeoutMs = TIMEOUT_MS } = {}) {
  if (!worker) start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (!pending.has(id)) return;
      // A stuck analysis must not hold the engine forever: replace the worker.
      worker?.terminate();
      worker = null;
      failAll(new Error("the analysis took too long and was stopped"));
    }, timeoutMs);
    pending.set(id, { resolve, reject, timer });
    worker.postMessage({ id, html, options });
  });
}
