// The bytes of the optional transformer models for the demo's and the embed's workers: fetched
// from the pkg/ folder next to the engine, on the page's own origin, each file once and only when
// a model is asked for. (The extension does not use this: it never fetches.)
//
//   const models = createModelLoader(engine, fetchModelFiles(new URL("../pkg/", import.meta.url)));

import { MODEL_FILES } from "./transformer-models.js";

/**
 * A `name → Promise<Uint8Array>` for createModelLoader that fetches each model file once from
 * `pkgUrl` (a failed fetch may be tried again later).
 */
export function fetchModelFiles(pkgUrl) {
  const fetched = new Map(); // model name → Promise of its bytes
  return (name) => {
    const { file, make } = MODEL_FILES[name];
    if (!fetched.has(name)) {
      const url = new URL(file, pkgUrl);
      fetched.set(name, fetch(url).then(async (r) => {
        if (!r.ok) {
          throw new Error(`the ${name} model is not in this build: not deployed next to the engine (${url.pathname}: HTTP ${r.status}); ${make} builds it`);
        }
        return new Uint8Array(await r.arrayBuffer());
      }));
    }
    return fetched.get(name).catch((e) => {
      fetched.delete(name);
      throw e;
    });
  };
}
