// NEWSAR side panel (Chromium) / sidebar (Firefox): the full brief of the page in the current tab,
// drawn by the shared renderer, and the local history (keep or not, export, import, clear).
//
// The history feeds the local collection: this page starts the extension's worker (worker.js),
// which keeps a wasm Corpus in the extension's IndexedDB; every history brief joins it, and §07 of
// the brief shows its story across outlets (perspective table, blindspot, shared claims, entities
// per side) and the topic graph (type filter, this article's neighbourhood, click a node for its
// articles). The reader's own lean ratings are imported here (checked by the engine, kept in
// storage.local as "leanRatings") and used by every later analysis, and so are the optional
// transformer models the reader picks from their disk (checked by the engine, their bytes kept in
// IndexedDB by the worker, a record of each in storage.local: ./model-files.js).
//
// The brief of a tab is written by the background to storage.session under "tab:<id>" as
// {status: "analyzing" | "done" | "error", brief, error}; this page follows the active tab of
// its window, or the tab named by ?tab=<id> when it is opened in a tab of its own.
import { renderBrief, updateConnections } from "../shared/render.js";
import { MODEL_FILES } from "../shared/transformer-models.js";
import { createWorkerClient } from "../shared/worker-client.js";
import {
  HISTORY_KEY,
  RATINGS_KEY,
  SETTINGS_KEY,
  clearHistory,
  corpusItems,
  exportText,
  getSettings,
  loadHistory,
  parseImport,
  removeEntry,
  saveEntries,
  setRatingsText,
  setSettings,
} from "./history.js";
import { MAX_MODEL_BYTES, MODEL_RECORD_KEYS, getModelRecords, modelStamps, setModelRecord, withModelsLock } from "./model-files.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const ui = {
  analyze: $("analyze"),
  showBrief: $("show-brief"),
  showHistory: $("show-history"),
  historyCount: $("history-count"),
  status: $("status"),
  viewBrief: $("view-brief"),
  viewHistory: $("view-history"),
  origin: $("origin"),
  originText: $("origin-text"),
  back: $("back"),
  notice: $("notice"),
  error: $("error"),
  errorMessage: $("error-message"),
  brief: $("brief"),
  keep: $("keep-history"),
  exportBtn: $("export"),
  importInput: $("import"),
  clearBtn: $("clear-history"),
  historyStatus: $("history-status"),
  historyList: $("history-list"),
  historyEmpty: $("history-empty"),
  collectionSize: $("collection-size"),
  ratingsState: $("ratings-state"),
  ratingsFile: $("ratings-file"),
  clearRatings: $("clear-ratings"),
  ratingsStatus: $("ratings-status"),
  ratingsList: $("ratings-list"),
  modelsList: $("models-list"),
  modelsStatus: $("models-status"),
};

const fixedTab = new URLSearchParams(location.search).get("tab");
let tabId = fixedTab !== null && /^\d+$/.test(fixedTab) ? Number(fixedTab) : null;
let windowId = null;
/** What the brief view shows: the tab's brief, or a history entry (its key). */
let showing = { from: "tab", key: null, briefId: null };

const tabKey = (id) => `tab:${id}`;

function setStatus(text, busy = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle("is-busy", busy);
}

function when(ms) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// ---------------------------------------------------------------- views

function selectView(view) {
  const history = view === "history";
  ui.viewBrief.hidden = history;
  ui.viewHistory.hidden = !history;
  ui.showBrief.setAttribute("aria-pressed", String(!history));
  ui.showHistory.setAttribute("aria-pressed", String(history));
  if (history) refreshHistory();
}

function drawBrief(brief) {
  ui.notice.hidden = true;
  ui.error.hidden = true;
  if (showing.briefId === brief.id && ui.brief.firstChild) return;
  showing.briefId = brief.id;
  showing.brief = brief;
  refreshConnections();
  renderBrief(ui.brief, brief, {
    onEntityClick(entity) {
      if (showing.from !== "tab" || tabId === null) return;
      // The renderer toggles: a second click on the same entity clears the focus.
      const pressed = ui.brief.querySelector(".nsr-entity__btn[aria-pressed='true']");
      const entityId = pressed ? entity.id : null;
      api.tabs.sendMessage(tabId, { type: "newsar:focus-entity", entityId }).catch(() => {});
    },
  });
}

function clearBrief() {
  ui.brief.replaceChildren();
  showing.briefId = null;
  showing.brief = null;
}

// ---------------------------------------------------------------- the local collection

const engine = createWorkerClient(new URL("./worker.js", import.meta.url), {
  timeoutMs: 60_000,
  startError: "the NEWSAR worker could not start",
});
const ask = (message) => engine.request(message);
let graphTypes = ["person", "organization", "location", "event"];
let graphScope = "article"; // the narrow panel starts with this article's neighbourhood
const synced = new Set(); // history entry keys already fed to the collection by this page
let syncing = Promise.resolve();

/** Feeds the history briefs not yet fed to the collection (duplicates change nothing). */
function syncCollection() {
  syncing = syncing.then(async () => {
    const list = await loadHistory(api.storage);
    const fresh = list.filter((e) => !synced.has(e.key));
    let size = null;
    if (fresh.length) {
      const reply = await ask({ kind: "sync", items: corpusItems(fresh) });
      for (const e of fresh) synced.add(e.key);
      size = reply.size;
    } else {
      size = (await ask({ kind: "view" })).corpus.size;
    }
    ui.collectionSize.textContent = `${size} brief${size === 1 ? "" : "s"}`;
    ui.collectionSize.dataset.size = String(size);
  }).catch((e) => {
    ui.historyStatus.textContent = `The collection could not be updated: ${e && e.message ? e.message : e}`;
  });
  return syncing;
}

function connectionsOf(corpus) {
  return {
    size: corpus.size,
    key: corpus.key,
    graph: corpus.graph,
    story: corpus.story,
    types: graphTypes,
    scope: corpus.scope,
    onTypesChange(types) {
      graphTypes = types;
      refreshConnections();
    },
    onScopeChange(scope) {
      graphScope = scope;
      refreshConnections();
    },
    async onNodeClick(node) {
      const reply = await ask({ kind: "node", name: String(node?.name || "") });
      return Array.isArray(reply.articles) ? reply.articles : [];
    },
  };
}

/** Redraws §07 of the brief on show with the collection's graph and the brief's story. */
async function refreshConnections() {
  const brief = showing.brief;
  if (!brief) return;
  try {
    await syncing;
    const reply = await ask({ kind: "view", briefId: String(brief.id || ""), types: graphTypes, scope: graphScope });
    if (showing.brief !== brief || !reply.corpus || reply.corpus.size < 2) return;
    // Redraw only when something changed, so a history update elsewhere keeps the reader's place.
    const drawn = JSON.stringify([brief.id, reply.corpus]);
    const root = ui.brief.querySelector(".nsr-brief");
    if (root && root.dataset.nsrConnections === drawn) return;
    updateConnections(ui.brief, connectionsOf(reply.corpus));
    if (root) root.dataset.nsrConnections = drawn;
  } catch (e) {
    setStatus(`The collection could not be read: ${e && e.message ? e.message : e}`);
  }
}

// ---------------------------------------------------------------- the reader's lean ratings

function showRatings(ratings) {
  const list = Array.isArray(ratings?.list) ? ratings.list : [];
  const n = Number(ratings?.size) || 0;
  ui.ratingsState.dataset.size = String(n);
  ui.ratingsState.textContent = n ? `Using the built-in table and ${n} rating${n === 1 ? "" : "s"} of your own:` : "Using the built-in table.";
  ui.clearRatings.disabled = n === 0;
  ui.ratingsList.replaceChildren(
    ...list.slice(0, 200).map((r) => {
      const li = document.createElement("li");
      const score = typeof r.score === "number" ? ` ${r.score > 0 ? "+" : ""}${r.score.toFixed(2)}` : "";
      li.textContent = `${r.domain}: ${r.label}${score}${r.source ? ` (${r.source})` : ""}`;
      return li;
    }),
  );
}

function ratingsMessage(text, isError = false) {
  ui.ratingsStatus.textContent = text;
  ui.ratingsStatus.classList.toggle("is-error", isError);
}

async function applyRatings(message, done) {
  try {
    const reply = await ask(message);
    await setRatingsText(api.storage, reply.text);
    showRatings(reply.ratings);
    const n = Number(reply.ratings?.rerated) || 0;
    ratingsMessage(`${done}; ${n} brief${n === 1 ? "" : "s"} of your collection re-rated. New analyses use them.`);
    refreshConnections();
  } catch (e) {
    ratingsMessage(`Nothing imported. ${e && e.message ? e.message : e}`, true);
  }
}

ui.ratingsFile.addEventListener("change", async () => {
  const file = ui.ratingsFile.files && ui.ratingsFile.files[0];
  ui.ratingsFile.value = "";
  if (!file) return;
  if (file.size > 5_000_000) {
    ratingsMessage(`Nothing imported. ${file.name} is larger than 5 MB.`, true);
    return;
  }
  await applyRatings({ kind: "ratings", text: await file.text() }, `Imported ${file.name}`);
});

ui.clearRatings.addEventListener("click", () => applyRatings({ kind: "ratings-clear" }, "Your ratings were removed"));

/** The collection's ratings follow storage.local (the source of truth kept by this page). */
async function loadRatings() {
  try {
    const got = await api.storage.local.get(RATINGS_KEY);
    const text = got[RATINGS_KEY];
    const info = (await ask({ kind: "ratings-info" })).ratings;
    const kept = typeof text === "string" && text ? text : "";
    // Another window may have changed the ratings: make the collection agree with storage.local.
    if (kept && !info.size) showRatings((await ask({ kind: "ratings", text: kept })).ratings);
    else if (!kept && info.size) showRatings((await ask({ kind: "ratings-clear" })).ratings);
    else showRatings(info);
  } catch (e) {
    ratingsMessage(`Your saved ratings could not be read: ${e && e.message ? e.message : e}`, true);
  }
}

// ---------------------------------------------------------------- the optional transformer models

const MODEL_ROWS = [
  { name: "speaker", title: "Speaker model", does: "who made each claim", without: "the attribution rules alone" },
  { name: "claims", title: "Claims model", does: "which sentences are check-worthy claims", without: "the compiled-in check-worthiness model" },
];

function modelsMessage(text, isError = false) {
  ui.modelsStatus.textContent = text;
  ui.modelsStatus.classList.toggle("is-error", isError);
}

const megabytes = (n) => `${(n / 1e6).toFixed(1)} MB`;

/** Draws one row per model: its state, a file picker and a remove button (text only). */
async function showModels() {
  const records = await getModelRecords(api.storage);
  const focused = ui.modelsList.contains(document.activeElement) ? document.activeElement.id : null;
  ui.modelsList.replaceChildren(
    ...MODEL_ROWS.map(({ name, title, does, without }) => {
      const record = records[name];
      const li = document.createElement("li");
      li.className = "models__item";
      li.dataset.model = name;
      li.dataset.loaded = record ? "true" : "false";
      const head = document.createElement("div");
      const strong = document.createElement("strong");
      strong.textContent = title;
      const state = document.createElement("span");
      state.className = "models__state";
      state.textContent = record
        ? `: ${does}. Loaded ${record.file} (${megabytes(record.size)}).`
        : `: ${does} (${MODEL_FILES[name].file}). Not loaded: ${without}.`;
      head.append(strong, state);
      li.append(head);
      if (record && typeof record.provenance === "string") {
        const prov = document.createElement("p");
        prov.className = "models__provenance";
        prov.textContent = record.provenance;
        li.append(prov);
      }
      const actions = document.createElement("div");
      actions.className = "actions";
      const input = document.createElement("input");
      input.type = "file";
      input.id = `model-${name}-file`;
      input.className = "visually-hidden";
      input.accept = ".safetensors";
      input.setAttribute("aria-label", `${title}: ${record ? "replace the" : "load a"} model file`);
      input.addEventListener("change", () => loadModelFile(name, input));
      const pick = document.createElement("label");
      pick.className = "btn";
      pick.htmlFor = input.id;
      pick.textContent = record ? "Replace file" : "Load file";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "btn";
      remove.id = `model-${name}-remove`;
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", `Remove the ${title.toLowerCase()}`);
      remove.disabled = !record;
      remove.addEventListener("click", () => removeModel(name));
      actions.append(pick, input, remove);
      li.append(actions);
      return li;
    }),
  );
  if (focused) document.getElementById(focused)?.focus();
}

/** Runs one change of the models: its controls off meanwhile, under the extension-wide lock. */
async function changeModels(change) {
  for (const c of ui.modelsList.querySelectorAll("input, button")) c.disabled = true;
  try {
    await withModelsLock(change);
  } finally {
    await showModels();
  }
}

/** Deletes the kept files no record names (a replaced file, or one a closed panel left). */
async function pruneModelFiles() {
  await ask({ kind: "model-prune", keep: modelStamps(await getModelRecords(api.storage)) });
}

function loadModelFile(name, input) {
  const file = input.files && input.files[0];
  input.value = "";
  if (!file) return Promise.resolve();
  const { title } = MODEL_ROWS.find((r) => r.name === name);
  if (file.size > MAX_MODEL_BYTES) {
    modelsMessage(`Nothing loaded. ${file.name} is larger than ${megabytes(MAX_MODEL_BYTES)}.`, true);
    return Promise.resolve();
  }
  modelsMessage(`Checking ${file.name}…`);
  return changeModels(async () => {
    try {
      const { record } = await ask({ kind: "model-add", name, file });
      await setModelRecord(api.storage, name, record);
      modelsMessage(`${title}: loaded ${file.name}. New analyses use it (press Analyze to redo this page).`);
    } catch (e) {
      modelsMessage(`Nothing loaded. ${file.name}: ${e && e.message ? e.message : e}`, true);
    }
    await pruneModelFiles().catch(() => {}); // the file it replaced; a failure leaves only bytes
  });
}

function removeModel(name) {
  const { title, without } = MODEL_ROWS.find((r) => r.name === name);
  return changeModels(async () => {
    try {
      await setModelRecord(api.storage, name, null); // first: no later analysis asks for the file
      await pruneModelFiles();
      modelsMessage(`${title} removed. New analyses use ${without}.`);
    } catch (e) {
      modelsMessage(`The ${title.toLowerCase()} could not be removed: ${e && e.message ? e.message : e}`, true);
    }
  });
}

/** Draws the state of the followed tab. */
async function showTab() {
  showing = { from: "tab", key: null, briefId: showing.from === "tab" ? showing.briefId : null, brief: showing.from === "tab" ? showing.brief : null };
  ui.origin.hidden = true;
  if (tabId === null) {
    clearBrief();
    ui.notice.hidden = false;
    setStatus("");
    return;
  }
  const got = await api.storage.session.get(tabKey(tabId));
  const st = got[tabKey(tabId)];
  if (showing.from !== "tab") return;
  if (!st) {
    clearBrief();
    ui.notice.hidden = false;
    ui.error.hidden = true;
    setStatus("");
  } else if (st.status === "analyzing") {
    setStatus("Analyzing this page…", true);
  } else if (st.status === "error") {
    clearBrief();
    ui.notice.hidden = true;
    ui.errorMessage.textContent = String(st.error || "unknown error");
    ui.error.title = st.detail && st.detail !== st.error ? String(st.detail) : "";
    ui.error.hidden = false;
    setStatus("");
  } else if (st.status === "done" && st.brief) {
    drawBrief(st.brief);
    const o = st.overlay || {};
    const located = Number.isFinite(o.located) && Number.isFinite(o.paragraphs) ? ` · ${o.located}/${o.paragraphs} paragraphs on the page` : "";
    const warnings = Array.isArray(st.warnings) && st.warnings.length ? ` · ${st.warnings.join(" ")}` : "";
    setStatus(`Analyzed in ${Number(st.ms) || 0} ms${located}${warnings}`);
  }
}

async function showEntry(entry) {
  showing = { from: "history", key: entry.key, briefId: null };
  selectView("brief");
  ui.origin.hidden = false;
  ui.originText.textContent = `From history · analyzed ${when(entry.analyzedAt)}`;
  drawBrief(entry.brief);
  setStatus("");
}

// ---------------------------------------------------------------- history

async function refreshHistory() {
  const [list, settings] = await Promise.all([loadHistory(api.storage), getSettings(api.storage)]);
  ui.keep.checked = settings.history;
  ui.historyCount.textContent = list.length ? `(${list.length})` : "";
  ui.historyEmpty.hidden = list.length > 0;
  ui.exportBtn.disabled = list.length === 0;
  ui.historyList.replaceChildren(
    ...list.map((entry) => {
      const li = document.createElement("li");
      li.className = "history__item";
      li.dataset.key = entry.key;
      const open = document.createElement("button");
      open.type = "button";
      open.className = "history__open";
      const title = document.createElement("span");
      title.className = "history__title";
      title.textContent = entry.title;
      const meta = document.createElement("span");
      meta.className = "history__meta";
      meta.textContent = [entry.site, when(entry.analyzedAt), entry.url].filter(Boolean).join(" · ");
      open.append(title, meta);
      open.addEventListener("click", () => showEntry(entry));
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "history__remove";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", `Remove ${entry.title} from the history`);
      remove.addEventListener("click", async () => {
        await removeEntry(api.storage, entry.key);
        synced.delete(entry.key);
        await ask({ kind: "remove", briefId: String(entry.brief?.id || "") }).catch(() => {});
        syncCollection().then(refreshConnections);
        refreshHistory();
      });
      li.append(open, remove);
      return li;
    }),
  );
}

ui.keep.addEventListener("change", async () => {
  await setSettings(api.storage, { history: ui.keep.checked });
  ui.historyStatus.textContent = ui.keep.checked ? "New briefs will be kept." : "New briefs will not be kept.";
});

ui.clearBtn.addEventListener("click", async () => {
  await clearHistory(api.storage);
  synced.clear();
  await ask({ kind: "clear" }).catch(() => {});
  syncCollection();
  ui.historyStatus.textContent = "History and collection cleared.";
  refreshHistory();
});

ui.exportBtn.addEventListener("click", async () => {
  const list = await loadHistory(api.storage);
  const blob = new Blob([exportText(list)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `newsar-history-${when(Date.now()).slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  ui.historyStatus.textContent = `Exported ${list.length} brief${list.length === 1 ? "" : "s"}.`;
});

ui.importInput.addEventListener("change", async () => {
  const file = ui.importInput.files && ui.importInput.files[0];
  ui.importInput.value = "";
  if (!file) return;
  try {
    const { entries, rejected } = parseImport(await file.text());
    const { evicted } = await saveEntries(api.storage, entries);
    const parts = [`Imported ${entries.length} brief${entries.length === 1 ? "" : "s"}`];
    if (rejected) parts.push(`${rejected} item${rejected === 1 ? " was" : "s were"} not a brief`);
    if (evicted) parts.push(`${evicted} old brief${evicted === 1 ? "" : "s"} removed to stay within the bounds`);
    ui.historyStatus.textContent = `${parts.join("; ")}.`;
  } catch (e) {
    ui.historyStatus.textContent = `Could not import ${file.name}: ${e && e.message ? e.message : e}.`;
  }
  refreshHistory();
});

// ---------------------------------------------------------------- wiring

ui.showBrief.addEventListener("click", () => {
  selectView("brief");
  showTab();
});
ui.showHistory.addEventListener("click", () => selectView("history"));
ui.back.addEventListener("click", () => showTab());

ui.analyze.addEventListener("click", async () => {
  if (tabId === null) return;
  selectView("brief");
  showing = { from: "tab", key: null, briefId: null };
  ui.origin.hidden = true;
  setStatus("Analyzing this page…", true);
  ui.analyze.disabled = true;
  try {
    await api.runtime.sendMessage({ type: "newsar:analyze-tab", tabId });
  } finally {
    ui.analyze.disabled = false;
    showTab();
  }
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === "session" && tabId !== null && changes[tabKey(tabId)] && showing.from === "tab") showTab();
  if (area === "local" && changes[HISTORY_KEY]) syncCollection().then(refreshConnections);
  if (area === "local" && MODEL_RECORD_KEYS.some((k) => changes[k])) showModels(); // also another window's
  if (area === "local" && (changes[HISTORY_KEY] || changes[SETTINGS_KEY])) {
    if (!ui.viewHistory.hidden) refreshHistory();
    else loadHistory(api.storage).then((l) => (ui.historyCount.textContent = l.length ? `(${l.length})` : ""));
  }
});

async function followActiveTab() {
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  if (active) {
    tabId = active.id;
    windowId = active.windowId;
  }
}

if (fixedTab === null) {
  api.tabs.onActivated.addListener((info) => {
    if (windowId !== null && info.windowId !== windowId) return;
    tabId = info.tabId;
    showTab();
  });
}

(async () => {
  syncCollection();
  loadRatings();
  changeModels(pruneModelFiles).catch(() => {}); // and draws the models section
  if (tabId === null) await followActiveTab();
  await showTab();
  refreshHistory();
})();
