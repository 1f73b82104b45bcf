// NEWSAR extension: the local history of analyzed briefs, kept in storage.local, and the checks on
// anything that claims to be a brief (an imported file). Only briefs are kept, never the page's
// HTML. Pure functions first (tested directly in node), then the storage wrappers.
//
// Storage layout (storage.local):
//   "history":  [{key, url, title, site, analyzedAt, brief}, …]  newest first
//   "settings": {history: true|false}
//   "leanRatings": the reader's own lean ratings, canonical JSON text (LeanRatings.export()),
//                  checked by the engine before it is stored; absent = the built-in table only
//   "models":   the transformer models the reader loaded, one record each (see model-files.js)
//
// The history also feeds the local collection (stories across outlets, topic graph): the side
// panel's worker adds every history brief to a wasm Corpus kept in the extension's IndexedDB
// (see worker.js and corpus-service.js); removing or clearing history entries removes
// them from the collection too.

export const HISTORY_KEY = "history";
export const SETTINGS_KEY = "settings";
export const RATINGS_KEY = "leanRatings";
/** Bounds: whichever is hit first evicts the oldest entries. */
export const MAX_ENTRIES = 100;
export const MAX_BYTES = 4_000_000; // of JSON text; storage.local allows 10 MB in Chromium
export const MAX_IMPORT_BYTES = 20_000_000;
export const EXPORT_FORMAT = "newsar-history";

const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
const isNum = (x) => typeof x === "number" && Number.isFinite(x);
const isStr = (x) => typeof x === "string";

/**
 * Null when `x` has the shape of a NEWSAR brief (the fields every consumer relies on), else a
 * sentence saying what is wrong.
 */
export function briefProblem(x) {
  if (!isObject(x)) return "it is not an object";
  if (!isStr(x.id) || !x.id.trim()) return '"id" is missing';
  if (!isStr(x.newsar_version)) return '"newsar_version" is missing';
  const a = x.article;
  if (!isObject(a)) return '"article" is missing';
  if (!isStr(a.text)) return '"article.text" is missing';
  if (!Array.isArray(a.paragraphs)) return '"article.paragraphs" is missing';
  for (const p of a.paragraphs) {
    if (!isObject(p) || !isNum(p.start) || !isNum(p.end) || p.start < 0 || p.end < p.start || p.end > a.text.length) {
      return '"article.paragraphs" has a span outside the text';
    }
  }
  if (!isObject(x.summary) || !isStr(x.summary.text)) return '"summary.text" is missing';
  if (!isObject(x.tone) || !isStr(x.tone.label)) return '"tone.label" is missing';
  if (!isObject(x.factuality) || !isNum(x.factuality.score)) return '"factuality.score" is missing';
  if (!isObject(x.stats)) return '"stats" is missing';
  for (const field of ["claims", "entities", "keywords", "sources"]) {
    if (!Array.isArray(x[field])) return `"${field}" is not a list`;
  }
  for (const c of x.claims) {
    if (!isObject(c) || !isStr(c.text) || !isNum(c.start) || !isNum(c.end)) return "a claim has no text or span";
  }
  for (const e of x.entities) {
    if (!isObject(e) || !isStr(e.id) || !isStr(e.name) || !Array.isArray(e.mentions)) {
      return "an entity has no id, name or mentions";
    }
  }
  return null;
}

export const isBrief = (x) => briefProblem(x) === null;

/** A history entry for a brief analyzed (or imported) at `analyzedAt` (ms since epoch). */
export function entryFor(brief, url, analyzedAt = Date.now()) {
  const article = brief.article || {};
  const pageUrl = isStr(url) && url ? url : isStr(article.url) ? article.url : "";
  return {
    key: `${brief.id}|${pageUrl}`,
    url: pageUrl,
    title: isStr(article.title) && article.title ? article.title : "(untitled)",
    site: (brief.source && isStr(brief.source.name) && brief.source.name) || (isStr(article.site_name) && article.site_name) || "",
    analyzedAt: isNum(analyzedAt) ? analyzedAt : Date.now(),
    brief,
  };
}

const sizeOf = (x) => JSON.stringify(x).length;

/**
 * Adds entries (newest first) to a history list and applies the bounds: the same page analyzed
 * again replaces its old entry; past `maxEntries` or `maxBytes` of JSON the oldest go. Returns
 * {list, evicted}. An entry larger than maxBytes on its own is not kept.
 */
export function addEntries(list, entries, { maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES } = {}) {
  const incoming = entries.filter((e) => sizeOf(e) <= maxBytes);
  const keys = new Set(incoming.map((e) => e.key));
  const urls = new Set(incoming.map((e) => e.url).filter(Boolean));
  let merged = [...incoming, ...list.filter((e) => !keys.has(e.key) && !(e.url && urls.has(e.url)))];
  merged.sort((a, b) => b.analyzedAt - a.analyzedAt);
  let evicted = entries.length - incoming.length;
  if (merged.length > maxEntries) {
    evicted += merged.length - maxEntries;
    merged = merged.slice(0, maxEntries);
  }
  let bytes = sizeOf(merged);
  while (merged.length > 0 && bytes > maxBytes) {
    const gone = merged.pop();
    bytes -= sizeOf(gone) + 1;
    evicted++;
  }
  return { list: merged, evicted };
}

/** The JSON text of an export file. */
export function exportText(list, now = new Date()) {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: 1,
      exported_at: now.toISOString(),
      entries: list.map((e) => ({ url: e.url, analyzed_at: new Date(e.analyzedAt).toISOString(), brief: e.brief })),
    },
    null,
    1,
  );
}

/**
 * Reads an import file: a NEWSAR history export, a list of briefs, or one brief. Returns
 * {entries, rejected} where rejected counts items that are not briefs; throws an Error with a
 * message for a file that holds no brief at all.
 */
export function parseImport(text) {
  if (!isStr(text)) throw new Error("the file could not be read as text");
  if (text.length > MAX_IMPORT_BYTES) throw new Error("the file is too large to be a NEWSAR history export");
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("the file is not JSON");
  }
  let items;
  if (isObject(data) && data.format === EXPORT_FORMAT && Array.isArray(data.entries)) {
    items = data.entries.map((e) => (isObject(e) ? { brief: e.brief, url: e.url, at: Date.parse(e.analyzed_at) } : { brief: e }));
  } else if (Array.isArray(data)) {
    items = data.map((b) => ({ brief: b }));
  } else if (isObject(data)) {
    items = [{ brief: data }];
  } else {
    throw new Error("the file holds no NEWSAR brief");
  }
  const entries = [];
  const problems = [];
  items.forEach((item, i) => {
    const problem = briefProblem(item.brief);
    if (problem) problems.push(`item ${i + 1}: ${problem}`);
    else entries.push(entryFor(item.brief, isStr(item.url) ? item.url : "", isNum(item.at) ? item.at : Date.now()));
  });
  if (entries.length === 0) {
    const first = problems[0] ? ` (${problems[0]})` : "";
    throw new Error(`the file holds no NEWSAR brief${first}`);
  }
  return { entries, rejected: problems.length, problems };
}

// ---------------------------------------------------------------- storage

export async function getSettings(storage) {
  const got = await storage.local.get(SETTINGS_KEY);
  const s = got[SETTINGS_KEY];
  return { history: !(isObject(s) && s.history === false) };
}

export async function setSettings(storage, settings) {
  await storage.local.set({ [SETTINGS_KEY]: { history: settings.history !== false } });
}

/** The reader's lean ratings text, or undefined. */
export async function getRatingsText(storage) {
  const got = await storage.local.get(RATINGS_KEY);
  const t = got[RATINGS_KEY];
  return typeof t === "string" && t ? t : undefined;
}

export async function setRatingsText(storage, text) {
  if (typeof text === "string" && text) await storage.local.set({ [RATINGS_KEY]: text });
  else await storage.local.remove(RATINGS_KEY);
}

/** History entries as the collection takes them: oldest first, {brief, ref: url}. */
export function corpusItems(list) {
  return [...list].sort((a, b) => a.analyzedAt - b.analyzedAt).map((e) => ({ brief: e.brief, ref: e.url || undefined }));
}

export async function loadHistory(storage) {
  const got = await storage.local.get(HISTORY_KEY);
  const list = got[HISTORY_KEY];
  return Array.isArray(list) ? list.filter((e) => isObject(e) && isBrief(e.brief)) : [];
}

let queue = Promise.resolve();
/** Serializes read-modify-write cycles on the history within one extension context. */
function serialized(fn) {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

export function saveEntries(storage, entries, bounds) {
  return serialized(async () => {
    const { list, evicted } = addEntries(await loadHistory(storage), entries, bounds);
    await storage.local.set({ [HISTORY_KEY]: list });
    return { count: list.length, evicted };
  });
}

export function removeEntry(storage, key) {
  return serialized(async () => {
    const list = (await loadHistory(storage)).filter((e) => e.key !== key);
    await storage.local.set({ [HISTORY_KEY]: list });
    return list.length;
  });
}

export function clearHistory(storage) {
  return serialized(() => storage.local.set({ [HISTORY_KEY]: [] }));
}
