// NEWSAR extension background: the Chromium service worker, or the Firefox event page (the same
// file; the manifests in pkg-config/extension/ say which).
//
// The toolbar button and the keyboard shortcut (command "analyze-page") both call analyzeTab():
//   1. inject content.js into the tab (scripting + activeTab: the user's click or shortcut grants
//      access to that one tab; the extension has no host permissions),
//   2. ask it for the page (document.documentElement.outerHTML + location.href),
//   3. analyze it off the page's main thread: in a Worker started by the offscreen document
//      (Chromium; a service worker cannot start one) or by this page itself (Firefox),
//   4. send the brief back to content.js, which draws the overlay,
//   5. keep the brief for the side panel (storage.session, per tab) and in the history
//      (storage.local, unless the reader turned it off).
// No request ever leaves the browser: the only things loaded are the extension's own files.
import { analyze as analyzeInWorker } from "./analyzer.js";
import { entryFor, getRatingsText, getSettings, saveEntries } from "./history.js";
import { getModelRecords, modelStamps } from "./model-files.js";

const api = globalThis.browser ?? globalThis.chrome;
const OFFSCREEN_PATH = "extension/offscreen.html";
const CONTENT_SCRIPT = "extension/content.js";
const PANEL_PATH = "extension/panel.html";
const MAX_HTML_CHARS = 12_000_000;

const tabKey = (tabId) => `tab:${tabId}`;

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const messageOf = (e) => (e && typeof e.message === "string" && e.message ? e.message : String(e));

/** What the reader sees when a step fails, in words that say what to do. */
function friendly(e) {
  const m = messageOf(e);
  // Chromium and Firefox refusing the tab: no access granted, or a page no extension may script.
  if (/cannot access (contents of|a chrome|a chrome-extension)|cannot be scripted|must request permission|missing host permission|missing activeTab/i.test(m)) {
    return "NEWSAR can't read this page. Click the NEWSAR button (or press Alt+Shift+N) on a news article; browser pages and extension stores are off limits.";
  }
  if (/receiving end does not exist|could not establish connection/i.test(m)) {
    return "The page did not answer (it may still be loading, or it was closed). Try again.";
  }
  return m;
}

// ---------------------------------------------------------------- analysis off the main thread

let creatingOffscreen = null;

async function ensureOffscreen() {
  if (api.runtime.getContexts) {
    const contexts = await api.runtime.getContexts({
      contextTypes: ["OFFSCREEN_DOCUMENT"],
      documentUrls: [api.runtime.getURL(OFFSCREEN_PATH)],
    });
    if (contexts.length > 0) return;
  }
  creatingOffscreen ??= api.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ["WORKERS"],
      justification: "Runs the NEWSAR WebAssembly analyzer in a Worker, off the page's main thread.",
    })
    .catch((e) => {
      if (!/single offscreen|already/i.test(messageOf(e))) throw e;
    })
    .finally(() => {
      creatingOffscreen = null;
    });
  await creatingOffscreen;
}

/** {brief, ms, warnings}; throws the analyzer's message on input it refuses. The reader's own lean ratings
 * (kept by the side panel in storage.local) override the built-in outlet table, and the
 * transformer models the reader loaded there are used. */
async function analyzeHtml(html, options) {
  const ratings = await getRatingsText(api.storage);
  const models = modelStamps(await getModelRecords(api.storage));
  if (api.offscreen && api.offscreen.createDocument) {
    await ensureOffscreen();
    const reply = await api.runtime.sendMessage({ target: "newsar-offscreen", type: "analyze", html, options, ratings, models });
    if (!reply) throw new Error("the NEWSAR engine did not answer");
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply;
  }
  return analyzeInWorker(html, options, { ratings, models }); // Firefox: this event page can start the Worker itself
}

// ---------------------------------------------------------------- per-tab state

async function setTabState(tabId, state) {
  const entry = { [tabKey(tabId)]: { tabId, at: Date.now(), ...state } };
  try {
    await api.storage.session.set(entry);
  } catch (e) {
    // storage.session is small (10 MB): past its quota, the other tabs' briefs make room.
    const others = Object.keys(await api.storage.session.get(null)).filter((k) => k.startsWith("tab:") && k !== tabKey(tabId));
    if (others.length === 0) throw e;
    await api.storage.session.remove(others);
    await api.storage.session.set(entry);
  }
}

function setBadge(tabId, text, color = "#b3261e") {
  api.action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) api.action.setBadgeBackgroundColor({ tabId, color }).catch(() => {});
}

api.tabs.onRemoved.addListener((tabId) => {
  api.storage.session.remove(tabKey(tabId)).catch(() => {});
});

// ---------------------------------------------------------------- the one analysis path

const running = new Map(); // tabId -> promise, so a double click does not analyze twice

/**
 * Analyzes the page in `tabId` and draws the overlay. Resolves to {ok: true, briefId, overlay,
 * ms} or {ok: false, error}; never rejects.
 */
export function analyzeTab(tabId, tabUrl) {
  if (running.has(tabId)) return running.get(tabId);
  const job = runAnalysis(tabId, typeof tabUrl === "string" ? tabUrl : undefined).finally(() => running.delete(tabId));
  running.set(tabId, job);
  return job;
}

async function runAnalysis(tabId, tabUrl) {
  const started = Date.now();
  let url = tabUrl; // known when the click granted access to the tab
  await setTabState(tabId, { status: "analyzing", url });
  setBadge(tabId, "…", "#6d675d");
  let injected = false;
  try {
    await api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    injected = true;
    const page = await api.tabs.sendMessage(tabId, { type: "newsar:collect" });
    if (!page || typeof page.html !== "string") throw new Error((page && page.error) || "could not read the page");
    url = page.url;
    if (page.html.length > MAX_HTML_CHARS) throw new Error("this page is too large to analyze");
    const { brief, ms, warnings } = await analyzeHtml(page.html, { url: page.url, now: today() });
    const overlay = await api.tabs.sendMessage(tabId, { type: "newsar:show", brief });
    await setTabState(tabId, { status: "done", brief, overlay, url: page.url, ms, warnings: warnings || [], total: Date.now() - started });
    const settings = await getSettings(api.storage);
    if (settings.history) await saveEntries(api.storage, [entryFor(brief, page.url)]);
    setBadge(tabId, "");
    return { ok: true, briefId: brief.id, overlay, ms };
  } catch (e) {
    const error = friendly(e);
    await setTabState(tabId, { status: "error", error, detail: messageOf(e), url });
    setBadge(tabId, "!");
    if (injected) api.tabs.sendMessage(tabId, { type: "newsar:error", message: error }).catch(() => {});
    return { ok: false, error };
  }
}

/** Opens the side panel (Chromium) or the sidebar (Firefox); must run inside the user's gesture. */
function openPanel(tab) {
  try {
    if (api.sidePanel && api.sidePanel.open) {
      api.sidePanel.open({ tabId: tab.id }).catch(() => {});
    } else if (api.sidebarAction && api.sidebarAction.open) {
      api.sidebarAction.open().catch(() => {});
    }
  } catch {
    // the panel is a convenience; the overlay is drawn either way
  }
}

/** A fallback when the panel cannot be opened without a gesture: the panel page in a tab. */
async function openPanelTab(tabId) {
  await api.tabs.create({ url: api.runtime.getURL(`${PANEL_PATH}?tab=${encodeURIComponent(tabId)}`) });
}

api.action.onClicked.addListener((tab) => {
  openPanel(tab);
  analyzeTab(tab.id, tab.url);
});

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== "analyze-page") return;
  if (tab && tab.id !== undefined) {
    openPanel(tab);
    analyzeTab(tab.id, tab.url);
    return;
  }
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  if (active) analyzeTab(active.id);
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message.type !== "string" || sender.id !== api.runtime.id) return undefined;
  // From the side panel: analyze again (works while the tab keeps the access the click granted).
  if (message.type === "newsar:analyze-tab" && Number.isInteger(message.tabId)) {
    analyzeTab(message.tabId).then(sendResponse);
    return true;
  }
  // From the overlay's "Full brief" button.
  if (message.type === "newsar:open-panel" && sender.tab) {
    const tabId = sender.tab.id;
    const open = api.sidePanel && api.sidePanel.open
      ? api.sidePanel.open({ tabId }).catch(() => openPanelTab(tabId))
      : api.sidebarAction && api.sidebarAction.open
        ? api.sidebarAction.open().catch(() => openPanelTab(tabId))
        : openPanelTab(tabId);
    open.then(() => sendResponse({ ok: true }), (e) => sendResponse({ ok: false, error: messageOf(e) }));
    return true;
  }
  return undefined;
});

// Tests and the devtools console reach the same path the toolbar button takes.
globalThis.newsar = { analyzeTab, today };
