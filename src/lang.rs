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
    let detected = whatlang::detect(sample).and_then(|info| {
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
    fn empty_text_uses_declared_or_undetermined() {
        assert_eq!(detect("", Some("fr-FR")).code, "fr");
        assert_eq!(detect("", None).code, "und");
        assert_eq!(detect("Text.", None).code, "und");
    }
}
