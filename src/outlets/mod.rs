//! The outlet table: domain → name, country, language and political lean, each with its
//! provenance.
//!
//! - **Leans** come from Robertson et al. (2018) audience-based partisan bias scores
//!   (`data/outlets/leans.tsv`, research-use data; see `data/PROVENANCE.md`), plus the same
//!   dataset's score for a few major international outlets its news lists did not flag (rows of
//!   `data/outlets/international.tsv` whose `lean_source` says so).
//! - **Name, country, language** of major international outlets come from the hand-checked list
//!   `data/outlets/international.tsv`; every row says where it comes from.
//! - **User ratings** ([`Ratings`], imported from CSV or JSON) override both.
//!
//! An outlet in none of them is "unrated" (no lean), never a guess.

pub mod ratings;

pub use ratings::{Ratings, RatingsError, UserRating};

use crate::brief::{round3, Lean};
use crate::lexicon::outlet_leans;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Where the lean ratings come from, as shown in every brief.
pub const LEAN_PROVENANCE: &str =
    "Robertson et al. 2018, audience-based partisan bias (DOI 10.1145/3274417)";

/// The provenance of a lean that the international list takes from the same dataset.
pub const LEAN_PROVENANCE_LISTED: &str =
    "Robertson et al. 2018, audience-based partisan bias (DOI 10.1145/3274417); domain outside the dataset's news lists, added by NEWSAR's international outlet list";

const INTERNATIONAL_TSV: &str = include_str!("../../data/outlets/international.tsv");

/// One row of `data/outlets/international.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedOutlet {
    pub domain: &'static str,
    pub name: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    /// ISO 639-1.
    pub language: &'static str,
    /// A lean score this list itself supplies (only Robertson et al. scores the news filter of
    /// `leans.tsv` dropped); None when the lean comes from `leans.tsv` or there is none.
    pub lean_score: Option<f64>,
    pub lean_source: &'static str,
    /// Where the row's name, country and language come from.
    pub source: &'static str,
}

/// The international outlet list, by domain.
pub fn international() -> &'static BTreeMap<&'static str, ListedOutlet> {
    static MAP: OnceLock<BTreeMap<&'static str, ListedOutlet>> = OnceLock::new();
    MAP.get_or_init(|| {
        INTERNATIONAL_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("domain\t"))
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                if f.len() != 7 {
                    return None;
                }
                Some((
                    f[0],
                    ListedOutlet {
                        domain: f[0],
                        name: f[1],
                        country: f[2],
                        language: f[3],
                        lean_score: f[4].trim().parse::<f64>().ok().filter(|s| s.is_finite()),
                        lean_source: f[5],
                        source: f[6],
                    },
                ))
            })
            .collect()
    })
}

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

/// The domain and its parent domains, most specific first ("edition.cnn.com", "cnn.com"); never
/// a bare top-level domain.
pub(crate) fn domain_levels(domain: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(domain.trim_start_matches("www."));
    std::iter::from_fn(move || {
        let d = next?;
        next = d.split_once('.').map(|x| x.1).filter(|r| r.contains('.'));
        Some(d)
    })
}

/// The built-in lean of a domain (no user ratings), trying parent domains
/// ("edition.cnn.com" → "cnn.com").
pub fn lean_of(domain: &str) -> Option<Lean> {
    let table = outlet_leans();
    let listed = international();
    for d in domain_levels(domain) {
        if let Some(&score) = table.get(d) {
            return Some(lean(score, LEAN_PROVENANCE));
        }
        if let Some(score) = listed.get(d).and_then(|o| o.lean_score) {
            return Some(lean(score, LEAN_PROVENANCE_LISTED));
        }
    }
    None
}

pub(crate) fn lean(score: f64, provenance: &str) -> Lean {
    Lean {
        label: lean_label(score).to_string(),
        score: round3(score),
        provenance: provenance.to_string(),
    }
}

/// The international list's row for a domain or its parent domains.
pub fn listed(domain: &str) -> Option<&'static ListedOutlet> {
    let listed = international();
    domain_levels(domain).find_map(|d| listed.get(d))
}

/// What the outlet table knows of a domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outlet {
    /// The domain asked for, normalized.
    pub domain: String,
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// ISO 639-1.
    pub language: Option<String>,
    /// Null means "unrated".
    pub lean: Option<Lean>,
    /// Where name, country and language come from; null when the list has no row.
    pub source: Option<String>,
}

/// Everything known of a domain, with user ratings when given (see [`Ratings::lean_of`]).
/// Errors when the text is not a domain or URL.
pub fn outlet_of(domain: &str, ratings: Option<&Ratings>) -> Result<Outlet, String> {
    let d = normalize_domain(domain)?;
    let row = listed(&d);
    let user = ratings.and_then(|r| r.rating_of(&d));
    Ok(Outlet {
        name: user
            .and_then(|u| u.name.clone())
            .or_else(|| row.map(|r| r.name.to_string())),
        country: row.map(|r| r.country.to_string()),
        language: row.map(|r| r.language.to_string()),
        lean: match ratings {
            Some(r) => r.lean_of(&d),
            None => lean_of(&d),
        },
        source: row.map(|r| r.source.to_string()),
        domain: d,
    })
}

/// Normalizes a domain or URL the way briefs' `source.domain` is: scheme, user, port, path and a
/// leading `www.` dropped, lowercased. Errors (with the reason) on text that is not a domain.
pub fn normalize_domain(input: &str) -> Result<String, String> {
    let t = input.trim();
    if t.is_empty() {
        return Err("the domain is empty".into());
    }
    if t.chars().any(char::is_whitespace) {
        return Err(format!("{t:?} is not a domain (it contains a space)"));
    }
    let with_scheme = if t.contains("://") || t.starts_with("//") {
        t.to_string()
    } else {
        format!("https://{t}")
    };
    let d = crate::extract::domain_of(&with_scheme)
        .ok_or_else(|| format!("{t:?} is not a domain or http(s) URL"))?;
    if d.contains(['[', ']', '_']) {
        return Err(format!("{t:?} is not a domain name"));
    }
    if !d.contains('.') {
        return Err(format!(
            "{t:?} is not a domain (expected a name with a dot, like example.com)"
        ));
    }
    if d.len() > 253 {
        return Err(format!(
            "{t:?} is longer than a domain can be (253 characters)"
        ));
    }
    for label in d.split('.') {
        if label.is_empty() || label.len() > 63 || label.starts_with('-') || label.ends_with('-') {
            return Err(format!("{t:?} is not a domain (bad label {label:?})"));
        }
    }
    if d.rsplit('.')
        .next()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("{t:?} is an IP address, not an outlet's domain"));
    }
    Ok(d)
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

    #[test]
    fn levels_never_reach_a_bare_tld() {
        let v: Vec<&str> = domain_levels("www.news.bbc.co.uk").collect();
        assert_eq!(v, ["news.bbc.co.uk", "bbc.co.uk", "co.uk"]);
        let v: Vec<&str> = domain_levels("cnn.com").collect();
        assert_eq!(v, ["cnn.com"]);
    }

    #[test]
    fn international_list_is_well_formed() {
        let list = international();
        let raw_rows = INTERNATIONAL_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("domain\t") && !l.is_empty())
            .count();
        assert_eq!(
            list.len(),
            raw_rows,
            "every row has 7 fields and a unique domain"
        );
        assert!(list.len() >= 50);
        for (d, o) in list {
            assert_eq!(normalize_domain(d).as_deref(), Ok(*d), "{d} is normalized");
            assert!(
                !o.name.is_empty() && o.country.len() == 2 && o.language.len() == 2,
                "{d}"
            );
            assert!(!o.source.is_empty(), "{d} says where it comes from");
            let in_leans = outlet_leans().contains_key(d);
            match o.lean_source {
                "in leans.tsv" => assert!(in_leans && o.lean_score.is_none(), "{d}"),
                "unrated" => assert!(!in_leans && o.lean_score.is_none(), "{d}"),
                s => {
                    assert!(s.starts_with("Robertson et al. 2018"), "{d}: {s}");
                    assert!(!in_leans, "{d} is not rated twice");
                    assert!(
                        o.lean_score.is_some_and(|x| (-1.0..=1.0).contains(&x)),
                        "{d}"
                    );
                }
            }
        }
    }

    #[test]
    fn listed_outlets_have_names_and_honest_leans() {
        let nhk = outlet_of("https://www3.nhk.or.jp/news/", None).unwrap();
        assert_eq!(nhk.name.as_deref(), Some("NHK"));
        assert_eq!(nhk.country.as_deref(), Some("JP"));
        assert!(nhk.lean.is_none(), "no published rating: unrated");
        let elpais = outlet_of("elpais.com", None).unwrap();
        let lean = elpais.lean.expect("Robertson score from the list");
        assert_eq!(lean.provenance, LEAN_PROVENANCE_LISTED);
        let guardian = outlet_of("theguardian.com", None).unwrap();
        assert_eq!(guardian.lean.unwrap().provenance, LEAN_PROVENANCE);
        assert_eq!(guardian.name.as_deref(), Some("The Guardian"));
    }

    #[test]
    fn domains_normalize_like_briefs() {
        assert_eq!(
            normalize_domain("WWW.Example.COM").as_deref(),
            Ok("example.com")
        );
        assert_eq!(
            normalize_domain("https://www.example.co.uk:8080/a?b").as_deref(),
            Ok("example.co.uk")
        );
        assert_eq!(
            normalize_domain("example.com.").as_deref(),
            Ok("example.com")
        );
        for bad in [
            "",
            "localhost",
            "exa mple.com",
            "192.168.0.1",
            "-a.com",
            "a..com",
            "ftp://x",
        ] {
            assert!(normalize_domain(bad).is_err(), "{bad:?}");
        }
    }
}
