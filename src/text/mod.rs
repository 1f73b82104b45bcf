//! The one shared view of an article's text that every analyzer reads: normalized text, word
//! tokens, sentences, paragraphs, and the byte → UTF-16 offset map. Built once per article
//! ([`Doc::new`]); no analyzer tokenizes again.

mod char_refs;
mod offsets;
mod sentences;
mod tokens;

pub use offsets::Utf16Map;
pub use tokens::{Token, TokenKind};

use std::ops::Range;

/// What kind of block a paragraph is (mirrors HTML block types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Preformatted,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::ListItem => "list_item",
            BlockKind::Quote => "quote",
            BlockKind::Preformatted => "preformatted",
        }
    }
}

/// A block of text before it is joined into the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// A paragraph of the document: a byte range of `Doc::text` and its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphSpan {
    pub bytes: Range<usize>,
    pub kind: BlockKind,
}

/// A sentence: its byte range and the range of its tokens in `Doc::tokens`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub bytes: Range<usize>,
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

/// The analyzed text of one article.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Normalized body text: blocks joined by a blank line.
    pub text: String,
    pub paragraphs: Vec<ParagraphSpan>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    utf16: Utf16Map,
}

impl Doc {
    /// Builds the document from body blocks. Whitespace inside each block is folded to single
    /// spaces (newlines are kept inside preformatted blocks and plain-text lines, see
    /// [`Doc::from_plain_text`]); empty blocks are dropped.
    pub fn new(blocks: &[Block]) -> Doc {
        Doc::assemble(blocks.iter().map(|b| {
            let folded = normalize_block(&b.text, b.kind == BlockKind::Preformatted);
            (b.kind, folded)
        }))
    }

    /// Builds the document from plain text. A blank line separates paragraphs; a single newline
    /// is kept, and ends a sentence when the line has no sentence-final punctuation, so text with
    /// one sentence per line keeps one sentence per line.
    pub fn from_plain_text(input: &str) -> Doc {
        let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
        for line in input.lines().map(str::trim) {
            match paragraphs.last_mut() {
                Some(current) if !line.is_empty() => current.push(line),
                Some(current) if !current.is_empty() => paragraphs.push(Vec::new()),
                _ => {}
            }
        }
        Doc::assemble(paragraphs.into_iter().map(|lines| {
            // Keep single newlines: fold other whitespace per line.
            let text = lines
                .iter()
                .map(|l| {
                    char_refs::decode(l)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n");
            (BlockKind::Paragraph, normalize_chars(&text))
        }))
    }

    /// Joins normalized blocks (empty ones dropped) with blank lines, then tokenizes once.
    fn assemble(blocks: impl Iterator<Item = (BlockKind, String)>) -> Doc {
        let mut text = String::new();
        let mut paragraphs = Vec::new();
        for (kind, block) in blocks {
            if block.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&block);
            paragraphs.push(ParagraphSpan {
                bytes: start..text.len(),
                kind,
            });
        }
        let tokens = tokens::tokenize(&text);
        let sentences = sentences::split(&text, &tokens, &paragraphs);
        let utf16 = Utf16Map::new(&text);
        Doc {
            text,
            paragraphs,
            tokens,
            sentences,
            utf16,
        }
    }

    /// UTF-16 offset of a byte offset into `text` (which must be a char boundary).
    pub fn utf16(&self, byte: usize) -> usize {
        self.utf16.to_utf16(byte)
    }

    /// The text of a token.
    pub fn token_text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.text[self.sentences[i].bytes.clone()]
    }

    /// Number of words (tokens that contain a letter or a digit).
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_wordlike()).count()
    }
}

/// Folds whitespace runs to one space (or keeps newlines in preformatted text) and normalizes
/// invisible and compatibility characters.
fn normalize_block(text: &str, keep_newlines: bool) -> String {
    let cleaned = normalize_chars(text);
    if keep_newlines {
        cleaned
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    } else {
        cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Replaces characters that only get in the way: zero-width and soft hyphens are dropped,
/// non-breaking and other exotic spaces become spaces, control characters are dropped.
fn normalize_chars(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(' ')
            }
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
        }
    }

    #[test]
    fn blocks_are_joined_by_blank_lines_and_whitespace_folded() {
        let doc = Doc::new(&[para("  One\n two  "), para(""), para("Three.")]);
        assert_eq!(doc.text, "One two\n\nThree.");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(&doc.text[doc.paragraphs[1].bytes.clone()], "Three.");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        let doc = Doc::new(&[para("co\u{00AD}operate\u{00A0}now\u{200B}")]);
        assert_eq!(doc.text, "cooperate now");
    }

    #[test]
    fn plain_text_keeps_one_sentence_per_line() {
        let doc =
            Doc::from_plain_text("First line without stop\nSecond line also\n\nNew paragraph.");
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentence_text(0), "First line without stop");
        assert_eq!(doc.sentence_text(1), "Second line also");
    }

    #[test]
    fn plain_text_joins_wrapped_sentences() {
        let doc = Doc::from_plain_text("A sentence that wraps,\nonto the next line. Then another.");
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn word_count_counts_words_and_numbers_not_punctuation() {
        let doc = Doc::new(&[para("The U.S. spent $4.5 billion, it said — again.")]);
        // The, U.S, spent, 4.5, billion, it, said, again
        assert_eq!(doc.word_count(), 8);
    }
}
