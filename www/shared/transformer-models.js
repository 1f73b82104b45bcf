// The optional transformer models of the NEWSAR package, for the workers that run the engine (the
// demo's and the embed's): which file each model is (next to the engine, in pkg/, on the page's
// own origin), and loading exactly a requested set of them into the engine, each file fetched
// once. Nothing is fetched unless a model is asked for.
//
//   const models = createModelLoader(engine, new URL("../pkg/", import.meta.url));
//   await models.use(["speaker"]);      // loads the speaker model, unloads any other
//   models.provenance("speaker");       // the loaded model's provenance, or null

const MODEL_FILES = {
  claims: { file: "claims_minilm.safetensors", make: "make train-claims-transformer", load: "loadClaimsModel", unload: "unloadClaimsModel" },
  speaker: { file: "speaker_minilm.safetensors", make: "make train-speaker-transformer", load: "loadSpeakerModel", unload: "unloadSpeakerModel" },
};

/** `engine`: the wasm module's exports (load…/unload… functions); `pkgUrl`: the pkg/ folder. */
export function createModelLoader(engine, pkgUrl) {
  const fetched = new Map(); // model name → Promise of its bytes
  const loaded = new Map(); // model name → provenance

  /** Throws unless every name is a known model. */
  function check(names) {
    for (const name of names) {
      if (!Object.hasOwn(MODEL_FILES, name)) {
        throw new Error(`unknown model ${JSON.stringify(name)} (known: ${Object.keys(MODEL_FILES).join(", ")})`);
      }
    }
  }

  function bytesOf(name) {
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
      fetched.delete(name); // a later request may try again
      throw e;
    });
  }

  /** Loads exactly the named models (fetching each file once) and unloads the others. */
  async function use(names) {
    check(names);
    for (const [name, model] of Object.entries(MODEL_FILES)) {
      const wanted = names.includes(name);
      if (wanted && !loaded.has(name)) {
        loaded.set(name, engine[model.load](await bytesOf(name)));
      } else if (!wanted && loaded.has(name)) {
        engine[model.unload]();
        loaded.delete(name);
      }
    }
  }

  return { check, use, provenance: (name) => loaded.get(name) ?? null };
}
