// Builds data/lexicons/extra_word_classes.tsv: word classes for common English words that the
// CoNLL-derived list (common_words.tsv) lacks, from the lexicon of compromise (MIT, pinned in
// tests/eval/peers/package.json). Proper names, places and multi-word entries are left out.
//
//   node data/build/compromise_word_classes.mjs tests/eval/peers data/lexicons/common_words.tsv \
//       data/lexicons/extra_word_classes.tsv
//
// Classes as in common_words.tsv: N noun, M modifier (adjective), V verb or adverb, F function
// word. Deterministic: sorted output.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const [peersDir, commonPath, outPath] = process.argv.slice(2);
const require = createRequire(resolve(peersDir, "package.json"));
const nlp = require("compromise");
const version = JSON.parse(readFileSync(resolve(peersDir, "node_modules/compromise/package.json"), "utf8")).version;
const CLASS = {
  Singular: "N", Plural: "N", Uncountable: "N", Noun: "N",
  Adjective: "M", Comparative: "M", Superlative: "M",
  Infinitive: "V", PresentTense: "V", PastTense: "V", Gerund: "V", Participle: "V", Adverb: "V",
  Preposition: "F", Conjunction: "F", Determiner: "F",
};
const known = new Set(
  readFileSync(commonPath, "utf8").split("\n").filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t")[0]),
);
const lexicon = nlp.model().one.lexicon;
const rows = [];
for (const [word, tags] of Object.entries(lexicon)) {
  const tag = Array.isArray(tags) ? tags[0] : tags;
  const cls = CLASS[tag];
  if (!cls || known.has(word) || !/^[a-z][a-z'-]*$/.test(word)) continue;
  rows.push(`${word}\t${cls}`);
}
rows.sort();
writeFileSync(outPath, `# Word classes from the compromise ${version} lexicon (MIT) for words missing from\n` +
  `# common_words.tsv; built by data/build/compromise_word_classes.mjs.\n` + rows.join("\n") + "\n");
console.log(`${outPath}: ${rows.length} words`);
