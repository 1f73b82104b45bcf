//! Word tokenization: Unicode word boundaries (UAX #29), then two news-specific repairs —
//! possessive `'s` becomes its own token, and words glued across a lost paragraph break
//! ("systems.In") are split. Links (URLs, e-mail addresses) are one token each, so their
//! pieces are not read as words or emoticons (the ":/" of "http://").

use std::sync::LazyLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains a letter.
    Word,
    /// Digits, possibly with `.`/`,` inside.
    Number,
    /// Punctuation (including quotes and dashes).
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// A token: byte range into the document text plus precomputed features.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lowercased text, with typographic apostrophes made plain.
    pub lower: String,
    /// First character is uppercase.
    pub capitalized: bool,
    /// At least two letters, all uppercase.
    pub all_caps: bool,
}

impl Token {
    /// Words and numbers: what a word count counts.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn classify(s: &str) -> TokenKind {
    if s.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if s.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
        TokenKind::Number
    } else if s.chars().all(is_punct) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '‘' | '’'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '—'
                | '–'
                | '…'
                | '‹'
                | '›'
                | '·'
                | '•'
        )
}

fn make(text: &str, start: usize, end: usize) -> Token {
    let s = &text[start..end];
    let kind = classify(s);
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    Token {
        start,
        end,
        kind,
        lower: s.to_lowercase().replace('’', "'"),
        capitalized: s.chars().next().is_some_and(char::is_uppercase),
        all_caps: letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()),
    }
}

/// Splits `text` into tokens (whitespace dropped).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for (start, piece) in text.split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            continue;
        }
        // "U.S." / "J." / "Mr.": the period belongs to the abbreviation.
        if piece == "." {
            if let Some(prev) = out.last() {
                if prev.end == start && takes_period(&text[prev.start..prev.end]) {
                    let prev_start = prev.start;
                    out.pop();
                    out.push(make(text, prev_start, start + 1));
                    continue;
                }
            }
        }
        push_repaired(text, start, start + piece.len(), &mut out);
    }
    merge_links(text, &mut out);
    merge_emoticons(text, &mut out);
    out
}

/// A URL with a scheme or "www.", or an e-mail address; trailing sentence punctuation is not
/// part of it.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\x22]*[^\s<>\x22.,;:!?'\)\]]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    )
    .expect("static regex")
});

/// Merges the tokens that lie inside a link into one `Symbol` token (not a word, no lexicon
/// entry), so "http://url" yields neither "url" nor the emoticon ":/".
fn merge_links(text: &str, tokens: &mut Vec<Token>) {
    if !text.contains("://") && !text.contains("www.") && !text.contains('@') {
        return;
    }
    let spans: Vec<(usize, usize)> = LINK.find_iter(text).map(|m| (m.start(), m.end())).collect();
    if spans.is_empty() {
        return;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut span_iter = spans.into_iter().peekable();
    let mut i = 0;
    while i < tokens.len() {
        while span_iter.peek().is_some_and(|&(_, e)| e <= tokens[i].start) {
            span_iter.next();
        }
        let inside = |t: &Token, (s, e): (usize, usize)| t.start >= s && t.end <= e;
        match span_iter.peek() {
            Some(&span) if inside(&tokens[i], span) => {
                let start = tokens[i].start;
                let mut end = tokens[i].end;
                i += 1;
                while i < tokens.len() && inside(&tokens[i], span) {
                    end = tokens[i].end;
                    i += 1;
                }
                let mut t = make(text, start, end);
                t.kind = TokenKind::Symbol;
                out.push(t);
            }
            _ => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    *tokens = out;
}

/// Emoticons (":)", ":-(", ";D", "<3") split into punctuation by word boundaries become one
/// token when the adjacent pieces spell an entry of the sentiment lexicon.
fn merge_emoticons(text: &str, tokens: &mut Vec<Token>) {
    let lexicon = crate::lexicon::vader();
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut merged = false;
        for len in (2..=3).rev() {
            if i + len > tokens.len() {
                continue;
            }
            let run = &tokens[i..i + len];
            let glued = run.windows(2).all(|w| w[0].end == w[1].start);
            let has_punct = run
                .iter()
                .any(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol));
            let span = &text[run[0].start..run[len - 1].end];
            if glued
                && has_punct
                && span.chars().count() <= 4
                && lexicon.contains_key(span.to_lowercase().as_str())
            {
                let mut t = make(text, run[0].start, run[len - 1].end);
                t.kind = TokenKind::Symbol;
                out.push(t);
                i += len;
                merged = true;
                break;
            }
        }
        if !merged {
            out.push(tokens[i].clone());
            i += 1;
        }
    }
    *tokens = out;
}

/// Whether a word written just before a period is an abbreviation that owns the period:
/// an initial ("J"), an initialism ("U.S", "e.g", "a.m") or a listed abbreviation ("Mr", "Inc").
fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    let initialism = word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    single_capital || initialism || super::sentences::is_abbreviation(&word.to_lowercase())
}

/// Pushes the token `text[start..end]`, split where a possessive or a lost break hides inside.
fn push_repaired(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    // "_Net" (underscores used as bullets or emphasis): the underscores are punctuation.
    let core = s.trim_matches('_');
    if core.len() != s.len() && !core.is_empty() {
        let lead = s.len() - s.trim_start_matches('_').len();
        if lead > 0 {
            out.push(make(text, start, start + lead));
        }
        push_repaired(text, start + lead, start + lead + core.len(), out);
        if start + lead + core.len() < end {
            out.push(make(text, start + lead + core.len(), end));
        }
        return;
    }
    // "systems.In": a lowercase word of 2+ letters, a period, then a capital.
    if let Some(dot) = glued_sentence_break(s) {
        push_repaired(text, start, start + dot, out);
        out.push(make(text, start + dot, start + dot + 1));
        push_repaired(text, start + dot + 1, end, out);
        return;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if s.len() > suffix.len() + 1 && s.ends_with(suffix) {
            let cut = end - suffix.len();
            out.push(make(text, start, cut));
            out.push(make(text, cut, end));
            return;
        }
    }
    out.push(make(text, start, end));
}

fn glued_sentence_break(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'.' || i < 2 || i + 1 >= bytes.len() {
            continue;
        }
        let before = &s[..i];
        let after = &s[i + 1..];
        let tail: Vec<char> = before.chars().rev().take(2).collect();
        let lower_before = tail.len() == 2 && tail.iter().all(|c| c.is_lowercase());
        let upper_after = after.chars().next().is_some_and(char::is_uppercase)
            && after.chars().nth(1).is_some_and(char::is_lowercase);
        if lower_before && upper_after {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s)
            .iter()
            .map(|t| s[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            texts("Hello, world! It's 4.5%."),
            ["Hello", ",", "world", "!", "It", "'s", "4.5", "%", "."]
        );
    }

    #[test]
    fn possessive_is_its_own_token() {
        assert_eq!(texts("China’s ministry"), ["China", "’s", "ministry"]);
        assert_eq!(texts("the MSS's account"), ["the", "MSS", "'s", "account"]);
    }

    #[test]
    fn glued_sentences_are_split_but_abbreviations_are_not() {
        assert_eq!(texts("systems.In a"), ["systems", ".", "In", "a"]);
        assert_eq!(
            texts("U.S. e.g. example.com"),
            ["U.S.", "e.g.", "example.com"]
        );
        assert_eq!(
            texts("Mr. J. Smith sat."),
            ["Mr.", "J.", "Smith", "sat", "."]
        );
    }

    #[test]
    fn emoticons_are_single_tokens() {
        assert_eq!(
            texts("great :) but :-( sad <3."),
            ["great", ":)", "but", ":-(", "sad", "<3", "."]
        );
        assert_eq!(texts("(see: above)."), ["(", "see", ":", "above", ")", "."]);
    }

    #[test]
    fn underscores_around_words_are_punctuation() {
        assert_eq!(
            texts("_Net farm income_"),
            ["_", "Net", "farm", "income", "_"]
        );
        assert_eq!(texts("snake_case"), ["snake_case"]);
    }

    #[test]
    fn links_are_single_tokens() {
        assert_eq!(
            texts("Fun times http://t.co/x_y. Mail me@example.org :/"),
            [
                "Fun",
                "times",
                "http://t.co/x_y",
                ".",
                "Mail",
                "me@example.org",
                ":/"
            ]
        );
        assert_eq!(
            tokenize("see www.bbc.co.uk/news")[1].kind,
            TokenKind::Symbol
        );
    }

    #[test]
    fn token_features() {
        let t = tokenize("NATO Obama’s 2026 —");
        assert!(t[0].all_caps && t[0].capitalized && t[0].kind == TokenKind::Word);
        assert!(t[1].capitalized && !t[1].all_caps);
        assert_eq!(t[2].lower, "'s");
        assert_eq!(t[3].kind, TokenKind::Number);
        assert_eq!(t[4].kind, TokenKind::Punct);
    }
}
