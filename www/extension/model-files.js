// NEWSAR extension: the optional transformer models the reader loads from their own disk (the
// extension never downloads anything). The files' bytes are kept in this extension's IndexedDB
// ("newsar-models", read and written only by the extension's workers); what is loaded, a small
// record per model, is kept in storage.local so that the background can tell the analysis worker
// which files to use without reading them.
//
// Storage layout:
//   storage.local "model:speaker", "model:claims": Record = {stamp, file, size, provenance}
//     one key per model, so that two panels never overwrite each other's record
//   IndexedDB "newsar-models", store "files": "<name>:<stamp>" → Uint8Array (the file's bytes)
//     a new file gets a new stamp, so a record always names the bytes it was made for; bytes no
//     record names are pruned by the panel (model-prune)
//
// The panel changes models under one Web Lock ("newsar-models"), so two panels or windows never
// interleave a load, a remove and a prune.

import { idbStore } from "../shared/idb-store.js";
import { MODEL_FILES } from "../shared/transformer-models.js";

/** Larger files are refused before they are read (the shipped models are about 23 MB). */
export const MAX_MODEL_BYTES = 100_000_000;

const DB_NAME = "newsar-models";
const STORE = "files";

const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
const recordKey = (name) => `model:${name}`;
const fileKey = (name, stamp) => `${name}:${stamp}`;

/** The storage.local keys of the model records (for storage.onChanged). */
export const MODEL_RECORD_KEYS = Object.keys(MODEL_FILES).map(recordKey);

// ---------------------------------------------------------------- storage.local records

/** The records of the loaded models, {name: Record}; anything malformed is left out. */
export async function getModelRecords(storage) {
  const got = await storage.local.get(MODEL_RECORD_KEYS);
  const records = {};
  for (const name of Object.keys(MODEL_FILES)) {
    const r = got[recordKey(name)];
    if (isObject(r) && typeof r.stamp === "string" && r.stamp) records[name] = r;
  }
  return records;
}

/** Keeps `record` as the loaded model `name`, or forgets it (record null). */
export async function setModelRecord(storage, name, record) {
  if (record) await storage.local.set({ [recordKey(name)]: record });
  else await storage.local.remove(recordKey(name));
}

/** What the analysis worker needs to know: {name: stamp} of each loaded model. */
export function modelStamps(records) {
  return Object.fromEntries(Object.entries(records).map(([name, r]) => [name, r.stamp]));
}

/** Runs `fn` holding the extension-wide lock on model changes (where Web Locks exist). */
export function withModelsLock(fn) {
  return globalThis.navigator?.locks ? navigator.locks.request("newsar-models", fn) : fn();
}

// ---------------------------------------------------------------- IndexedDB (workers only)

const withStore = idbStore(DB_NAME, STORE);

export const saveModelFile = (name, stamp, bytes) => withStore("readwrite", (s) => s.put(bytes, fileKey(name, stamp)));

/** Deletes every kept file but those `stamps` ({name: stamp}) name; resolves to how many went. */
export async function pruneModelFiles(stamps) {
  const keep = new Set(Object.entries(stamps).map(([name, stamp]) => fileKey(name, stamp)));
  let removed = 0;
  await withStore("readwrite", (s) => {
    const req = s.getAllKeys();
    req.onsuccess = () => {
      for (const key of req.result) {
        if (!keep.has(key)) {
          s.delete(key);
          removed++;
        }
      }
    };
    return req;
  });
  return removed;
}

/** The bytes of a kept model file; throws a sentence for the reader when it is gone. */
export async function readModelFile(name, stamp) {
  const bytes = await withStore("readonly", (s) => s.get(fileKey(name, stamp)));
  if (!(bytes instanceof Uint8Array)) {
    throw new Error(`its file is no longer in this browser's storage: load it again in the panel (History, Transformer models)`);
  }
  return bytes;
}
