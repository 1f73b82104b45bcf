//! HTML character references left in plain text ("AT&amp;T", "&lt;3", "&#8217;"): text copied
//! from feeds, APIs and escaped HTML keeps them, and read literally they split words and hide
//! emoticons. Plain-text input decodes the numeric ones and the common named ones; anything else
//! (an unknown name, a bare "&") is left as it is.

use std::borrow::Cow;

/// The named references decoded, with their characters.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("deg", '°'),
];

/// `text` with its character references decoded (borrowed when it has none).
pub fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character of the reference at the start of `s` (just after "&") and the bytes it spans,
/// including the ";".
fn reference(s: &str) -> Option<(char, usize)> {
    // The longest reference decoded ("&#x10FFFF;", "&hellip;") ends within 10 characters.
    let end = s
        .char_indices()
        .take(10)
        .find(|&(_, c)| c == ';' || c.is_whitespace() || c == '&')
        .filter(|&(_, c)| c == ';')?
        .0;
    let body = &s[..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
    } else {
        NAMED.iter().find(|(name, _)| *name == body)?.1
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_and_numeric_references_only() {
        assert_eq!(
            decode("AT&amp;T &lt;3 it&#8217;s &#x2014;"),
            "AT&T <3 it’s —"
        );
        assert_eq!(
            decode("R&D and &bogus; & &#xZZ; &"),
            "R&D and &bogus; & &#xZZ; &"
        );
        assert!(matches!(decode("no references"), Cow::Borrowed(_)));
        assert_eq!(decode("&#0; &#x110000; &amp"), "&#0; &#x110000; &amp");
    }
}
