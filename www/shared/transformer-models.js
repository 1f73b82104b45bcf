// The optional transformer models of the NEWSAR package, for the workers that run the engine (the
// demo's, the embed's and the extension's): which file each model is, and loading exactly a
// requested set of them into the engine. Where the bytes come from is the caller's: the demo and
// the embed fetch each file once from pkg/ on the page's own origin (./model-fetch.js; nothing is
// fetched unless a model is asked for); the extension reads the files the reader picked from its
// own IndexedDB (extension/model-files.js), and ships no code that fetches.
//
//   const models = createModelLoader(engine, fetchModelFiles(new URL("../pkg/", import.meta.url)));
//   await models.use(["speaker"]);      // loads the speaker model, unloads any other
//   models.provenance("speaker");       // the loaded model's provenance, or null
//   await models.use(["speaker"], { speaker: stamp }); // loads it again when the stamp changes

export const MODEL_FILES = {
  claims: { file: "claims_minilm.safetensors", make: "make train-claims-transformer", load: "loadClaimsModel", unload: "unloadClaimsModel" },
  speaker: { file: "speaker_minilm.safetensors", make: "make train-speaker-transformer", load: "loadSpeakerModel", unload: "unloadSpeakerModel" },
};

/** Throws unless every name is a known model. */
export function checkModelNames(names) {
  for (const name of names) {
    if (!Object.hasOwn(MODEL_FILES, name)) {
      throw new Error(`unknown model ${JSON.stringify(name)} (known: ${Object.keys(MODEL_FILES).join(", ")})`);
    }
  }
}

/**
 * `engine`: the wasm module's exports (load…/unload… functions); `bytesOf`: a function
 * `(name, version) → Promise<Uint8Array>` that gives a model file's bytes.
 */
export function createModelLoader(engine, bytesOf) {
  const loaded = new Map(); // model name → {provenance, version}

  /**
   * Loads exactly the named models and unloads the others. A model already loaded is loaded
   * again only when its entry in `versions` differs from the one it was loaded with. A model that
   * cannot be loaded throws; with `tolerate`, it is left out instead (unloaded, so no other
   * version of it stands in) and `use` resolves to the list of [{name, error}] left out.
   */
  async function use(names, versions = {}, { tolerate = false } = {}) {
    checkModelNames(names);
    const failed = [];
    for (const [name, model] of Object.entries(MODEL_FILES)) {
      const wanted = names.includes(name);
      const version = versions[name] ?? null;
      const current = loaded.get(name);
      if (wanted && (!current || current.version !== version)) {
        try {
          const provenance = engine[model.load](await bytesOf(name, version));
          loaded.set(name, { provenance, version });
        } catch (error) {
          if (!tolerate) throw error;
          failed.push({ name, error });
          if (current) {
            engine[model.unload]();
            loaded.delete(name);
          }
        }
      } else if (!wanted && current) {
        engine[model.unload]();
        loaded.delete(name);
      }
    }
    return failed;
  }

  return { check: checkModelNames, use, provenance: (name) => loaded.get(name)?.provenance ?? null };
}
