// One request/answer channel to a NEWSAR module Worker, shared by the demo, the extension and the
// embed: each request gets an id, the Worker answers `{id, …}` or `{id, error}`, and a `{ready}`
// message reports whether the engine loaded. A request that takes longer than its timeout stops
// the Worker (a stuck analysis must not hold the engine) and fails every pending request; the
// Worker is started again by the next request. No network: the Worker loads the package's files.

/**
 * @param {URL|string} url  the Worker module
 * @param {{timeoutMs?: number, onReady?: (msg: object) => void, startError?: string}} options
 */
export function createWorkerClient(url, { timeoutMs = 60_000, onReady = () => {}, startError = "the NEWSAR worker could not start" } = {}) {
  let worker = null;
  let nextId = 1;
  const pending = new Map(); // id -> {resolve, reject, timer}

  function failAll(error) {
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      job.reject(error);
      pending.delete(id);
    }
  }

  function start() {
    if (worker) return;
    worker = new Worker(url, { type: "module" });
    worker.addEventListener("message", (event) => {
      const msg = event.data || {};
      if ("ready" in msg) {
        if (!msg.ready) failAll(new Error(msg.error || "the NEWSAR engine failed to load"));
        onReady(msg);
        return;
      }
      const job = pending.get(msg.id);
      if (!job) return;
      pending.delete(msg.id);
      clearTimeout(job.timer);
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      failAll(new Error(event.message || startError));
      worker = null; // started again on the next request
    });
  }

  /** Sends `message` (an `id` is added unless it has one); resolves with the Worker's answer. */
  function request(message, { timeoutMs: ms = timeoutMs } = {}) {
    start();
    const id = message.id ?? nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!pending.has(id)) return;
        worker?.terminate();
        worker = null;
        failAll(new Error("the analysis took too long and was stopped"));
      }, ms);
      pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...message, id });
    });
  }

  return { start, request };
}
