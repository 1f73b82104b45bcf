//! The reader's own lean ratings, imported from CSV or JSON, overriding the built-in table.
//!
//! **CSV** (comma- or tab-separated; `#` lines and blank lines are skipped): an optional header
//! naming the columns in any order — `domain`, `label`, `score`, `name`, `source` — else the
//! columns are `domain,label,score,name,source` in that order (the last ones may be left out).
//!
//! ```text
//! domain,label,score,source
//! example-news.com,Center-Left,-0.35,AllSides 2024
//! another.example,Right,,my own judgement
//! state-tv.example,unrated,,I don't trust any rating of it
//! ```
//!
//! **JSON**: a list of objects with the same fields, or the canonical form
//! [`Ratings::to_json`] writes: `{"format":"newsar-outlet-ratings","version":1,"ratings":[…]}`.
//!
//! **Rules.** `domain` is a domain or URL, normalized like a brief's `source.domain`
//! ([`super::normalize_domain`]). A rating gives a `label` on the 5-point scale (Left,
//! Center-Left, Center, Center-Right, Right; `Lean Left`/`Lean Right`, `Centre` and any case are
//! accepted), a `score` in [−1, 1], or both — then they must agree ([`super::lean_label`]). A
//! label alone gets the middle of its band as score (−0.8, −0.4, 0, 0.4, 0.8) and its provenance
//! says so. The label `unrated` (with no score) makes an outlet unrated whatever the built-in
//! table says. A domain may be rated once. Errors name the line (CSV) or the line where the item
//! starts (JSON); every bad row is reported, not only the first.
//!
//! **Precedence** ([`Ratings::lean_of`]): a user rating of the domain or of a parent domain
//! ("cnn.com" also rates "edition.cnn.com"), most specific first; only when there is none, the
//! built-in table ([`super::lean_of`]).

use super::{domain_levels, lean, lean_label, normalize_domain};
use crate::brief::{Brief, Lean};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Largest ratings file read, in bytes.
pub const MAX_BYTES: usize = 5_000_000;
/// Most ratings in one file.
pub const MAX_RATINGS: usize = 50_000;
/// Most errors listed (the rest are counted).
pub const MAX_ERRORS: usize = 20;
/// The `format` of the canonical JSON.
pub const FORMAT_NAME: &str = "newsar-outlet-ratings";

/// One user rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRating {
    pub domain: String,
    /// The 5-point label, or `unrated`.
    pub label: String,
    /// Null for `unrated`.
    pub score: Option<f64>,
    /// Whether the score was derived from the label (the middle of its band).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub score_from_label: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the reader's rating comes from, as they wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl UserRating {
    /// The lean this rating gives; None for `unrated`.
    pub fn lean(&self) -> Option<Lean> {
        let score = self.score?;
        let mut provenance = match &self.source {
            Some(s) => format!("user: {s}"),
            None => "user".to_string(),
        };
        if self.score_from_label {
            provenance.push_str(" (score: middle of the label's band)");
        }
        Some(lean(score, &provenance))
    }
}

/// A bad line or item of a ratings file. `line` counts from 1 (0: the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingsError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RatingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

/// Every problem of a ratings file, in line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingsErrors {
    pub errors: Vec<RatingsError>,
    /// Errors beyond [`MAX_ERRORS`], not listed.
    pub more: usize,
}

impl fmt::Display for RatingsErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.errors.iter().map(|e| e.to_string()).collect();
        write!(f, "{}", lines.join("\n"))?;
        if self.more > 0 {
            write!(f, "\n… and {} more error(s)", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for RatingsErrors {}

impl RatingsErrors {
    fn one(line: usize, message: impl Into<String>) -> RatingsErrors {
        RatingsErrors {
            errors: vec![RatingsError {
                line,
                message: message.into(),
            }],
            more: 0,
        }
    }
}

/// The reader's ratings, by normalized domain.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ratings {
    by_domain: BTreeMap<String, UserRating>,
}

/// The fields of one row or item before checking.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRating {
    domain: Option<String>,
    label: Option<String>,
    score: Option<serde_json::Value>,
    #[serde(default)]
    score_from_label: bool,
    name: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Canonical {
    format: String,
    version: u64,
    ratings: Vec<serde_json::Value>,
}

const COLUMNS: [&str; 5] = ["domain", "label", "score", "name", "source"];
const LABELS: [&str; 5] = ["Left", "Center-Left", "Center", "Center-Right", "Right"];
const EXPECTED_LABELS: &str = "Left, Center-Left, Center, Center-Right, Right or unrated";

/// The canonical label of what a reader wrote; `unrated` for no rating.
fn parse_label(s: &str) -> Option<&'static str> {
    let k: String = s
        .trim()
        .to_lowercase()
        .replace("centre", "center")
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    Some(match k.as_str() {
        "left" | "far-left" => "Left",
        "center-left" | "lean-left" | "left-center" | "left-of-center" => "Center-Left",
        "center" | "centre" | "least-biased" => "Center",
        "center-right" | "lean-right" | "right-center" | "right-of-center" => "Center-Right",
        "right" | "far-right" => "Right",
        "unrated" | "none" | "not-rated" => "unrated",
        _ => return None,
    })
}

fn band_middle(label: &str) -> f64 {
    match label {
        "Left" => -0.8,
        "Center-Left" => -0.4,
        "Center-Right" => 0.4,
        "Right" => 0.8,
        _ => 0.0,
    }
}

fn score_of(v: &serde_json::Value) -> Result<Option<f64>, String> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Number(n) => n.as_f64().map(Some).ok_or("bad score".into()),
        serde_json::Value::String(s) if s.trim().is_empty() => Ok(None),
        serde_json::Value::String(s) => s
            .trim()
            .parse::<f64>()
            .map(Some)
            .map_err(|_| format!("score {s:?} is not a number")),
        other => Err(format!("score {other} is not a number")),
    }
}

/// Checks one row; the rating or the reason it is refused.
fn check(raw: RawRating) -> Result<UserRating, String> {
    let domain = raw
        .domain
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        .ok_or("no domain")?;
    let domain = normalize_domain(domain)?;
    let label = match raw
        .label
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        None => None,
        Some(l) => Some(
            parse_label(l)
                .ok_or_else(|| format!("unknown lean label {l:?} (expected {EXPECTED_LABELS})"))?,
        ),
    };
    let score = match &raw.score {
        None => None,
        Some(v) => score_of(v)?,
    };
    if let Some(s) = score {
        if !s.is_finite() || !(-1.0..=1.0).contains(&s) {
            return Err(format!("score {s} is outside [-1, 1] (-1 left … +1 right)"));
        }
    }
    let clean = |s: Option<String>| {
        s.map(|x| x.trim().chars().take(200).collect::<String>())
            .filter(|x| !x.is_empty())
    };
    let (label, score, from_label) = match (label, score) {
        (None, None) => {
            return Err(format!(
                "{domain}: give a label ({EXPECTED_LABELS}) or a score in [-1, 1]"
            ))
        }
        (Some("unrated"), Some(s)) => {
            return Err(format!(
                "{domain}: label \"unrated\" cannot have a score (got {s})"
            ))
        }
        (Some("unrated"), None) => ("unrated".to_string(), None, false),
        (Some(l), Some(s)) => {
            if lean_label(s) != l {
                return Err(format!(
                    "{domain}: label {l:?} does not match score {s} (which is {} on the 5-point scale: Left < -0.6 ≤ Center-Left < -0.2 ≤ Center ≤ 0.2 < Center-Right ≤ 0.6 < Right)",
                    lean_label(s)
                ));
            }
            (l.to_string(), Some(s), raw.score_from_label)
        }
        (Some(l), None) => (l.to_string(), Some(band_middle(l)), true),
        (None, Some(s)) => (lean_label(s).to_string(), Some(s), false),
    };
    debug_assert!(label == "unrated" || LABELS.contains(&label.as_str()));
    Ok(UserRating {
        domain,
        label,
        score: score.map(crate::brief::round3),
        score_from_label: from_label,
        name: clean(raw.name),
        source: clean(raw.source),
    })
}

/// Collects errors up to [`MAX_ERRORS`].
#[derive(Default)]
struct Collector {
    errors: Vec<RatingsError>,
    more: usize,
}

impl Collector {
    fn push(&mut self, line: usize, message: String) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(RatingsError { line, message });
        } else {
            self.more += 1;
        }
    }
}

impl Ratings {
    /// No ratings: every lookup falls through to the built-in table.
    pub fn new() -> Ratings {
        Ratings::default()
    }

    /// Reads CSV or JSON (JSON when the first non-blank character is `[` or `{`).
    pub fn parse(text: &str) -> Result<Ratings, RatingsErrors> {
        if text.len() > MAX_BYTES {
            return Err(RatingsErrors::one(
                0,
                format!(
                    "the ratings file is {} bytes; the limit is {MAX_BYTES}",
                    text.len()
                ),
            ));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match text.trim_start().chars().next() {
            Some('[') | Some('{') => Ratings::parse_json(text),
            _ => Ratings::parse_csv(text),
        }
    }

    /// Reads CSV (see the module documentation).
    pub fn parse_csv(text: &str) -> Result<Ratings, RatingsErrors> {
        let mut c = Collector::default();
        let mut rows: Vec<(usize, RawRating)> = Vec::new();
        let mut columns: Option<Vec<usize>> = None;
        let tab = text
            .lines()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .is_some_and(|l| l.contains('\t') && !l.contains(','));
        for (line_no, fields) in records(text, if tab { '\t' } else { ',' }) {
            let fields: Vec<String> = fields.into_iter().map(|f| f.trim().to_string()).collect();
            if fields.iter().all(String::is_empty)
                || fields.first().is_some_and(|f| f.starts_with('#'))
            {
                continue;
            }
            if columns.is_none() {
                let first = fields[0].to_lowercase();
                if first == "domain" || COLUMNS.contains(&first.as_str()) {
                    let mut cols = Vec::new();
                    let mut ok = true;
                    for f in &fields {
                        let name = f.to_lowercase();
                        match COLUMNS.iter().position(|c| *c == name) {
                            Some(i) if !cols.contains(&i) => cols.push(i),
                            Some(_) => {
                                c.push(line_no, format!("column {name:?} is named twice"));
                                ok = false;
                            }
                            None => {
                                c.push(
                                    line_no,
                                    format!(
                                        "unknown column {f:?} (expected domain, label, score, name, source)"
                                    ),
                                );
                                ok = false;
                            }
                        }
                    }
                    if ok && !cols.contains(&0) {
                        c.push(line_no, "the header has no \"domain\" column".into());
                    }
                    columns = Some(cols);
                    continue;
                }
                columns = Some((0..COLUMNS.len()).collect());
            }
            let cols = columns.as_deref().unwrap_or_default();
            if fields.len() > cols.len() {
                c.push(
                    line_no,
                    format!(
                        "{} fields, expected at most {} ({})",
                        fields.len(),
                        cols.len(),
                        cols.iter()
                            .map(|&i| COLUMNS[i])
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                );
                continue;
            }
            let mut raw = RawRating::default();
            for (f, &col) in fields.into_iter().zip(cols) {
                let v = Some(f).filter(|x| !x.is_empty());
                match col {
                    0 => raw.domain = v,
                    1 => raw.label = v,
                    2 => raw.score = v.map(serde_json::Value::String),
                    3 => raw.name = v,
                    _ => raw.source = v,
                }
            }
            rows.push((line_no, raw));
        }
        Ratings::build(rows, c)
    }

    /// Reads JSON (see the module documentation).
    pub fn parse_json(text: &str) -> Result<Ratings, RatingsErrors> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| RatingsErrors::one(e.line(), format!("not valid JSON: {e}")))?;
        let (items, depth) = match value {
            serde_json::Value::Array(items) => (items, 1),
            v @ serde_json::Value::Object(_) => {
                let c: Canonical = serde_json::from_value(v).map_err(|e| {
                    RatingsErrors::one(
                        1,
                        format!("expected a list of ratings or {{\"format\":\"{FORMAT_NAME}\",\"version\":1,\"ratings\":[…]}}: {e}"),
                    )
                })?;
                if c.format != FORMAT_NAME || c.version != 1 {
                    return Err(RatingsErrors::one(
                        1,
                        format!(
                            "format {:?} version {} is not {FORMAT_NAME:?} version 1",
                            c.format, c.version
                        ),
                    ));
                }
                (c.ratings, 2)
            }
            _ => {
                return Err(RatingsErrors::one(
                    1,
                    "expected a list of ratings (objects with domain, label, score, name, source)",
                ))
            }
        };
        let lines = item_lines(text, depth);
        let mut c = Collector::default();
        let mut rows = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or(0);
            match serde_json::from_value::<RawRating>(item) {
                Ok(raw) => rows.push((line, raw)),
                Err(e) => c.push(
                    line,
                    format!(
                        "item {}: {e} (fields: domain, label, score, name, source)",
                        i + 1
                    ),
                ),
            }
        }
        Ratings::build(rows, c)
    }

    fn build(rows: Vec<(usize, RawRating)>, mut c: Collector) -> Result<Ratings, RatingsErrors> {
        if rows.len() > MAX_RATINGS {
            return Err(RatingsErrors::one(
                0,
                format!("{} ratings; the limit is {MAX_RATINGS}", rows.len()),
            ));
        }
        let mut by_domain: BTreeMap<String, UserRating> = BTreeMap::new();
        let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
        for (line, raw) in rows {
            match check(raw) {
                Ok(r) => {
                    if let Some(&prev) = first_line.get(&r.domain) {
                        c.push(
                            line,
                            format!("{} is already rated on line {prev}", r.domain),
                        );
                        continue;
                    }
                    first_line.insert(r.domain.clone(), line);
                    by_domain.insert(r.domain.clone(), r);
                }
                Err(e) => c.push(line, e),
            }
        }
        if !c.errors.is_empty() {
            c.errors.sort_by_key(|e| e.line);
            return Err(RatingsErrors {
                errors: c.errors,
                more: c.more,
            });
        }
        Ok(Ratings { by_domain })
    }

    /// Number of ratings.
    pub fn len(&self) -> usize {
        self.by_domain.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_domain.is_empty()
    }

    /// The ratings, by domain.
    pub fn iter(&self) -> impl Iterator<Item = &UserRating> {
        self.by_domain.values()
    }

    /// The user's rating of a domain or of its nearest rated parent domain.
    pub fn rating_of(&self, domain: &str) -> Option<&UserRating> {
        domain_levels(domain).find_map(|d| self.by_domain.get(d))
    }

    /// The lean of a domain: the user's rating (domain or parent; `unrated` gives None), else
    /// the built-in table.
    pub fn lean_of(&self, domain: &str) -> Option<Lean> {
        match self.rating_of(domain) {
            Some(r) => r.lean(),
            None => super::lean_of(domain),
        }
    }

    /// Sets a brief's `source.lean` from the user's rating of its domain, if there is one, and
    /// says so in `provenance.source`. Returns whether a user rating applied.
    pub fn apply(&self, brief: &mut Brief) -> bool {
        let Some(r) = brief
            .source
            .domain
            .as_deref()
            .and_then(|d| self.rating_of(d))
        else {
            return false;
        };
        brief.source.lean = r.lean();
        let note = "; lean overridden by the reader's own rating";
        if !brief.provenance.source.ends_with(note) {
            brief.provenance.source.push_str(note);
        }
        true
    }

    /// The canonical JSON text (sorted by domain): what the CLI and the browser store.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            format: &'a str,
            version: u64,
            ratings: Vec<&'a UserRating>,
        }
        serde_json::to_string_pretty(&Out {
            format: FORMAT_NAME,
            version: 1,
            ratings: self.by_domain.values().collect(),
        })
        .unwrap_or_default()
            + "\n"
    }
}

/// CSV records with the line each starts on: quoted fields, doubled quotes, `\r\n`.
fn records(text: &str, sep: char) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (c, false) if c == sep => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            ('\r', false) => {}
            ('\n', true) => {
                field.push('\n');
                line += 1;
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((start, record));
    }
    out
}

/// The line on which each value at `depth` (1: items of a top-level array; 2: items of the
/// array inside a top-level object) starts. The text is valid JSON (serde read it).
fn item_lines(text: &str, depth: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut d, mut line) = (0usize, 1usize);
    let (mut in_str, mut esc) = (false, false);
    let mut expect_value = false;
    for ch in text.chars() {
        if ch == '\n' {
            line += 1;
        }
        if in_str {
            if esc {
                esc = false;
            } else if ch == '\\' {
                esc = true;
            } else if ch == '"' {
                in_str = false;
            }
            continue;
        }
        match ch {
            '[' | '{' => {
                if d == depth && expect_value {
                    out.push(line);
                    expect_value = false;
                }
                d += 1;
                if d == depth && ch == '[' {
                    expect_value = true;
                }
            }
            ']' | '}' => d = d.saturating_sub(1),
            ',' if d == depth => expect_value = true,
            c if d == depth && expect_value && !c.is_whitespace() => {
                if c == '"' {
                    in_str = true;
                }
                out.push(line);
                expect_value = false;
            }
            '"' => in_str = true,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_lines_follow_the_items() {
        let t = "[\n {\"a\":1},\n {\"b\":[1,2]},\n \"x\"\n]";
        assert_eq!(item_lines(t, 1), [2, 3, 4]);
        let t = "{\"format\":\"f\",\n\"ratings\":[\n{\"a\":{}},\n{}]}";
        assert_eq!(item_lines(t, 2), [3, 4]);
    }

    #[test]
    fn labels_are_read_generously() {
        assert_eq!(parse_label("Lean Left"), Some("Center-Left"));
        assert_eq!(parse_label("centre_right"), Some("Center-Right"));
        assert_eq!(parse_label("RIGHT"), Some("Right"));
        assert_eq!(parse_label("Unrated"), Some("unrated"));
        assert_eq!(parse_label("extreme"), None);
    }
}
