//! Sentence splitting over tokens. A sentence ends at `.`, `!`, `?` or `…` (with any closing
//! quotes and brackets after it) when the next token starts a sentence, except after known
//! abbreviations and initials; at a newline inside a paragraph when the line has no final
//! punctuation (plain-text input); and always at a paragraph end.

use super::{ParagraphSpan, Sentence, Token, TokenKind};

/// Abbreviations after which a period does not end a sentence (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "messrs", "mt",
    "ft", "inc", "corp", "ltd", "co", "bros", "no", "nos", "vs", "v", "etc", "e.g", "i.e", "u.s",
    "u.k", "u.n", "a.m", "p.m", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "approx", "dept", "est", "fig", "ave", "blvd", "rd", "mass", "calif", "fla", "wash",
    "ariz", "conn", "ill", "mich", "minn", "penn", "tenn", "tex", "va", "wis",
];

/// Abbreviations that usually end a sentence when the next word is capitalized.
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "etc", "u.s", "u.k", "u.n", "inc", "corp", "ltd", "co", "a.m", "p.m",
];

const CLOSERS: &[&str] = &["\"", "'", "”", "’", ")", "]", "»", "›"];

/// Whether a lowercase word (without its period) is a known abbreviation.
pub(super) fn is_abbreviation(lower: &str) -> bool {
    ABBREVIATIONS.contains(&lower)
}

fn is_terminal(lower: &str) -> bool {
    matches!(lower, "." | "!" | "?" | "…" | "..." | "?!" | "!?")
}

/// Splits the document into sentences; sentences never cross paragraphs.
pub fn split(text: &str, tokens: &[Token], paragraphs: &[ParagraphSpan]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut tok = 0usize;
    for (p_index, paragraph) in paragraphs.iter().enumerate() {
        while tok < tokens.len() && tokens[tok].start < paragraph.bytes.start {
            tok += 1;
        }
        let first = tok;
        while tok < tokens.len() && tokens[tok].end <= paragraph.bytes.end {
            tok += 1;
        }
        split_paragraph(text, tokens, first..tok, p_index, &mut sentences);
    }
    sentences
}

fn split_paragraph(
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let mut end_here = false;
        let mut last = i; // last token of the sentence if it ends here
        if is_terminal(&tokens[i].lower) {
            // Absorb repeated terminals and closing quotes/brackets.
            while last + 1 < range.end
                && (is_terminal(&tokens[last + 1].lower)
                    || CLOSERS.contains(&tokens[last + 1].lower.as_str()))
                && tokens[last + 1].start == tokens[last].end
            {
                last += 1;
            }
            end_here = last + 1 >= range.end || starts_sentence(text, tokens, i, last + 1);
        } else if tokens[i].lower.len() > 1 && tokens[i].lower.ends_with('.') && i + 1 < range.end {
            // An abbreviation that owns its period ("U.S.", "Inc."): it ends the sentence only
            // when it usually can, and a new sentence clearly starts after it.
            let word = tokens[i].lower.trim_end_matches('.');
            end_here = SENTENCE_FINAL_ABBREVIATIONS.contains(&word)
                && tokens[i + 1].capitalized
                && !next_is_name_like(tokens, i + 1)
                && text[tokens[i].end..tokens[i + 1].start]
                    .chars()
                    .any(char::is_whitespace);
            if !end_here && newline_between(text, &tokens[i], &tokens[i + 1]) {
                end_here = true;
            }
        } else if i + 1 < range.end && newline_between(text, &tokens[i], &tokens[i + 1]) {
            // Plain-text line break: a line without final punctuation is a sentence of its own
            // unless it ends mid-clause (a comma, a conjunction).
            end_here = !matches!(
                tokens[i].lower.as_str(),
                "," | ";" | ":" | "-" | "and" | "or" | "but" | "the" | "a" | "of" | "to"
            );
        }
        if end_here || last + 1 >= range.end {
            let end_tok = last + 1;
            out.push(Sentence {
                bytes: tokens[start].start..tokens[end_tok - 1].end,
                tokens: start..end_tok,
                paragraph,
            });
            start = end_tok;
            i = end_tok;
        } else {
            i += 1;
        }
    }
}

fn newline_between(text: &str, a: &Token, b: &Token) -> bool {
    text[a.end..b.start].contains('\n')
}

/// Whether a sentence may start at token `next`, after a terminal at token `terminal`.
fn starts_sentence(text: &str, tokens: &[Token], terminal: usize, next: usize) -> bool {
    let next_tok = &tokens[next];
    let gap = &text[tokens[next - 1].end..next_tok.start];
    let glued = gap.is_empty();
    let next_text = &text[next_tok.start..next_tok.end];
    let opens = next_tok.capitalized
        || next_tok.kind == TokenKind::Number
        || matches!(
            next_text,
            "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "—" | "-"
        );
    if !opens {
        return false;
    }
    if tokens[terminal].lower != "." {
        return !glued || next_tok.capitalized;
    }
    if glued && !next_tok.capitalized {
        return false;
    }
    if terminal == 0 {
        return true;
    }
    let prev = &tokens[terminal - 1];
    if prev.end != tokens[terminal].start {
        return true; // "word ." — a detached period ends the sentence
    }
    let word = prev.lower.as_str();
    // Initials: "J. Smith", "U.S." handled as an abbreviation.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && prev.capitalized && prev.kind == TokenKind::Word {
        return false;
    }
    if ABBREVIATIONS.contains(&word) {
        return SENTENCE_FINAL_ABBREVIATIONS.contains(&word)
            && next_tok.capitalized
            && !next_is_name_like(tokens, next);
    }
    true
}

/// After "U.S." a capitalized function word ("The", "It") starts a sentence; a capitalized name
/// ("U.S. Army") does not — approximated by the next-next token also being capitalized.
fn next_is_name_like(tokens: &[Token], next: usize) -> bool {
    tokens
        .get(next + 1)
        .is_some_and(|t| t.capitalized && t.kind == TokenKind::Word)
}

#[cfg(test)]
mod tests {
    use crate::text::{Block, BlockKind, Doc};

    fn sentences(text: &str) -> Vec<String> {
        let doc = Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
        }]);
        (0..doc.sentences.len())
            .map(|i| doc.sentence_text(i).to_string())
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("It rained. Then it stopped! Why? Nobody knows."),
            ["It rained.", "Then it stopped!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sentences("Mr. Smith met Dr. J. Jones at 5 p.m. on Monday. They talked."),
            [
                "Mr. Smith met Dr. J. Jones at 5 p.m. on Monday.",
                "They talked."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said: \"We will win.\" She disagreed."),
            ["He said: \"We will win.\"", "She disagreed."]
        );
    }

    #[test]
    fn glued_paragraphs_are_split() {
        assert_eq!(
            sentences("foreign systems.In a notice, it spoke."),
            ["foreign systems.", "In a notice, it spoke."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sentences("Growth was 2.5 percent. Fine."),
            ["Growth was 2.5 percent.", "Fine."]
        );
    }
}
