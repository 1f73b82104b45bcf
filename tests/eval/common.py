"""Shared helpers for the NEWSAR evaluation scorers (stdlib only).

- `analyze(newsar, items)`: one batched `newsar analyze --jsonl` call; returns the output lines
  (parsed) in input order, checked against the input ids, plus whatever the CLI wrote on stderr.
- `py_offsets(text)`: converts the brief's UTF-16 code-unit offsets to Python str indices.
- Small metric helpers: precision/recall/F1, average precision, Pearson r.
- `Skip`: raised by a scorer whose data folder is absent; run_all.py reports it and goes on.
- `analyze_timed(newsar, items)`: the same call fed one line at a time, timing each brief.
- Peers: `ensure_node_peers()` installs the npm peers pinned in tests/eval/peers/ (`npm ci`);
  `ensure_py_peer(package, version)` pip-installs one pinned PyPI peer into target/eval-venv;
  `run_py_peer(python, task, items)` runs tests/eval/peers/py_peers.py under that venv. Each
  returns why a peer cannot run instead of raising, so a missing peer never fails the run.
"""

import json
import math
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS_DIR = os.path.join(HERE, "peers")
VENV_DIR = os.path.abspath(os.path.join(HERE, "..", "..", "target", "eval-venv"))


class Skip(Exception):
    """The scorer's data is absent: report and skip, do not fail."""


def need(path):
    """Returns `path` if it exists, else raises Skip naming it."""
    if not os.path.exists(path):
        raise Skip(f"data not found: {path}")
    return path


def analyze(newsar, items, timeout=900, command="analyze", extra_args=()):
    """Runs `newsar analyze --jsonl` (or `newsar extract --jsonl` with command="extract") once
    over `items` (dicts with an "id"), with `extra_args` after `--jsonl`.

    Returns (outputs, stderr_text). outputs[i] is the parsed line for items[i]: a brief (an
    article for extract, with "input_id") or {"input_id": ..., "error": "..."}. Raises if the
    CLI exits non-zero, or the output does not line up with the input (count or ids)."""
    payload = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
    proc = subprocess.run(
        [newsar, command, "--jsonl", *extra_args],
        input=payload.encode("utf-8"),
        capture_output=True,
        timeout=timeout,
    )
    stderr = proc.stderr.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"newsar exited {proc.returncode}: {stderr.strip()[:500]}")
    lines = proc.stdout.decode("utf-8").splitlines()
    if len(lines) != len(items):
        raise RuntimeError(f"newsar gave {len(lines)} lines for {len(items)} inputs")
    outputs = [json.loads(line) for line in lines]
    for it, out in zip(items, outputs):
        if out.get("input_id") != it["id"]:
            raise RuntimeError(f"output out of order: expected id {it['id']!r}, got {out.get('input_id')!r}")
    return outputs, stderr


class NotStreaming(Exception):
    """newsar did not answer a line before the next one was sent (analyze_timed)."""


def analyze_timed(newsar, items, line_timeout=60):
    """Like analyze(), but writes one input line, waits for its brief, then the next, in one
    `newsar analyze --jsonl` process. Returns (outputs, stderr_text, seconds) with seconds[i] the
    round trip of items[i]: the whole brief for that input in a warm process, plus JSON
    (de)serialization and pipe I/O, without process start-up (seconds[0] includes any lazy
    loading on first use). Raises NotStreaming if a brief does not come back within
    line_timeout seconds (a CLI that reads all its input first); the caller falls back."""
    proc = subprocess.Popen([newsar, "analyze", "--jsonl"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err_chunks = []
    drain = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    drain.start()
    lines, seconds = [], []
    try:
        for it in items:
            t = time.perf_counter()
            try:
                proc.stdin.write((json.dumps(it, ensure_ascii=False) + "\n").encode("utf-8"))
                proc.stdin.flush()
            except BrokenPipeError:
                break  # newsar ended early: reported below with its exit status and stderr
            ready, _, _ = select.select([proc.stdout], [], [], line_timeout)
            if not ready:
                raise NotStreaming(f"no brief for {it['id']!r} within {line_timeout} s of "
                                   "sending it (newsar does not answer line by line)")
            line = proc.stdout.readline()
            seconds.append(time.perf_counter() - t)
            if not line:
                break
            lines.append(line)
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass
        rest = proc.stdout.read()
        proc.wait(timeout=line_timeout)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    drain.join(timeout=5)
    stderr = b"".join(c for c in err_chunks if c).decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"newsar exited {proc.returncode}: {stderr.strip()[:500]}")
    if rest.strip() or len(lines) != len(items):
        raise RuntimeError(f"newsar gave {len(lines) + len(rest.splitlines())} lines for "
                           f"{len(items)} inputs")
    outputs = [json.loads(line.decode("utf-8")) for line in lines]
    for it, out in zip(items, outputs):
        if out.get("input_id") != it["id"]:
            raise RuntimeError(f"output out of order: expected id {it['id']!r}, got {out.get('input_id')!r}")
    return outputs, stderr, seconds


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if not n:
        return float("nan")
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def error_notes(outputs, stderr="", limit=5):
    """Human-readable notes on error lines and stderr output, for the report."""
    notes = []
    errors = [o for o in outputs if "error" in o]
    if errors:
        by_msg = {}
        for o in errors:
            by_msg.setdefault(o["error"], []).append(o["input_id"])
        for msg, ids in sorted(by_msg.items(), key=lambda kv: -len(kv[1]))[:limit]:
            shown = ", ".join(str(i) for i in ids[:3])
            notes.append(f"{len(ids)} error line(s): \"{msg}\" (e.g. {shown})")
    if stderr.strip():
        lines = [l for l in stderr.splitlines() if l.strip()]
        notes.append(f"newsar wrote {len(lines)} line(s) on stderr, first: {lines[0][:200]!r}")
    return notes


def py_offsets(text):
    """Table u16 -> Python index for `text` (length = UTF-16 length + 1).

    A character outside the BMP takes two UTF-16 units; both map to its Python index."""
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return table


def span(table, start, end):
    """Python (start, end) for a UTF-16 half-open range, via a py_offsets table."""
    last = len(table) - 1
    return table[min(start, last)], table[min(end, last)]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def average_precision(labels, scores):
    """Average precision as scikit-learn computes it: sum over distinct score thresholds
    (highest first) of (R_k - R_{k-1}) * P_k; tied scores enter together."""
    pairs = sorted(zip(scores, labels), key=lambda x: -x[0])
    total_pos = sum(1 for l in labels if l)
    if total_pos == 0:
        return float("nan")
    ap, tp, seen, prev_recall, i = 0.0, 0, 0, 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            tp += 1 if pairs[j][1] else 0
            seen += 1
            j += 1
        recall = tp / total_pos
        ap += (recall - prev_recall) * (tp / seen)
        prev_recall = recall
        i = j
    return ap


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return float("nan")
    return sxy / math.sqrt(sxx * syy)


def provenance(outputs, section):
    """brief.provenance[section] of the first brief in `outputs` (what the analyzer is made of)."""
    for o in outputs:
        if "error" not in o:
            return o.get("provenance", {}).get(section)
    return None


def result(title, dataset, rows, method, notes=None, made_of=None, tables=None):
    """The dict every scorer's run() returns. rows: (metric, value, n) tuples; made_of: the
    brief's own provenance label for the section scored; tables: extra tables shown after the
    rows, each {"caption", "header": [...], "align": "lr..." (one letter a column), "rows":
    [[cell, ...], ...]} with cells already formatted as strings."""
    return {
        "title": title,
        "dataset": dataset,
        "rows": [{"metric": m, "value": v, "n": n} for m, v, n in rows],
        "method": method,
        "notes": notes or [],
        "made_of": made_of,
        "tables": tables or [],
    }


# --- peers: npm packages under Node, PyPI packages in a venv ------------------------------------

def ensure_node_peers(who):
    """None when every npm peer pinned in tests/eval/peers/package.json is installed at its
    locked version (running `npm ci` there if one is missing or at another version), else why
    the peers cannot run. who: the scorer asking (for the console message)."""
    if not shutil.which("node"):
        return "node not found on PATH"
    with open(os.path.join(PEERS_DIR, "package.json"), encoding="utf-8") as f:
        deps = json.load(f)["dependencies"]
    with open(os.path.join(PEERS_DIR, "package-lock.json"), encoding="utf-8") as f:
        locked = json.load(f)["packages"]

    def installed():
        for name in deps:
            try:
                with open(os.path.join(PEERS_DIR, "node_modules", name, "package.json"),
                          encoding="utf-8") as f:
                    if json.load(f)["version"] != locked[f"node_modules/{name}"]["version"]:
                        return False
            except (OSError, ValueError, KeyError):
                return False
        return True

    if installed():
        return None
    if not shutil.which("npm"):
        return "npm not found on PATH (peers not installed)"
    print(f"[eval] {who}: installing peers with npm ci in tests/eval/peers ...", flush=True)
    try:
        proc = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=PEERS_DIR, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"npm ci failed: {e}"
    if proc.returncode != 0 or not installed():
        err = [l for l in proc.stderr.splitlines() if l.strip()]
        return f"npm ci failed (exit {proc.returncode}): {err[-1][:200] if err else 'no message'}"
    return None


def _venv_python():
    return os.path.join(VENV_DIR, "bin", "python")


def _py_installed(python, package, version):
    try:
        proc = subprocess.run([python, "-c", "import importlib.metadata as m, sys; "
                               "print(m.version(sys.argv[1]))", package],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0 and proc.stdout.strip() == version


def ensure_py_peer(package, version, who):
    """(python, None) when PyPI `package`==`version` is importable from the venv
    target/eval-venv (created with `python3 -m venv` and filled with pip when missing; nothing is
    done when it is already there), else (None, why not)."""
    python = _venv_python()
    if os.path.exists(python) and _py_installed(python, package, version):
        return python, None
    try:
        if not os.path.exists(python):
            print(f"[eval] {who}: creating {os.path.relpath(VENV_DIR)} ...", flush=True)
            proc = subprocess.run([sys.executable, "-m", "venv", VENV_DIR], capture_output=True,
                                  text=True, timeout=300)
            if proc.returncode != 0 or not os.path.exists(python):
                err = [l for l in proc.stderr.splitlines() if l.strip()]
                return None, (f"python3 -m venv failed (exit {proc.returncode}): "
                              f"{err[-1][:200] if err else 'no message'}")
        print(f"[eval] {who}: pip install {package}=={version} into "
              f"{os.path.relpath(VENV_DIR)} ...", flush=True)
        proc = subprocess.run([python, "-m", "pip", "install", "--quiet",
                               "--disable-pip-version-check", f"{package}=={version}"],
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"installing {package}=={version} failed: {e}"
    if proc.returncode != 0 or not _py_installed(python, package, version):
        err = [l for l in proc.stderr.splitlines() if l.strip()]
        return None, (f"pip install {package}=={version} failed (exit {proc.returncode}): "
                      f"{err[-1][:200] if err else 'no message'}")
    return python, None


def run_jsonl_tool(argv, items, label, timeout=600, in_path=None):
    """Runs `argv + [in.jsonl, out.jsonl]`, the protocol of every peer script in
    tests/eval/peers/: items (dicts with "id") go in one JSON object per line (written to a
    temporary file unless in_path already holds them), outputs come back one per line in input
    order, then a {"summary": ...} line. Returns (outputs, summary, wall seconds); raises
    RuntimeError when the run fails or its outputs do not line up with the input ids."""
    own_input = in_path is None
    if own_input:
        fd, in_path = tempfile.mkstemp(suffix=f".{label}.in.jsonl")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items))
    fd, out_path = tempfile.mkstemp(suffix=f".{label}.out.jsonl")
    os.close(fd)
    try:
        t = time.time()
        proc = subprocess.run(list(argv) + [in_path, out_path], capture_output=True, text=True,
                              timeout=timeout)
        secs = time.time() - t
        if proc.returncode != 0:
            err = [l for l in proc.stderr.splitlines() if l.strip()]
            raise RuntimeError(f"{label} exited {proc.returncode}: {err[-1][:200] if err else ''}")
        with open(out_path, encoding="utf-8") as f:
            lines = [json.loads(l) for l in f if l.strip()]
    finally:
        if own_input:
            os.unlink(in_path)
        os.unlink(out_path)
    summary = lines.pop()["summary"]
    if [o["id"] for o in lines] != [it["id"] for it in items]:
        raise RuntimeError(f"{label} output does not line up with the input ids")
    return lines, summary, secs


def run_py_peer(python, task, items, timeout=600):
    """Runs `python tests/eval/peers/py_peers.py task in.jsonl out.jsonl` over items (dicts with
    "id" and "text"). Returns (outputs in input order, summary, wall seconds)."""
    return run_jsonl_tool([python, os.path.join(PEERS_DIR, "py_peers.py"), task], items, task,
                          timeout)


# --- HTML → plain text (for Readability's expected.html) ---------------------------------------

from html.parser import HTMLParser  # noqa: E402

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}
_SKIP_TAGS = {"script", "style", "noscript", "template"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(html):
    """Text of an HTML fragment: tags stripped (html.parser), entities decoded, inline markup
    joined without spaces, block elements separated by blank lines, whitespace folded per line."""
    p = _TextParser()
    p.feed(html)
    p.close()
    raw = "".join(p.parts)
    paras = []
    for chunk in raw.split("\n\n"):
        folded = " ".join(chunk.split())
        if folded:
            paras.append(folded)
    return "\n\n".join(paras)


def readability_pages(data_dir):
    """Sorted list of readability-test-pages folders (Skip if absent)."""
    root = need(os.path.join(data_dir, "extraction", "readability-test-pages"))
    return [os.path.join(root, d) for d in sorted(os.listdir(root))
            if os.path.isfile(os.path.join(root, d, "source.html"))]


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()
