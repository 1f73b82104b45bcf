//! Word clusters for the tagger's word-class features (Turian et al. 2010): each whole word of
//! the all-MiniLM-L6-v2 vocabulary with a k-means cluster of its input embedding
//! (`data/entities/clusters.tsv`, built by `data/build/word_clusters.py`, provenance in
//! `data/PROVENANCE.md`). This module owns parsing the table and looking words up; ids are
//! hierarchical (`id / FINE` is the coarse cluster).

use std::sync::OnceLock;

const CLUSTERS_TSV: &str = include_str!("../../data/entities/clusters.tsv");

/// Fine clusters per coarse cluster.
pub const FINE: u16 = 16;
/// The id of a word that is in no cluster.
pub const UNKNOWN: u16 = u16::MAX;

/// Lowercased word → cluster id.
pub type Table = super::gazetteer::FastMap<u16>;

/// Parses `word<TAB>id` lines; `#` lines are comments, malformed lines are skipped.
pub fn parse(text: &str) -> Table {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (w, id) = l.split_once('\t')?;
            let id: u16 = id.trim().parse().ok()?;
            (!w.is_empty() && id != UNKNOWN).then(|| (w.to_string(), id))
        })
        .collect()
}

/// The compiled-in table.
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(CLUSTERS_TSV))
}

/// The cluster of a lowercased word, or [`UNKNOWN`].
pub fn cluster(table: &Table, lower: &str) -> u16 {
    table.get(lower).copied().unwrap_or(UNKNOWN)
}

/// The coarse cluster of an id ([`UNKNOWN`] stays unknown).
pub fn coarse(id: u16) -> u16 {
    if id == UNKNOWN {
        UNKNOWN
    } else {
        id / FINE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_looks_up() {
        let t = parse("# header\nlondon\t997\nparis\t997\nbad\nodd\tx\n");
        assert_eq!(t.len(), 2);
        assert_eq!(cluster(&t, "london"), 997);
        assert_eq!(coarse(cluster(&t, "paris")), 62);
        assert_eq!(cluster(&t, "nowhere"), UNKNOWN);
        assert_eq!(coarse(UNKNOWN), UNKNOWN);
    }

    #[test]
    fn compiled_table_groups_capitals() {
        let t = table();
        assert!(t.len() > 10_000);
        assert_ne!(cluster(t, "london"), UNKNOWN);
        assert_eq!(coarse(cluster(t, "london")), coarse(cluster(t, "paris")));
    }
}
