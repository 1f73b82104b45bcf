// Parity: the native CLI and the WebAssembly module give byte-identical brief JSON for every
// fixture (and the same error message where the input is refused); the object API equals the
// JSON API. With both optional transformer models loaded, too: the WebAssembly build's SIMD inner
// products (src/encoder/bert.rs) must give what the native ones give, bit for bit. Needs
// `make native wasm` (the Makefile's test-browser target builds both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = join(root, "target", "release", "newsar");
const { initSync, analyzeHtml, analyzeText, analyzeHtmlJson, analyzeTextJson, looksLikeHtml, loadClaimsModel, unloadClaimsModel, loadSpeakerModel, unloadSpeakerModel } =
  await import(join(root, "pkg", "newsar.js"));
initSync({ module: readFileSync(join(root, "pkg", "newsar_bg.wasm")) });

const NOW = "2026-11-25";
const fixtures = readdirSync(join(root, "tests", "fixtures"))
  .filter((f) => /\.(html|txt)$/.test(f))
  .map((f) => ({ name: f, path: join(root, "tests", "fixtures", f), url: null }));
fixtures.push({
  name: "bundled sample",
  path: join(root, "data", "sample", "sample-article.html"),
  url: "https://harbourledger.example/environment/2026/03/14/sea-defences",
});
fixtures.push({ name: "sample with outlet url", path: join(root, "tests", "fixtures", "transit-strike.html"), url: "https://www.nytimes.com/2025/10/02/nyregion/strike.html" });

const CLAIMS_MODEL = join(root, "data", "models", "claims_minilm.safetensors");
const SPEAKER_MODEL = join(root, "data", "models", "speaker_minilm.safetensors");

function runCli(f, { models = false } = {}) {
  const args = ["analyze", f.path, "--format", "json", "--now", NOW];
  if (f.url) args.push("--url", f.url);
  if (models) args.push("--claims-model", CLAIMS_MODEL, "--speaker-model", SPEAKER_MODEL);
  const r = spawnSync(cli, args, { encoding: "utf8" });
  return r.status === 0 ? { json: r.stdout } : { error: r.stderr.trim().replace(/^newsar: /, "") };
}

function runWasm(f) {
  const input = readFileSync(f.path, "utf8");
  const options = { now: NOW, ...(f.url ? { url: f.url } : {}) };
  const html = looksLikeHtml(input);
  try {
    const json = (html ? analyzeHtmlJson : analyzeTextJson)(input, options);
    const object = (html ? analyzeHtml : analyzeText)(input, options);
    return { json: json + "\n", object };
  } catch (e) {
    assert.ok(e instanceof Error, "wasm throws a real Error");
    return { error: e.message };
  }
}

test("the CLI binary exists", () => {
  assert.match(execFileSync(cli, ["--version"], { encoding: "utf8" }), /^newsar /);
});

for (const f of fixtures) {
  test(`native and wasm agree byte for byte: ${f.name}`, () => {
    const native = runCli(f);
    const wasm = runWasm(f);
    if (native.error !== undefined || wasm.error !== undefined) {
      assert.equal(wasm.error, native.error, "same refusal on both sides");
      return;
    }
    assert.ok(native.json.length > 100);
    assert.equal(wasm.json, native.json);
    assert.deepEqual(wasm.object, JSON.parse(wasm.json), "object API equals JSON API");
  });
}

test("native and wasm agree byte for byte with both transformer models loaded", { timeout: 120_000 }, () => {
  loadClaimsModel(readFileSync(CLAIMS_MODEL));
  loadSpeakerModel(readFileSync(SPEAKER_MODEL));
  try {
    for (const name of ["transit-strike.html", "unicode.html", "bundled sample"]) {
      const f = fixtures.find((x) => x.name === name);
      const native = runCli(f, { models: true });
      assert.equal(native.error, undefined, `${name}: ${native.error}`);
      const wasm = runWasm(f);
      assert.match(wasm.object.provenance.claims, /transformer speaker tagger/, name);
      assert.equal(wasm.json, native.json, `${name}: the same brief with the models`);
    }
  } finally {
    unloadClaimsModel();
    unloadSpeakerModel();
  }
});

test("at least one fixture is refused and most are analyzed", () => {
  const results = fixtures.map(runCli);
  assert.ok(results.some((r) => r.error), "homepage.html should be refused");
  assert.ok(results.filter((r) => r.json).length >= fixtures.length - 1);
});
