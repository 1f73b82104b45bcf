//! The typed errors of the analysis core. Each says in one line what was wrong with the input and,
//! for a limit, which limit was hit.

use std::fmt;

/// Why an input could not be analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is larger, deeper or bigger than a documented limit.
    LimitExceeded {
        limit: &'static str,
        value: usize,
        max: usize,
    },
    /// The input has no text to analyze.
    EmptyInput,
    /// The page was parsed but no article body was found in it: no text, or too little to be
    /// a story (no sentence of eight words and fewer than 25 words in all).
    NoArticleText,
    /// An option had a value that cannot be used.
    InvalidOption {
        option: &'static str,
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::LimitExceeded { limit, value, max } => {
                write!(f, "input exceeds limit {limit}: {value} > {max}")
            }
            Error::EmptyInput => write!(f, "input is empty: there are no words to analyze"),
            Error::NoArticleText => write!(
                f,
                "this page doesn't look like an article: no story text was found in it \
                 (no full sentence, under 25 words)"
            ),
            Error::InvalidOption { option, reason } => {
                write!(f, "invalid option {option}: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}
