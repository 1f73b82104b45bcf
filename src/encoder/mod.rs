//! The optional transformer models, which the caller loads at run time from model files: a
//! fine-tuned MiniLM-L6 (BERT) encoder with a head on top.
//! - [`CheckworthyEncoder`] (`make train-claims-transformer`, about 23 MB) scores every sentence's
//!   check-worthiness in place of the compiled-in hashed model;
//! - [`SpeakerTagger`] (`make train-speaker-transformer`, about 23 MB) reads a sentence together
//!   with the speaker the attribution rules found and tags the speaker's span anew.
//!
//! The files are safetensors: int8 weights with a float scale per output row, float biases and
//! norms, and metadata holding the format, the configuration, the word-piece vocabulary and the
//! provenance (see `data/build/claims_minilm.py` and `data/build/speaker_minilm.py`). Every shape
//! is checked on load, so a wrong or damaged file is a typed error, never a panic later.

mod bert;
mod speaker;
mod unicode_tables;
mod wordpiece;

use bert::{Bert, Layer, LayerNorm, Linear};
use safetensors::{Dtype, SafeTensors};
use serde::Deserialize;
pub use speaker::SpeakerTagger;
use std::collections::HashMap;
use std::fmt;
use wordpiece::WordPiece;

/// The `format` metadata value of a check-worthiness model file.
pub const FORMAT: &str = "newsar-minilm-checkworthy-1";

/// Largest model file accepted, in bytes.
pub const MAX_MODEL_BYTES: usize = 64 * 1024 * 1024;

/// Why a model file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// Which model the file was read as ("check-worthiness", "speaker").
    pub model: &'static str,
    pub reason: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} model file: {}", self.model, self.reason)
    }
}

impl std::error::Error for ModelError {}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    layers: usize,
    hidden: usize,
    heads: usize,
    intermediate: usize,
    max_pieces: usize,
    layer_norm_eps: f32,
    lowercase: bool,
    strip_accents: bool,
    /// The decision threshold (check-worthiness models only).
    #[serde(default)]
    threshold: Option<f64>,
}

/// What every model file holds: its configuration, tokenizer, encoder and provenance.
#[derive(Debug)]
struct Loaded {
    config: Config,
    tokenizer: WordPiece,
    bert: Bert,
    provenance: String,
}

/// Reads a model file of the given format; `head` reads the tensors on top of the encoder.
fn load<T>(
    bytes: &[u8],
    model: &'static str,
    format: &str,
    head: impl FnOnce(&Reader<'_>) -> Result<T, ModelError>,
) -> Result<(Loaded, T), ModelError> {
    let fail = |reason: String| ModelError { model, reason };
    if bytes.len() > MAX_MODEL_BYTES {
        return Err(fail(format!(
            "{} bytes is over the limit of {MAX_MODEL_BYTES}",
            bytes.len()
        )));
    }
    let (_, metadata) = SafeTensors::read_metadata(bytes)
        .map_err(|e| fail(format!("not a safetensors file ({e})")))?;
    let meta: HashMap<String, String> = metadata.metadata().clone().unwrap_or_default();
    let field = |name: &str| {
        meta.get(name)
            .map(String::as_str)
            .ok_or_else(|| fail(format!("metadata has no {name:?}")))
    };
    if field("format")? != format {
        return Err(fail(format!(
            "format {:?}, expected {format:?}",
            field("format")?
        )));
    }
    let config: Config =
        serde_json::from_str(field("config")?).map_err(|e| fail(format!("config: {e}")))?;
    if !config.lowercase || !config.strip_accents {
        return Err(fail(
            "only uncased, accent-stripped vocabularies are supported".into(),
        ));
    }
    if config.layers == 0 || config.hidden == 0 || config.intermediate == 0 {
        return Err(fail(
            "layers, hidden and intermediate sizes must be positive".into(),
        ));
    }
    if config.heads == 0 || config.hidden % config.heads != 0 {
        return Err(fail(format!(
            "{} hidden units do not split into {} heads",
            config.hidden, config.heads
        )));
    }
    let tokenizer = WordPiece::new(field("vocab")?, config.max_pieces)
        .map_err(|e| fail(format!("vocabulary: {e}")))?;
    let tensors = SafeTensors::deserialize(bytes)
        .map_err(|e| fail(format!("not a safetensors file ({e})")))?;
    let reader = Reader {
        tensors: &tensors,
        config: &config,
        vocab: tokenizer.size(),
        model,
    };
    let bert = reader.bert()?;
    let head = head(&reader)?;
    let provenance = field("provenance")?.to_string();
    Ok((
        Loaded {
            config,
            tokenizer,
            bert,
            provenance,
        },
        head,
    ))
}

/// A loaded check-worthiness encoder.
#[derive(Debug)]
pub struct CheckworthyEncoder {
    tokenizer: WordPiece,
    bert: Bert,
    head_weight: Vec<f32>,
    head_bias: f32,
    threshold: f64,
    provenance: String,
}

impl CheckworthyEncoder {
    /// Reads a model file. Errors name what is missing or malformed.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let model = "check-worthiness";
        let (loaded, (head_weight, head_bias)) = load(bytes, model, FORMAT, |r| {
            let hidden = r.config.hidden;
            Ok((r.floats("head.w", &[hidden])?, r.floats("head.b", &[1])?[0]))
        })?;
        let threshold = loaded.config.threshold.ok_or_else(|| ModelError {
            model,
            reason: "config has no threshold".into(),
        })?;
        Ok(Self {
            tokenizer: loaded.tokenizer,
            bert: loaded.bert,
            head_weight,
            head_bias,
            threshold,
            provenance: loaded.provenance,
        })
    }

    /// Probability that a sentence is a check-worthy factual claim.
    pub fn probability(&self, sentence: &str) -> f64 {
        let ids = self.tokenizer.encode(sentence);
        let pooled = self.bert.pooled(&ids, None);
        let logit: f32 = pooled
            .iter()
            .zip(&self.head_weight)
            .map(|(a, b)| a * b)
            .sum::<f32>()
            + self.head_bias;
        1.0 / (1.0 + (-f64::from(logit)).exp())
    }

    /// The word-piece ids the encoder reads for a sentence (for tests and debugging).
    pub fn pieces(&self, sentence: &str) -> Vec<u32> {
        self.tokenizer.encode(sentence)
    }

    /// The decision threshold the model was evaluated at.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Where the weights came from and how they were trained.
    pub fn provenance(&self) -> &str {
        &self.provenance
    }
}

/// Reads named tensors of checked type and shape.
struct Reader<'a> {
    tensors: &'a SafeTensors<'a>,
    config: &'a Config,
    vocab: usize,
    model: &'static str,
}

impl Reader<'_> {
    fn error(&self, reason: String) -> ModelError {
        ModelError {
            model: self.model,
            reason,
        }
    }

    fn view(&self, name: &str, dtype: Dtype, shape: &[usize]) -> Result<&'_ [u8], ModelError> {
        let view = self
            .tensors
            .tensor(name)
            .map_err(|_| self.error(format!("tensor {name} is missing")))?;
        if view.dtype() != dtype || view.shape() != shape {
            return Err(self.error(format!(
                "tensor {name} is {:?} {:?}, expected {dtype:?} {shape:?}",
                view.dtype(),
                view.shape()
            )));
        }
        Ok(view.data())
    }

    fn floats(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, ModelError> {
        let data = self.view(name, Dtype::F32, shape)?;
        Ok(data
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    fn int8(&self, name: &str, shape: &[usize]) -> Result<Vec<i8>, ModelError> {
        let data = self.view(name, Dtype::I8, shape)?;
        Ok(data.iter().map(|&b| b as i8).collect())
    }

    fn linear(&self, name: &str, outputs: usize, inputs: usize) -> Result<Linear, ModelError> {
        Ok(Linear {
            weight: self.int8(&format!("{name}.weight.q"), &[outputs, inputs])?,
            scale: self.floats(&format!("{name}.weight.scale"), &[outputs])?,
            bias: self.floats(&format!("{name}.bias"), &[outputs])?,
            inputs,
        })
    }

    fn norm(&self, name: &str) -> Result<LayerNorm, ModelError> {
        let h = self.config.hidden;
        Ok(LayerNorm {
            gain: self.floats(&format!("{name}.weight"), &[h])?,
            bias: self.floats(&format!("{name}.bias"), &[h])?,
        })
    }

    fn bert(&self) -> Result<Bert, ModelError> {
        let c = self.config;
        let (h, i) = (c.hidden, c.intermediate);
        let word = "embeddings.word_embeddings.weight";
        let mut layers = Vec::with_capacity(c.layers);
        for l in 0..c.layers {
            let p = format!("encoder.layer.{l}.");
            layers.push(Layer {
                query: self.linear(&format!("{p}attention.self.query"), h, h)?,
                key: self.linear(&format!("{p}attention.self.key"), h, h)?,
                value: self.linear(&format!("{p}attention.self.value"), h, h)?,
                attention_out: self.linear(&format!("{p}attention.output.dense"), h, h)?,
                attention_norm: self.norm(&format!("{p}attention.output.LayerNorm"))?,
                intermediate: self.linear(&format!("{p}intermediate.dense"), i, h)?,
                output: self.linear(&format!("{p}output.dense"), h, i)?,
                output_norm: self.norm(&format!("{p}output.LayerNorm"))?,
            });
        }
        Ok(Bert {
            word_embeddings: self.int8(&format!("{word}.q"), &[self.vocab, h])?,
            word_scale: self.floats(&format!("{word}.scale"), &[self.vocab])?,
            positions: self.floats("embeddings.position_plus_type", &[c.max_pieces, h])?,
            embedding_norm: self.norm("embeddings.LayerNorm")?,
            layers,
            hidden: h,
            heads: c.heads,
            eps: c.layer_norm_eps,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_not_a_model_file() {
        let err = CheckworthyEncoder::from_bytes(b"not a model").unwrap_err();
        assert!(err.to_string().contains("not a safetensors file"), "{err}");
        assert!(CheckworthyEncoder::from_bytes(&[]).is_err());
    }

    #[test]
    fn rejects_a_safetensors_file_of_another_format() {
        let mut meta = HashMap::new();
        meta.insert("format".to_string(), "pt".to_string());
        let bytes = safetensors::serialize(
            Vec::<(String, safetensors::tensor::TensorView<'_>)>::new(),
            Some(meta),
        )
        .unwrap();
        let err = CheckworthyEncoder::from_bytes(&bytes).unwrap_err();
        assert!(err.to_string().contains("format \"pt\""), "{err}");
    }
}
