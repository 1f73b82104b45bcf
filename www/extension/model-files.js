// NEWSAR extension: the optional transformer models the reader loads from their own disk (the
// extension never downloads anything). The files' bytes are kept in this extension's IndexedDB
// ("newsar-models", read and written only by the extension's workers); what is loaded, a small
// record per model, is kept in storage.local so that the background can tell the analysis worker
// which files to use without reading them.
//
// Storage layout:
//   storage.local "models": {speaker?: Record, claims?: Record}
//     Record = {stamp, file, size, provenance}   stamp: changes whenever the file is replaced
//   IndexedDB "newsar-models", store "files": model name → Uint8Array (the file's bytes)

import { idbStore } from "../shared/idb-store.js";

export const MODELS_KEY = "models";
/** Larger files are refused before they are read (the shipped models are about 23 MB). */
export const MAX_MODEL_BYTES = 200_000_000;

const DB_NAME = "newsar-models";
const STORE = "files";

const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

// ---------------------------------------------------------------- storage.local records

/** The records of the loaded models, {name: Record}; anything malformed is left out. */
export async function getModelRecords(storage) {
  const got = (await storage.local.get(MODELS_KEY))[MODELS_KEY];
  if (!isObject(got)) return {};
  return Object.fromEntries(Object.entries(got).filter(([, r]) => isObject(r) && typeof r.stamp === "string" && r.stamp));
}

export async function setModelRecord(storage, name, record) {
  const records = await getModelRecords(storage);
  if (record) records[name] = record;
  else delete records[name];
  if (Object.keys(records).length) await storage.local.set({ [MODELS_KEY]: records });
  else await storage.local.remove(MODELS_KEY);
}

/** What the analysis worker needs to know: {name: stamp} of each loaded model. */
export function modelStamps(records) {
  return Object.fromEntries(Object.entries(records).map(([name, r]) => [name, r.stamp]));
}

// ---------------------------------------------------------------- IndexedDB (workers only)

const withStore = idbStore(DB_NAME, STORE);

export const saveModelFile = (name, bytes) => withStore("readwrite", (s) => s.put(bytes, name));
export const removeModelFile = (name) => withStore("readwrite", (s) => s.delete(name));

/** The bytes of a kept model file; throws a sentence for the reader when it is gone. */
export async function readModelFile(name) {
  const bytes = await withStore("readonly", (s) => s.get(name));
  if (!(bytes instanceof Uint8Array)) {
    throw new Error(`the ${name} model file is no longer in this browser's storage: load it again in the panel (History, Transformer models)`);
  }
  return bytes;
}
