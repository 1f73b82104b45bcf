//! Language identification of the article text: whatlang's trigram models (69 languages), mapped
//! to ISO 639-1, with the page's declared `lang` used when the text is too short to tell.

use crate::brief::{round3, Language};

/// Languages whose language-dependent analyzers (entities, claims, tone, framing, keywords) exist.
pub const ANALYZED_LANGUAGES: &[&str] = &["en"];

/// ISO 639-3 (whatlang) → ISO 639-1.
const ISO_639_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// Detections less confident than this are treated as undetermined.
const MIN_CONFIDENCE: f64 = 0.2;

/// Characters of text looked at: enough for a confident answer, bounded for speed.
const SAMPLE_CHARS: usize = 6000;

/// Detects the language of `text`; `declared` is the page's `lang` attribute, if any.
pub fn detect(text: &str, declared: Option<&str>) -> Language {
    let end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let declared_code = declared
        .map(|d| {
            d.split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .filter(|d| d.len() == 2);
    let detected = common_words(sample).and_then(|words| whatlang::detect(&words));
    let detected = detected.and_then(|info| {
        let code3 = info.lang().code();
        let code = ISO_639_1.iter().find(|(c3, _)| *c3 == code3)?.1;
        Some((
            code,
            info.lang().eng_name(),
            info.confidence(),
            info.is_reliable(),
        ))
    });
    // Below this confidence the detector is guessing (a few words of text): say "undetermined"
    // rather than name a language, so the default analyzers still run.
    let detected = detected.filter(|d| d.2 >= MIN_CONFIDENCE);
    match (detected, declared_code) {
        (Some((code, name, conf, reliable)), declared) => {
            // Short text: trust the page's declaration when the detector is unsure and disagrees.
            if let Some(d) = declared
                .as_ref()
                .filter(|d| d.as_str() != code && !reliable)
            {
                return language(d, name_of(d), 0.5);
            }
            let conf = if declared.as_deref() == Some(code) {
                conf.max(0.9)
            } else {
                conf
            };
            language(code, name.to_string(), conf)
        }
        (None, Some(d)) => language(&d, name_of(&d), 0.5),
        (None, None) => language("und", "Undetermined".to_string(), 0.0),
    }
}

/// Fewest words, other than names and figures, the detector is asked about.
const MIN_COMMON_WORDS: usize = 3;

/// The words of `sample` that are not names or figures, joined by spaces — or None when the
/// text is mostly names and figures (under one word in five is anything else). Names read the
/// same in every language, so they only mislead the trigram models: a results table of Dutch
/// clubs in an English report ("Feyenoord 2 Graafschap Doetinchem 1") is not Dutch text. A name
/// here is a capitalized word (scripts without case have none, so nothing of theirs is dropped);
/// a figure is a word with a digit.
fn common_words(sample: &str) -> Option<String> {
    let mut kept = String::new();
    let (mut total, mut common) = (0usize, 0usize);
    for word in sample.split_whitespace() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        total += 1;
        let name = word
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        if name || word.chars().any(|c| c.is_numeric()) {
            continue;
        }
        common += 1;
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    (common >= MIN_COMMON_WORDS && common * 5 >= total).then_some(kept)
}

fn language(code: &str, name: String, confidence: f64) -> Language {
    Language {
        code: code.to_string(),
        name,
        confidence: round3(confidence),
        analyzers_available: ANALYZED_LANGUAGES.contains(&code),
    }
}

fn name_of(code: &str) -> String {
    ISO_639_1
        .iter()
        .find(|(_, c1)| *c1 == code)
        .and_then(|(c3, _)| whatlang::Lang::from_code(*c3))
        .map_or_else(|| code.to_string(), |l| l.eng_name().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_german() {
        let en = detect(
            "The ministry said on Monday that the new rules would take effect next year.",
            None,
        );
        assert_eq!(en.code, "en");
        assert!(en.analyzers_available);
        let de = detect("Die Regierung hat am Montag neue Regeln für den Datenschutz vorgestellt, die im nächsten Jahr gelten.", None);
        assert_eq!(de.code, "de");
        assert!(!de.analyzers_available);
    }

    #[test]
    fn names_and_figures_do_not_decide_the_language() {
        let table = "SOCCER - DUTCH FIRST DIVISION RESULTS .\nAMSTERDAM 1996-08-29\n\
                     Feyenoord 2 Graafschap Doetinchem 1\nNAC Breda 1 NEC Nijmegen 1\n\
                     Utrecht 0 Twente Enschede 0\nRoda JC Kerkrade 1 Groningen 1";
        let t = detect(table, None);
        assert_ne!(t.code, "nl", "{t:?}");
        let report = "Feyenoord beat Graafschap Doetinchem 2-1 on Saturday while Utrecht and \
                      Twente Enschede drew 0-0 in the Dutch first division, and the champions \
                      said they were happy with the result.";
        assert_eq!(detect(report, None).code, "en");
    }

    #[test]
    fn empty_text_uses_declared_or_undetermined() {
        assert_eq!(detect("", Some("fr-FR")).code, "fr");
        assert_eq!(detect("", None).code, "und");
        assert_eq!(detect("Text.", None).code, "und");
    }
}
