//! Publication dates: normalizes the forms pages use (ISO 8601, RFC 2822, "July 24, 2015",
//! "24 July 2015") to ISO 8601 (`YYYY-MM-DD` or a full date-time as given).

use regex::Regex;
use std::sync::OnceLock;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn iso_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
            .expect("valid regex")
    })
}

fn month_day_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .expect("valid regex")
    })
}

fn day_month_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b")
            .expect("valid regex")
    })
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Normalizes a date string to ISO 8601, or None when it is not recognizably a date.
pub fn normalize_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if let Some(c) = iso_re().captures(s) {
        let y: u32 = c[1].parse().ok()?;
        let m: u32 = c[2].parse().ok()?;
        let d: u32 = c[3].parse().ok()?;
        if !valid(y, m, d) {
            return None;
        }
        let mut out = format!("{y:04}-{m:02}-{d:02}");
        if let (Some(h), Some(min)) = (c.get(4), c.get(5)) {
            out.push_str(&format!("T{}:{}", h.as_str(), min.as_str()));
            out.push_str(&format!(":{}", c.get(6).map_or("00", |x| x.as_str())));
            if let Some(fraction) = c.get(7) {
                out.push_str(fraction.as_str());
            }
            if let Some(zone) = c.get(8) {
                let z = zone.as_str();
                if z == "Z" || z.contains(':') {
                    out.push_str(z);
                } else {
                    out.push_str(&format!("{}:{}", &z[..3], &z[3..]));
                }
            }
        }
        return Some(out);
    }
    if let Some(c) = month_day_year_re().captures(s) {
        let m = month_number(&c[1])?;
        let d: u32 = c[2].parse().ok()?;
        let y: u32 = c[3].parse().ok()?;
        return valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
    }
    if let Some(c) = day_month_year_re().captures(s) {
        let d: u32 = c[1].parse().ok()?;
        let m = month_number(&c[2])?;
        let y: u32 = c[3].parse().ok()?;
        return valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
    }
    None
}

/// Where the first written-out date ("March 25, 2015", "25 March 2015") in `s` starts, if any:
/// bylines often run on into the date ("By Jane Doe March 25, 2015").
pub fn date_start(s: &str) -> Option<usize> {
    let a = month_day_year_re().find(s).map(|m| m.start());
    let b = day_month_year_re().find(s).map(|m| m.start());
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        assert_eq!(
            normalize_date("2015-07-24T05:36:09+01:00").as_deref(),
            Some("2015-07-24T05:36:09+01:00")
        );
        assert_eq!(
            normalize_date("2015-07-24 05:36").as_deref(),
            Some("2015-07-24T05:36:00")
        );
        assert_eq!(
            normalize_date("2015-07-24T05:36:09.123+0100").as_deref(),
            Some("2015-07-24T05:36:09.123+01:00")
        );
        assert_eq!(normalize_date("2015-07-24").as_deref(), Some("2015-07-24"));
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            normalize_date("Fri, 24 Jul 2015 05:36:09 GMT").as_deref(),
            Some("2015-07-24")
        );
        assert_eq!(
            normalize_date("Updated July 4th, 2019").as_deref(),
            Some("2019-07-04")
        );
        assert_eq!(
            normalize_date("Sept. 9, 2020").as_deref(),
            Some("2020-09-09")
        );
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(normalize_date("2015-13-40"), None);
    }
}
