//! The store format: UTF-8 text, one line per brief, each line checked on its own, so damage to
//! one line loses that line only.
//!
//! ```text
//! 1c291ca3 {"format":"newsar-corpus","version":1,"config":{…},"next_seq":…,"next_story":…,"briefs":…}
//! 9f0e2b11 {"key":"NSR-2026-0608-82719","id":…,"seq":1,"story":1,…}
//! …
//! ```
//! Every line is `CHECKSUM JSON\n`: `CHECKSUM` is the CRC-32 (IEEE 802.3, as in zip and PNG) of
//! the JSON's bytes as 8 lowercase hex digits. The first line is the header (format version,
//! [`Config`], the next insertion and story numbers, the number of briefs); then one
//! [`StoredBrief`] per line in insertion order (`seq`), stories as assigned when each was added.
//! Export is canonical (fixed key order, floats rounded to 3 decimals), so export → import →
//! export gives the same bytes.
//!
//! **Recovery.** [`import`] keeps every line that is readable and reports each one that is not
//! ([`StoreError`], one line each): a checksum mismatch, a line that is not UTF-8 or not a
//! record, a duplicate key or insertion number, a missing or damaged header (then the default
//! configuration is used and the numbering continues after the highest one read). Only a store of
//! a newer format version is refused as a whole, so nothing is silently misread.

use super::record::StoredBrief;
use super::{Config, Corpus};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u64 = 1;
/// The `format` value of the header.
pub const FORMAT_NAME: &str = "newsar-corpus";

/// The header line's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    version: u64,
    config: Config,
    next_seq: u64,
    next_story: u64,
    briefs: usize,
}

/// A corpus read from a store, with what could not be read.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub corpus: Corpus,
    /// One entry per damaged or unreadable line, in line order. Empty for an intact store.
    pub problems: Vec<StoreError>,
    /// Keys evicted because the store held more briefs than its `max_briefs`.
    pub evicted: Vec<String>,
}

/// What was wrong with a store or one of its lines. Line numbers count from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The store was written by a newer NEWSAR; nothing was read.
    UnsupportedVersion { found: u64, supported: u64 },
    /// The first line is not a readable header; the default configuration is used.
    HeaderUnreadable { line: usize, reason: String },
    /// The line's checksum does not match its content: it was changed or damaged. Skipped.
    ChecksumMismatch {
        line: usize,
        stored: String,
        computed: String,
    },
    /// The line could not be read (not UTF-8, no checksum, not a record). Skipped.
    BadLine { line: usize, reason: String },
    /// The line repeats a key or insertion number of an earlier line. Skipped.
    Duplicate { line: usize, what: String },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::UnsupportedVersion { found, supported } => write!(
                f,
                "corpus store format version {found} is newer than this NEWSAR reads \
                 (version {supported}); nothing was read or changed"
            ),
            StoreError::HeaderUnreadable { line, reason } => write!(
                f,
                "line {line}: corpus header unreadable ({reason}); default settings used, \
                 briefs kept"
            ),
            StoreError::ChecksumMismatch {
                line,
                stored,
                computed,
            } => write!(
                f,
                "line {line}: checksum mismatch (stored {stored}, computed {computed}): \
                 the line was changed or damaged; skipped"
            ),
            StoreError::BadLine { line, reason } => {
                write!(f, "line {line}: unreadable ({reason}); skipped")
            }
            StoreError::Duplicate { line, what } => {
                write!(f, "line {line}: duplicate {what}; skipped")
            }
        }
    }
}

impl std::error::Error for StoreError {}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// CRC-32 (IEEE 802.3) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in bytes {
        c = CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

fn push_line(out: &mut Vec<u8>, json: &str) {
    out.extend_from_slice(format!("{:08x} ", crc32(json.as_bytes())).as_bytes());
    out.extend_from_slice(json.as_bytes());
    out.push(b'\n');
}

/// Serializes a corpus in the store format.
pub fn export(corpus: &Corpus) -> Vec<u8> {
    let (next_seq, next_story) = corpus.next_numbers();
    let header = Header {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        config: corpus.config().clone(),
        next_seq,
        next_story,
        briefs: corpus.len(),
    };
    let mut out = Vec::with_capacity(corpus.len() * 2048 + 256);
    // Serializing these plain structs cannot fail; an empty line would be reported on import.
    push_line(
        &mut out,
        &serde_json::to_string(&header).unwrap_or_default(),
    );
    for record in corpus.briefs() {
        push_line(&mut out, &serde_json::to_string(record).unwrap_or_default());
    }
    out
}

/// Splits `CHECKSUM JSON` and checks the checksum.
fn checked(line_no: usize, raw: &[u8]) -> Result<&str, StoreError> {
    let text = std::str::from_utf8(raw).map_err(|e| StoreError::BadLine {
        line: line_no,
        reason: format!("not UTF-8 at byte {}", e.valid_up_to()),
    })?;
    let text = text.strip_suffix('\r').unwrap_or(text);
    let (sum, json) = match text.split_once(' ') {
        Some((s, j)) if s.len() == 8 && s.bytes().all(|b| b.is_ascii_hexdigit()) => (s, j),
        _ => {
            return Err(StoreError::BadLine {
                line: line_no,
                reason: "no 8-digit checksum at the start".into(),
            })
        }
    };
    let computed = format!("{:08x}", crc32(json.as_bytes()));
    if !sum.eq_ignore_ascii_case(&computed) {
        return Err(StoreError::ChecksumMismatch {
            line: line_no,
            stored: sum.to_string(),
            computed,
        });
    }
    Ok(json)
}

fn short(e: &serde_json::Error) -> String {
    let s = e.to_string();
    if s.len() > 120 {
        let mut i = 120;
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        format!("{}…", &s[..i])
    } else {
        s
    }
}

/// Reads a store (see the module documentation for what is recovered).
pub fn import(bytes: &[u8]) -> Result<Loaded, StoreError> {
    let mut problems = Vec::new();
    let mut header: Option<Header> = None;
    let mut records: Vec<(usize, StoredBrief)> = Vec::new();
    let mut first = true;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i + 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let is_first = std::mem::replace(&mut first, false);
        let json = match checked(line_no, raw) {
            Ok(j) => j,
            Err(e) => {
                if is_first {
                    // A damaged header with a newer version must still refuse the store.
                    let text = String::from_utf8_lossy(raw);
                    if let Some(v) = version_hint(&text) {
                        if v > FORMAT_VERSION {
                            return Err(StoreError::UnsupportedVersion {
                                found: v,
                                supported: FORMAT_VERSION,
                            });
                        }
                    }
                    problems.push(StoreError::HeaderUnreadable {
                        line: line_no,
                        reason: e.to_string(),
                    });
                    continue;
                }
                problems.push(e);
                continue;
            }
        };
        if is_first || json.starts_with("{\"format\"") {
            match serde_json::from_str::<serde_json::Value>(json) {
                Ok(v) if v.get("format").and_then(|f| f.as_str()) == Some(FORMAT_NAME) => {
                    let version = v.get("version").and_then(|x| x.as_u64()).unwrap_or(0);
                    if version > FORMAT_VERSION {
                        return Err(StoreError::UnsupportedVersion {
                            found: version,
                            supported: FORMAT_VERSION,
                        });
                    }
                    match serde_json::from_value::<Header>(v) {
                        Ok(h) if is_first => header = Some(h),
                        Ok(_) => problems.push(StoreError::Duplicate {
                            line: line_no,
                            what: "header".into(),
                        }),
                        Err(e) => problems.push(StoreError::HeaderUnreadable {
                            line: line_no,
                            reason: short(&e),
                        }),
                    }
                    continue;
                }
                _ if is_first => problems.push(StoreError::HeaderUnreadable {
                    line: line_no,
                    reason: "the first line is not a newsar-corpus header".into(),
                }),
                _ => {}
            }
        }
        match serde_json::from_str::<StoredBrief>(json) {
            Ok(r) => records.push((line_no, r)),
            Err(e) => problems.push(StoreError::BadLine {
                line: line_no,
                reason: format!("not a stored brief: {}", short(&e)),
            }),
        }
    }
    let config = header
        .as_ref()
        .map(|h| h.config.clone())
        .unwrap_or_default();
    // Insert in insertion order; a repeated key or seq is reported, the first kept.
    records.sort_by_key(|(line, r)| (r.seq, *line));
    let mut corpus = Corpus::new(Config {
        max_briefs: usize::MAX,
        ..config.clone()
    });
    let mut last_seq: Option<u64> = None;
    for (line, r) in records {
        if last_seq == Some(r.seq) {
            problems.push(StoreError::Duplicate {
                line,
                what: format!("insertion number {}", r.seq),
            });
            continue;
        }
        if corpus.contains_key(&r.key) || r.key.is_empty() {
            problems.push(StoreError::Duplicate {
                line,
                what: format!("key {:?}", r.key),
            });
            continue;
        }
        last_seq = Some(r.seq);
        corpus.restore(r);
    }
    if let Some(h) = &header {
        corpus.set_next_numbers(h.next_seq, h.next_story);
    }
    let evicted = corpus.set_config(config);
    problems.sort_by_key(line_of);
    Ok(Loaded {
        corpus,
        problems,
        evicted,
    })
}

fn line_of(e: &StoreError) -> usize {
    match e {
        StoreError::UnsupportedVersion { .. } => 0,
        StoreError::HeaderUnreadable { line, .. }
        | StoreError::ChecksumMismatch { line, .. }
        | StoreError::BadLine { line, .. }
        | StoreError::Duplicate { line, .. } => *line,
    }
}

/// `"version":N` in a damaged header line, if it can be seen.
fn version_hint(text: &str) -> Option<u64> {
    let rest = &text[text.find("\"version\":")? + 10..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn empty_store_is_an_empty_corpus() {
        let l = import(b"").unwrap();
        assert!(l.corpus.is_empty());
        assert!(l.problems.is_empty());
        let bytes = Corpus::default().export();
        assert_eq!(import(&bytes).unwrap().corpus.export(), bytes);
    }

    #[test]
    fn newer_version_is_refused() {
        let json = r#"{"format":"newsar-corpus","version":9}"#;
        let line = format!("{:08x} {json}\n", crc32(json.as_bytes()));
        assert!(matches!(
            import(line.as_bytes()),
            Err(StoreError::UnsupportedVersion { found: 9, .. })
        ));
    }
}
