// The local collection behind the demo and the extension, run inside their Workers: a wasm
// `Corpus` (stories across outlets, perspectives, topic graph) saved to IndexedDB on this origin,
// and the reader's own lean ratings (a `LeanRatings` text, kept next to it). Nothing is sent
// anywhere. All the clustering, perspectives, layout and rating rules are in Rust; this file only
// stores bytes and shapes replies.
//
// Used by the extension's worker and the demo's worker. It lives in extension/ because the
// extension build (pkg-config/extension/build.mjs) copies this folder whole but only named files
// of shared/.
//
//   const svc = createCorpusService({ Corpus, LeanRatings, dbName: "newsar-demo" });
//   const problems = await svc.load();
//   const view = await svc.add(brief, ref);           // joins the collection, saved
//   svc.view(key, { types, scope })                   // {size, key, graph, story, scope, types}
//
// IndexedDB: database `dbName`, object store "corpus", keys "collection" (the corpus bytes,
// `Corpus.export()`) and "ratings" (the canonical ratings text, `LeanRatings.export()`).

import { idbStore } from "../shared/idb-store.js";

const STORE = "corpus";
const CORPUS_KEY = "collection";
const RATINGS_KEY = "ratings";
export const NODE_TYPES = ["person", "organization", "location", "event"];

export function messageOf(e) {
  if (e && typeof e.message === "string" && e.message) return e.message;
  return String(e);
}

export function cleanTypes(types) {
  return Array.isArray(types) ? NODE_TYPES.filter((t) => types.includes(t)) : NODE_TYPES.slice();
}

export function createCorpusService({ Corpus, LeanRatings, dbName }) {
  let corpus = new Corpus();
  let ratingsText = ""; // canonical text of the reader's ratings; "" = none
  let ratingsSize = 0;

  const withStore = idbStore(dbName, STORE);

  const save = () => withStore("readwrite", (s) => s.put(corpus.export(), CORPUS_KEY));

  /** Loads the saved collection and ratings; returns the problems found (damaged parts skipped). */
  async function load() {
    const problems = [];
    let bytes;
    try {
      bytes = await withStore("readonly", (s) => s.get(CORPUS_KEY));
      const text = await withStore("readonly", (s) => s.get(RATINGS_KEY));
      if (typeof text === "string" && text) {
        try {
          const r = new LeanRatings(text);
          ratingsText = r.export();
          ratingsSize = r.size;
          r.free();
        } catch (e) {
          problems.push(`your saved lean ratings could not be read, so they are not used: ${messageOf(e)}`);
        }
      }
    } catch (e) {
      return [`could not read the saved collection: ${messageOf(e)}`];
    }
    if (!bytes) return problems;
    try {
      problems.push(...Array.from(corpus.load(new Uint8Array(bytes)), String));
    } catch (e) {
      corpus = new Corpus();
      problems.push(`the saved collection could not be loaded: ${messageOf(e)}`);
    }
    return problems;
  }

  function ratingsInfo() {
    if (!ratingsText) return { size: 0, list: [] };
    const r = new LeanRatings(ratingsText);
    try {
      return { size: r.size, list: r.list() };
    } finally {
      r.free();
    }
  }

  /**
   * The collection as the renderer's §07 wants it. `scope` "article" draws the neighbourhood of
   * `key` (its entities and those sharing articles with them), else the whole graph.
   */
  function view(key, { types, scope } = {}) {
    const size = corpus.size;
    const v = { size, key: key || null, graph: null, story: null, scope: scope === "article" && key ? "article" : "all", ratings: ratingsSize };
    if (size < 2) return v;
    const wanted = cleanTypes(types);
    v.types = wanted;
    if (!wanted.length) {
      v.graph = { nodes: [], edges: [], candidate_nodes: 0 };
    } else if (v.scope === "article") {
      v.graph = corpus.neighbourhood(key, { types: wanted }) || { nodes: [], edges: [], candidate_nodes: 0 };
    } else {
      v.graph = corpus.graph({ types: wanted });
    }
    if (key) v.story = corpus.storyOf(key);
    return v;
  }

  /** Adds a brief; returns {outcome, key, saved, error?}. */
  async function add(brief, ref) {
    let outcome;
    try {
      outcome = corpus.addBrief(brief, ref || undefined);
    } catch (e) {
      return { outcome: "error", key: null, error: `not added to the collection: ${messageOf(e)}` };
    }
    const out = { outcome: outcome.outcome, key: outcome.key };
    if (outcome.outcome === "added") {
      try {
        await save();
      } catch (e) {
        out.error = `the collection could not be saved: ${messageOf(e)}`;
      }
    }
    return out;
  }

  /**
   * Feeds many briefs (oldest first), e.g. the extension's history; briefs already in the
   * collection are duplicates and change nothing. Saves once. Returns {added, keys} where keys
   * maps each brief id to its key.
   */
  async function addMany(items) {
    let added = 0;
    const keys = {};
    for (const { brief, ref } of items) {
      try {
        const o = corpus.addBrief(brief, ref || undefined);
        if (o.outcome === "added") added++;
        if (brief && typeof brief.id === "string") keys[brief.id] = o.key;
      } catch {
        // not a brief: the history validated it already; skip
      }
    }
    // Briefs kept before the reader's current ratings (or before they were removed) carry the
    // lean of their day: rate them as the collection's other briefs are.
    if (added) corpus.rerate(ratingsText || undefined);
    if (added) await save();
    return { added, keys };
  }

  async function removeId(id) {
    const gone = Array.from(corpus.removeId(String(id)), String);
    if (gone.length) await save();
    return gone;
  }

  async function clear() {
    corpus = new Corpus();
    await withStore("readwrite", (s) => s.delete(CORPUS_KEY));
  }

  /** Validates and keeps the reader's ratings; re-rates the stored briefs. Throws on bad input. */
  async function setRatings(text) {
    const r = new LeanRatings(String(text)); // throws with one line per problem
    let canonical;
    let size;
    try {
      canonical = r.export();
      size = r.size;
    } finally {
      r.free();
    }
    const rerated = corpus.rerate(canonical);
    await withStore("readwrite", (s) => s.put(canonical, RATINGS_KEY));
    ratingsText = canonical;
    ratingsSize = size;
    if (rerated) await save();
    return { rerated, ...ratingsInfo() };
  }

  async function clearRatings() {
    const rerated = corpus.rerate(undefined);
    await withStore("readwrite", (s) => s.delete(RATINGS_KEY));
    ratingsText = "";
    ratingsSize = 0;
    if (rerated) await save();
    return { rerated, size: 0, list: [] };
  }

  return {
    load,
    view,
    add,
    addMany,
    removeId,
    clear,
    setRatings,
    clearRatings,
    ratingsInfo,
    /** The ratings text to pass to analyzeHtml / analyzeText as `lean_ratings` (undefined: none). */
    ratings: () => ratingsText || undefined,
    nodeArticles: (name) => corpus.nodeArticles(String(name), 20),
    get size() {
      return corpus.size;
    },
  };
}
