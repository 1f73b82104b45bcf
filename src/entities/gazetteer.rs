//! External name lists for the tagger's gazetteer features (Ratinov & Roth 2009): cities,
//! countries and continents from public lists outside CoNLL (`data/entities/external.tsv`, built
//! by `data/build/external_gazetteers.mjs`, provenance in `data/PROVENANCE.md`). This module
//! owns parsing that table and matching it over a document: the longest listed name a token
//! lies in. The same compiled-in table is used in training and at run time.

use crate::text::Doc;
use std::collections::HashMap;
use std::sync::OnceLock;

const EXTERNAL_TSV: &str = include_str!("../../data/entities/external.tsv");

/// Class bits of a listed name.
pub const CITY: u8 = 1;
pub const COUNTRY: u8 = 2;

/// Longest names matched, in tokens.
const MAX_TOKENS: usize = 4;

pub use crate::lexicon::Fnv;

/// A string-keyed map with the [`Fnv`] hasher.
pub type FastMap<V> = HashMap<String, V, crate::lexicon::FnvBuild>;

/// Lowercased name → class bits.
pub type Table = FastMap<u8>;

/// Parses `name<TAB>classes` lines (classes: letters C, K); `#` lines are comments,
/// malformed lines and unknown letters are skipped.
pub fn parse(text: &str) -> Table {
    let mut table = Table::default();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((name, classes)) = line.split_once('\t') else {
            continue;
        };
        let bits = classes.chars().fold(0u8, |b, c| {
            b | match c {
                'C' => CITY,
                'K' => COUNTRY,
                _ => 0,
            }
        });
        if bits != 0 && !name.is_empty() {
            *table.entry(name.to_string()).or_default() |= bits;
        }
    }
    table
}

/// The compiled-in table.
pub fn external() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(EXTERNAL_TSV))
}

/// The place kind of class bits for span matching: 0 city, 1 country (a country wins over a
/// city of the same name); None for other classes.
fn place_kind(bits: u8) -> Option<u8> {
    if bits & COUNTRY != 0 {
        Some(1)
    } else if bits & CITY != 0 {
        Some(0)
    } else {
        None
    }
}

/// Per token: the span code (0 none, else 1 + 2 × place kind + 1 if not the span's first token)
/// of the longest listed name starting at a capitalized word that covers it (up to
/// [`MAX_TOKENS`] tokens, ending in a capitalized word). `lower`: each token's lowercased text.
pub fn codes(doc: &Doc, lower: &[String], table: &Table) -> Vec<u8> {
    let mut span = vec![0u8; doc.tokens.len()];
    let mut key = String::new();
    for s in &doc.sentences {
        let mut j = s.tokens.start;
        while j < s.tokens.end {
            if !(doc.tokens[j].is_word() && doc.tokens[j].capitalized) {
                j += 1;
                continue;
            }
            let mut matched = 0;
            let longest = MAX_TOKENS.min(s.tokens.end - j);
            for len in (1..=longest).rev() {
                let last = j + len - 1;
                if !(doc.tokens[last].is_word() && doc.tokens[last].capitalized) {
                    continue; // listed names end in a capitalized word
                }
                key.clear();
                for (k, word) in lower.iter().enumerate().take(last + 1).skip(j) {
                    if k > j {
                        let gap = &doc.text[doc.tokens[k - 1].end..doc.tokens[k].start];
                        if gap.chars().all(char::is_whitespace) && !gap.is_empty() {
                            key.push(' ');
                        } else {
                            key.push_str(gap);
                        }
                    }
                    key.push_str(word);
                }
                if let Some(kind) = table.get(key.as_str()).and_then(|&b| place_kind(b)) {
                    for (k, code) in span[j..=last].iter_mut().enumerate() {
                        *code = 1 + 2 * kind + u8::from(k > 0);
                    }
                    matched = len;
                    break;
                }
            }
            j += matched.max(1);
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_classes_and_skips_junk() {
        let t = parse("# comment\nleeds\tCOP\nnew york\tC\nbad line\nodd\tZ\ngeorgia\tCK\n");
        assert_eq!(t.get("leeds"), Some(&CITY));
        assert_eq!(t.get("georgia"), Some(&(CITY | COUNTRY)));
        assert_eq!(t.get("new york"), Some(&CITY));
        assert!(!t.contains_key("bad line") && !t.contains_key("odd"));
    }

    #[test]
    fn longest_match_spans() {
        let t = parse("new york\tC\nyork\tC\ngerman\tD\ngeorgia\tCK\ncars\tC\n");
        let doc =
            Doc::from_plain_text("Volvo sold cars in New York, Georgia and York to German buyers.");
        let lower: Vec<String> = doc.tokens.iter().map(|t| t.lower.clone()).collect();
        let span = codes(&doc, &lower, &t);
        let at = |w: &str| lower.iter().position(|l| l == w).unwrap();
        assert_eq!(span[at("new")], 1); // B-city
        assert_eq!(span[at("york")], 2); // I-city
        assert_eq!(span[at("german")], 0); // unknown class
        assert_eq!(span[at("georgia")], 3); // a country wins over a city
        assert_eq!(span[at("volvo")], 0);
        assert_eq!(span[at("cars")], 0); // lower case: not a name
        let york: Vec<usize> = (0..lower.len()).filter(|&i| lower[i] == "york").collect();
        assert_eq!(span[york[1]], 1); // "York" alone is a city too
    }

    #[test]
    fn compiled_table_loads() {
        let t = external();
        assert!(t.len() > 1000);
        assert!(t.get("germany").is_some_and(|b| b & COUNTRY != 0));
    }
}
