// One IndexedDB object store, opened per operation: used by the collection (corpus-service.js)
// and by the extension's kept model files (extension/model-files.js). Each call opens the
// database (creating the store on first use), runs one request in one transaction, and closes it.
//
//   const store = idbStore("newsar-extension", "corpus");
//   await store("readwrite", (s) => s.put(bytes, "key"));
//   const bytes = await store("readonly", (s) => s.get("key"));

/** A function `(mode, request) → Promise of the request's result` on `storeName` in `dbName`. */
export function idbStore(dbName, storeName) {
  function openDb() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(storeName);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  return async function withStore(mode, fn) {
    const db = await openDb();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction(storeName, mode);
        const req = fn(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };
}
