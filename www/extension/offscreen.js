// NEWSAR offscreen document (Chromium): receives {target: "newsar-offscreen", type: "analyze",
// html, options, ratings, models} from the service worker and answers with {brief, ms} or {error}. The analysis
// itself runs in the dedicated Worker that analyzer.js starts.
import { analyze } from "./analyzer.js";

const api = globalThis.browser ?? globalThis.chrome;

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || message.target !== "newsar-offscreen") return undefined;
  if (sender.id !== api.runtime.id) return undefined;
  if (message.type === "ping") {
    sendResponse({ ok: true });
    return undefined;
  }
  if (message.type !== "analyze") return undefined;
  analyze(message.html, message.options || {}, { ratings: message.ratings, models: message.models }).then(
    (result) => sendResponse(result),
    (e) => sendResponse({ error: e && e.message ? e.message : String(e) }),
  );
  return true; // the answer comes asynchronously
});
