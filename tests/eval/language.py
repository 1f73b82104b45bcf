"""Language identification on the Readability test pages that declare a language.

Data: extraction/readability-test-pages/*/expected-metadata.json with a non-null "lang". Input:
the plain text of the page's expected.html (Readability's extracted article; tags stripped with
html.parser), cut to its first 1,000 characters at a word boundary, sent as "text" — so the page's
declared lang attribute is not visible to NEWSAR. Gold: the primary subtag of "lang", lowercased
("en-US" → "en"). Prediction: brief.language.code. Accuracy overall and per gold language.
An error line counts as wrong. The declared lang may itself be wrong for the page's text; no page
is filtered out for that.
"""

import json
import os

import common

LIMIT = 1000


def cut(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = max(head.rfind(" "), head.rfind("\n"))
    return head[:space] if space > limit // 2 else head


def run(newsar, data_dir):
    items, gold = [], []
    for page in common.readability_pages(data_dir):
        meta = json.load(open(os.path.join(page, "expected-metadata.json"), encoding="utf-8"))
        if not meta.get("lang"):
            continue
        text = cut(common.html_text(common.read(os.path.join(page, "expected.html"))))
        items.append({"id": os.path.basename(page), "text": text})
        gold.append(meta["lang"].split("-")[0].strip().lower())
    outputs, stderr = common.analyze(newsar, items)
    notes = common.error_notes(outputs, stderr)
    pred = [o["language"]["code"] if "error" not in o else "(error)" for o in outputs]
    n = len(gold)
    rows = [("accuracy (all pages with a declared lang)", sum(g == p for g, p in zip(gold, pred)) / n, n)]
    for lang in sorted(set(gold), key=lambda l: (-gold.count(l), l)):
        idx = [i for i, g in enumerate(gold) if g == lang]
        rows.append((f"accuracy, {lang}", sum(pred[i] == lang for i in idx) / len(idx), len(idx)))
    wrong = [f"{items[i]['id']} ({gold[i]}→{pred[i]}"
             + (", text is lorem ipsum)" if items[i]["text"].lower().startswith("lorem ipsum") else ")")
             for i in range(n) if gold[i] != pred[i]]
    if wrong:
        notes.append("misidentified: " + ", ".join(wrong))
    method = (f"First {LIMIT} characters of the text of expected.html as a text input; "
              "brief.language.code vs the primary subtag of the declared lang, lowercased.")
    return common.result("Language identification", f"readability-test-pages with a lang ({n} pages)",
                         rows, method, notes, common.provenance(outputs, "language"))
