//! The outlet table: domain → political lean, from Robertson et al. (2018) audience-based
//! partisan bias scores (research-use data; see `data/PROVENANCE.md`). An outlet not in the table
//! is "unrated" (no lean), never a guess.

use crate::brief::{round3, Lean};
use crate::lexicon::outlet_leans;

/// Where the lean ratings come from, as shown in every brief.
pub const LEAN_PROVENANCE: &str =
    "Robertson et al. 2018, audience-based partisan bias (DOI 10.1145/3274417)";

/// The 5-point label of a lean score in [−1, 1].
pub fn lean_label(score: f64) -> &'static str {
    match score {
        s if s < -0.6 => "Left",
        s if s < -0.2 => "Center-Left",
        s if s <= 0.2 => "Center",
        s if s <= 0.6 => "Center-Right",
        _ => "Right",
    }
}

/// The lean of a domain, trying parent domains ("edition.cnn.com" → "cnn.com").
pub fn lean_of(domain: &str) -> Option<Lean> {
    let table = outlet_leans();
    let mut d = domain.trim_start_matches("www.");
    loop {
        if let Some(&score) = table.get(d) {
            return Some(Lean {
                label: lean_label(score).to_string(),
                score: round3(score),
                provenance: LEAN_PROVENANCE.to_string(),
            });
        }
        let (_, rest) = d.split_once('.')?;
        if !rest.contains('.') {
            return None; // do not climb to a bare TLD + one label of another site
        }
        d = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_unknown_and_subdomains() {
        let nyt = lean_of("nytimes.com").expect("rated");
        assert_eq!(nyt.label, lean_label(nyt.score));
        assert!(lean_of("edition.nytimes.com").is_some());
        assert!(lean_of("no-such-outlet.example").is_none());
    }

    #[test]
    fn labels_cover_the_scale() {
        assert_eq!(lean_label(-0.9), "Left");
        assert_eq!(lean_label(-0.3), "Center-Left");
        assert_eq!(lean_label(0.0), "Center");
        assert_eq!(lean_label(0.4), "Center-Right");
        assert_eq!(lean_label(0.9), "Right");
    }
}
