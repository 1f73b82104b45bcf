// `make bench`: what the browser path costs on top of the Rust extraction — the extension and the
// embed hand the live page to the same Rust path as its serialized HTML (one algorithm, so the
// live page and the saved page give the same article). In headless Chromium (Debian's, driven by
// playwright-core from tests/browser), for each of the 130 Readability test pages loaded as a
// file (nothing else loads), the time to serialize the live DOM
// (`document.documentElement.outerHTML`, best of 3); median and p90 over pages. Writes
// target/bench/browser.json for tests/bench/peers.mjs. Prints "skipped" when Chromium or the data
// is missing.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { CHROMIUM, HEADLESS_ARGS } from "../browser/chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pagesDir = join(root, "..", "shared", "data", "extraction", "readability-test-pages");
const out = join(root, "target", "bench", "browser.json");
if (!existsSync(pagesDir) || !existsSync(CHROMIUM)) {
  console.log("live page bench: skipped (no test pages or no /usr/bin/chromium)");
  process.exit(0);
}
const { chromium } = createRequire(join(root, "tests", "browser", "package.json"))("playwright-core");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: HEADLESS_ARGS });
const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
// Nothing but the local file may load: the pages' own scripts, styles and images are blocked.
await context.route("**/*", (route) =>
  route.request().url().startsWith("file:") && route.request().resourceType() === "document"
    ? route.continue()
    : route.abort());
const page = await context.newPage();
const serialize = [];
for (const dir of readdirSync(pagesDir).sort()) {
  const file = join(pagesDir, dir, "source.html");
  if (!existsSync(file)) continue;
  await page.goto(pathToFileURL(file).href, { waitUntil: "domcontentloaded" });
  const ms = await page.evaluate(() => {
    let best = Infinity, length = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      length = document.documentElement.outerHTML.length;
      best = Math.min(best, performance.now() - t);
    }
    return { best, length };
  });
  serialize.push(ms.best);
}
await browser.close();
serialize.sort((a, b) => a - b);
const result = {
  pages: serialize.length,
  outerhtml_median_ms: serialize[Math.floor(serialize.length / 2)],
  outerhtml_p90_ms: serialize[Math.floor(serialize.length * 0.9)],
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
console.log(result);
