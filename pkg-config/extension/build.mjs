#!/usr/bin/env node
// Builds the NEWSAR browser extension for Chromium and Firefox from one source (www/extension/)
// and the manifests here: manifest.base.json merged with chromium.json / firefox.json (objects
// merged, permission lists joined), the version taken from Cargo.toml.
//
//   node pkg-config/extension/build.mjs [--out target/extension] [--pkg pkg]
//
// Each build is a self-contained folder (plain copies, no symlinks) laid out like www/, so the
// relative imports work unchanged:
//   manifest.json
//   extension/  background.js content.js panel.* analyzer.js worker.js history.js icons/
//               offscreen.* (Chromium only: Firefox runs the Worker from its background page)
//   shared/     render.js brief.css worker-client.js idb-store.js transformer-models.js
//               (the renderer, Worker channel, IndexedDB store and model loader the demo uses)
//   pkg/        newsar.js newsar_bg.wasm     (the wasm-bindgen output of `make wasm`)
// Load target/extension/chromium with "Load unpacked" (chrome://extensions, developer mode), or
// target/extension/firefox/manifest.json from about:debugging → "Load Temporary Add-on".
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const OUT = resolve(ROOT, arg("--out", "target/extension"));
const PKG = resolve(ROOT, arg("--pkg", "pkg"));
const SRC = join(ROOT, "www/extension");
const SHARED = join(ROOT, "www/shared");

const BROWSERS = {
  chromium: { overrides: "chromium.json", skip: [] },
  firefox: { overrides: "firefox.json", skip: ["offscreen.html", "offscreen.js"] },
};

function fail(message) {
  console.error(`[extension] ${message}`);
  process.exit(1);
}

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** Objects merged key by key; arrays joined without duplicates; anything else replaced. */
function merge(base, over) {
  if (Array.isArray(base) && Array.isArray(over)) return [...new Set([...base, ...over])];
  if (base && over && typeof base === "object" && typeof over === "object" && !Array.isArray(base)) {
    const out = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
    return out;
  }
  return over;
}

function crateVersion() {
  const toml = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  const pkg = toml.split(/^\[/m).find((s) => s.startsWith("package]"));
  const m = pkg && /^version\s*=\s*"([^"]+)"/m.exec(pkg);
  if (!m) fail("could not read the version from Cargo.toml");
  return m[1];
}

function copyFile(from, to) {
  if (!statSync(from).isFile()) fail(`not a regular file: ${relative(ROOT, from)}`);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to); // a copy of the bytes, never a link
}

function copyTree(from, to, skip = []) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip.includes(entry.name) || entry.name.startsWith(".")) continue;
    const src = join(from, entry.name);
    if (entry.isSymbolicLink()) fail(`symlinks are not copied: ${relative(ROOT, src)}`);
    if (entry.isDirectory()) copyTree(src, join(to, entry.name));
    else copyFile(src, join(to, entry.name));
  }
}

/** Every file the manifest names must be in the build. */
function checkReferences(manifest, dir) {
  const paths = [];
  const walk = (x, key) => {
    if (typeof x === "string" && /\.(js|html|png|svg)$/.test(x) && !/^https?:/.test(x)) paths.push(x);
    else if (Array.isArray(x)) x.forEach((v) => walk(v, key));
    else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) walk(v, k);
  };
  walk(manifest);
  for (const p of paths) if (!existsSync(join(dir, p))) fail(`manifest names ${p}, which is not in ${relative(ROOT, dir)}`);
}

for (const f of ["newsar.js", "newsar_bg.wasm"]) {
  if (!existsSync(join(PKG, f))) fail(`${relative(ROOT, join(PKG, f))} is missing: run \`make wasm\` first`);
}

const version = crateVersion();
const numeric = version.replace(/[-+].*$/, "");
if (!/^\d+(\.\d+){0,3}$/.test(numeric)) fail(`version ${version} cannot be an extension version`);
const base = readJson(join(HERE, "manifest.base.json"));

for (const [browser, spec] of Object.entries(BROWSERS)) {
  const dir = join(OUT, browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = merge(base, readJson(join(HERE, spec.overrides)));
  manifest.version = numeric;
  if (numeric !== version && browser === "chromium") manifest.version_name = version;

  copyTree(SRC, join(dir, "extension"), spec.skip);
  copyFile(join(SHARED, "render.js"), join(dir, "shared/render.js"));
  copyFile(join(SHARED, "brief.css"), join(dir, "shared/brief.css"));
  for (const f of ["worker-client.js", "idb-store.js", "transformer-models.js"]) copyFile(join(SHARED, f), join(dir, `shared/${f}`));
  copyFile(join(PKG, "newsar.js"), join(dir, "pkg/newsar.js"));
  copyFile(join(PKG, "newsar_bg.wasm"), join(dir, "pkg/newsar_bg.wasm"));
  copyFile(join(ROOT, "data/NOTICE.txt"), join(dir, "NOTICE.txt")); // data credits (CC-BY etc.)
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  checkReferences(manifest, dir);

  let bytes = 0;
  let files = 0;
  const count = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) count(join(d, e.name));
      else {
        files++;
        bytes += statSync(join(d, e.name)).size;
      }
    }
  };
  count(dir);
  console.log(`[extension] ${relative(ROOT, dir)}: ${files} files, ${bytes} bytes (v${version})`);
}
