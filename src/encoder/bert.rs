//! The BERT encoder's forward pass over one sentence: embeddings, self-attention and
//! feed-forward layers with 8-bit weights (one scale per output row); the output for every piece,
//! or its mean over the pieces. Plain loops over `f32`, written so the compiler vectorizes the
//! inner products.

/// A linear layer `y = x Wᵀ + b` with `W` stored as int8 rows and a scale per row.
#[derive(Debug)]
pub struct Linear {
    pub weight: Vec<i8>,
    pub scale: Vec<f32>,
    pub bias: Vec<f32>,
    pub inputs: usize,
}

impl Linear {
    fn outputs(&self) -> usize {
        self.bias.len()
    }

    /// `x` is `rows × inputs`; returns `rows × outputs`.
    fn apply(&self, x: &[f32], rows: usize) -> Vec<f32> {
        let (n_in, n_out) = (self.inputs, self.outputs());
        let mut y = vec![0f32; rows * n_out];
        // Each weight row is widened to floats once and used for every input row.
        let mut row = vec![0f32; n_in];
        for (o, w) in self.weight.chunks_exact(n_in).enumerate() {
            for (f, &q) in row.iter_mut().zip(w) {
                *f = f32::from(q);
            }
            let (scale, bias) = (self.scale[o], self.bias[o]);
            for r in 0..rows {
                y[r * n_out + o] = dot(&x[r * n_in..(r + 1) * n_in], &row) * scale + bias;
            }
        }
        y
    }
}

/// Inner product in eight lanes (a fixed summation order, so results do not depend on how the
/// compiler vectorizes it).
fn dot(x: &[f32], w: &[f32]) -> f32 {
    let (xc, wc) = (x.chunks_exact(8), w.chunks_exact(8));
    let (x_rest, w_rest) = (xc.remainder(), wc.remainder());
    let lanes = eight_lanes(xc, wc);
    let mut sum: f32 = lanes.iter().sum();
    for (a, b) in x_rest.iter().zip(w_rest) {
        sum += a * b;
    }
    sum
}

/// The eight lane sums of `dot` with WebAssembly SIMD: two four-lane vectors, each lane adding
/// the same products in the same order as the scalar version, so the result is bit for bit the
/// same (wasm has no fused multiply-add).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn eight_lanes(
    xc: std::slice::ChunksExact<'_, f32>,
    wc: std::slice::ChunksExact<'_, f32>,
) -> [f32; 8] {
    use std::arch::wasm32::{
        f32x4_add, f32x4_extract_lane, f32x4_mul, f32x4_splat, v128, v128_load,
    };
    /// The first four floats of `four` (an unaligned load; WebAssembly allows it).
    fn load4(four: &[f32]) -> v128 {
        assert!(four.len() >= 4);
        // SAFETY: `four` holds at least 4 f32 (16 bytes), checked above; v128.load has no
        // alignment requirement.
        unsafe { v128_load(four.as_ptr().cast::<v128>()) }
    }
    let (mut lo, mut hi) = (f32x4_splat(0.0), f32x4_splat(0.0));
    for (x, w) in xc.zip(wc) {
        lo = f32x4_add(lo, f32x4_mul(load4(&x[..4]), load4(&w[..4])));
        hi = f32x4_add(hi, f32x4_mul(load4(&x[4..]), load4(&w[4..])));
    }
    [
        f32x4_extract_lane::<0>(lo),
        f32x4_extract_lane::<1>(lo),
        f32x4_extract_lane::<2>(lo),
        f32x4_extract_lane::<3>(lo),
        f32x4_extract_lane::<0>(hi),
        f32x4_extract_lane::<1>(hi),
        f32x4_extract_lane::<2>(hi),
        f32x4_extract_lane::<3>(hi),
    ]
}

/// The eight lane sums of `dot`, one scalar accumulator per lane.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn eight_lanes(
    xc: std::slice::ChunksExact<'_, f32>,
    wc: std::slice::ChunksExact<'_, f32>,
) -> [f32; 8] {
    let mut lanes = [0f32; 8];
    // Written out, so that even the size-optimized WebAssembly build (which does not unroll
    // loops) runs it as straight-line code without bounds checks.
    for (xs, ws) in xc.zip(wc) {
        let (Ok(x), Ok(w)) = (<&[f32; 8]>::try_from(xs), <&[f32; 8]>::try_from(ws)) else {
            continue;
        };
        lanes[0] += x[0] * w[0];
        lanes[1] += x[1] * w[1];
        lanes[2] += x[2] * w[2];
        lanes[3] += x[3] * w[3];
        lanes[4] += x[4] * w[4];
        lanes[5] += x[5] * w[5];
        lanes[6] += x[6] * w[6];
        lanes[7] += x[7] * w[7];
    }
    lanes
}

/// Layer normalization's gain and bias.
#[derive(Debug)]
pub struct LayerNorm {
    pub gain: Vec<f32>,
    pub bias: Vec<f32>,
}

impl LayerNorm {
    fn apply(&self, x: &mut [f32], eps: f32) {
        let n = self.gain.len();
        for row in x.chunks_exact_mut(n) {
            let mean = row.iter().sum::<f32>() / n as f32;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n as f32;
            let inv = 1.0 / (var + eps).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.gain).zip(&self.bias) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

/// One transformer layer.
#[derive(Debug)]
pub struct Layer {
    pub query: Linear,
    pub key: Linear,
    pub value: Linear,
    pub attention_out: Linear,
    pub attention_norm: LayerNorm,
    pub intermediate: Linear,
    pub output: Linear,
    pub output_norm: LayerNorm,
}

/// The whole encoder.
#[derive(Debug)]
pub struct Bert {
    /// Word-piece table, int8 rows of `hidden`, with a scale per row.
    pub word_embeddings: Vec<i8>,
    pub word_scale: Vec<f32>,
    /// Position rows (with the token-type row added), `max_pieces × hidden`.
    pub positions: Vec<f32>,
    pub embedding_norm: LayerNorm,
    pub layers: Vec<Layer>,
    pub hidden: usize,
    pub heads: usize,
    pub eps: f32,
}

impl Bert {
    /// Mean of the last layer's outputs over the pieces: one `hidden`-long vector.
    /// `ids` and `added` as for [`Bert::hidden_states`].
    pub fn pooled(&self, ids: &[u32], added: Option<&[f32]>) -> Vec<f32> {
        let h = self.hidden;
        let x = self.hidden_states(ids, added);
        let mut pooled = vec![0f32; h];
        for row in x.chunks_exact(h) {
            for (s, v) in pooled.iter_mut().zip(row) {
                *s += v;
            }
        }
        for s in &mut pooled {
            *s /= ids.len().max(1) as f32;
        }
        pooled
    }

    /// The last layer's output for every piece, `ids.len() × hidden`. `ids` must be valid
    /// vocabulary ids, at most as many as there are position rows; `added`, when given, is
    /// `ids.len() × hidden` of further input embeddings summed with the word and position rows.
    pub fn hidden_states(&self, ids: &[u32], added: Option<&[f32]>) -> Vec<f32> {
        let (t, h) = (ids.len(), self.hidden);
        let mut x = vec![0f32; t * h];
        for (p, &id) in ids.iter().enumerate() {
            let id = id as usize;
            let row = &self.word_embeddings[id * h..(id + 1) * h];
            let scale = self.word_scale[id];
            let pos = &self.positions[p * h..(p + 1) * h];
            for ((out, &w), &q) in x[p * h..(p + 1) * h].iter_mut().zip(row).zip(pos) {
                *out = f32::from(w) * scale + q;
            }
        }
        if let Some(added) = added {
            for (out, a) in x.iter_mut().zip(added) {
                *out += a;
            }
        }
        self.embedding_norm.apply(&mut x, self.eps);
        for layer in &self.layers {
            self.layer(layer, &mut x, t);
        }
        x
    }

    fn layer(&self, l: &Layer, x: &mut [f32], t: usize) {
        let h = self.hidden;
        let q = l.query.apply(x, t);
        let k = l.key.apply(x, t);
        let v = l.value.apply(x, t);
        let attended = self.attention(&q, &k, &v, t);
        let mut a = l.attention_out.apply(&attended, t);
        for (ai, xi) in a.iter_mut().zip(x.iter()) {
            *ai += xi;
        }
        l.attention_norm.apply(&mut a, self.eps);
        let mut inner = l.intermediate.apply(&a, t);
        for v in &mut inner {
            *v = gelu(*v);
        }
        let mut out = l.output.apply(&inner, t);
        for (o, ai) in out.iter_mut().zip(&a) {
            *o += ai;
        }
        l.output_norm.apply(&mut out, self.eps);
        x[..t * h].copy_from_slice(&out);
    }

    /// Multi-head scaled dot-product attention over all pieces (no padding in one sentence).
    fn attention(&self, q: &[f32], k: &[f32], v: &[f32], t: usize) -> Vec<f32> {
        let h = self.hidden;
        let d = h / self.heads;
        let norm = 1.0 / (d as f32).sqrt();
        let mut out = vec![0f32; t * h];
        let mut scores = vec![0f32; t];
        for head in 0..self.heads {
            let off = head * d;
            for i in 0..t {
                let qi = &q[i * h + off..i * h + off + d];
                for (j, s) in scores.iter_mut().enumerate() {
                    let kj = &k[j * h + off..j * h + off + d];
                    *s = dot(qi, kj) * norm;
                }
                softmax(&mut scores);
                let oi = &mut out[i * h + off..i * h + off + d];
                for (j, &s) in scores.iter().enumerate() {
                    let vj = &v[j * h + off..j * h + off + d];
                    for (o, vv) in oi.iter_mut().zip(vj) {
                        *o += s * vv;
                    }
                }
            }
        }
        out
    }
}

fn softmax(x: &mut [f32]) {
    let max = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in x.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in x.iter_mut() {
        *v /= sum;
    }
}

/// The exact (erf) GELU BERT was trained with.
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + libm::erff(x * std::f32::consts::FRAC_1_SQRT_2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_matches_the_plain_sum_with_a_ragged_tail() {
        let x: Vec<f32> = (0..11).map(|i| i as f32 * 0.5).collect();
        let w: Vec<f32> = (0..11).map(|i| i as f32 - 5.0).collect();
        let expected: f32 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
        assert!((dot(&x, &w) - expected).abs() < 1e-4);
    }

    #[test]
    fn linear_applies_row_scales_and_biases() {
        let lin = Linear {
            weight: vec![1, 2, -1, 0],
            scale: vec![0.5, 2.0],
            bias: vec![1.0, -1.0],
            inputs: 2,
        };
        // x = [[1, 1], [2, 0]] → row 0: [1*0.5*(1+2)+1, 2*(-1+0)-1] = [2.5, -3]; row 1: [2, -5].
        assert_eq!(
            lin.apply(&[1.0, 1.0, 2.0, 0.0], 2),
            vec![2.5, -3.0, 2.0, -5.0]
        );
    }

    #[test]
    fn layer_norm_centres_and_scales_each_row() {
        let norm = LayerNorm {
            gain: vec![1.0, 1.0],
            bias: vec![0.0, 0.5],
        };
        let mut x = vec![1.0, 3.0];
        norm.apply(&mut x, 1e-12);
        assert!((x[0] + 1.0).abs() < 1e-5 && (x[1] - 1.5).abs() < 1e-5);
    }

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let mut x = vec![1.0, 3.0, 2.0];
        softmax(&mut x);
        assert!((x.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(x[1] > x[2] && x[2] > x[0]);
    }

    #[test]
    fn gelu_is_the_erf_form() {
        assert!(gelu(0.0).abs() < 1e-7);
        assert!((gelu(1.0) - 0.841_344_7).abs() < 1e-5);
        assert!((gelu(-1.0) + 0.158_655_3).abs() < 1e-5);
    }
}
