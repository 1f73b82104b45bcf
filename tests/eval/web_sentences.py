"""The sentences of the English news pages among the readability test pages
(../shared/data/extraction/readability-test-pages), cut the same way every time, for attribution
gold sets of current web news (the WEB sets).

A sentence's reference is "<page>#<k>" (k counts from 0 over the page's kept sentences).
The cut, fixed before any labeling:
- the pages: the 29 English news-outlet pages listed in NEWS_PAGES (chosen by their names, before
  any of their text was read);
- the text of each <p> element of the page's expected.html (Readability.js's article), in
  order, with entities decoded and whitespace runs made one space;
- each paragraph split into sentences by duc_sentences.split (. ! or ? and closing quotes before
  a capital, digit or opening quote, not after a known abbreviation or an initial);
- sentences of fewer than 6 or more than 80 words are left out.
Deterministic: the same files give the same references and sentences.
"""
import html.parser
import os
import re

from duc_sentences import add_sentences

NEWS_PAGES = [
    "ars-1", "bbc-1", "breitbart", "buzzfeed-1", "citylab-1", "cnet", "cnn", "engadget",
    "guardian-1", "herald-sun-1", "medicalnewstoday", "msn", "nytimes-1", "nytimes-2", "nytimes-3",
    "nytimes-4", "nytimes-5", "quanta-1", "salon-1", "seattletimes-1", "telegraph", "theverge",
    "tmz-1", "wapo-1", "wapo-2", "yahoo-1", "yahoo-2", "yahoo-3", "yahoo-4",
]


class _Paragraphs(html.parser.HTMLParser):
    """Collects the text of every <p> element (nested markup flattened)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.current = []
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            if self.depth == 0:
                self.current = []
            self.depth += 1
        elif tag == "br" and self.depth:
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self.paragraphs.append(re.sub(r"\s+", " ", "".join(self.current)).strip())

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)


def web_sentences(data_dir):
    """{"<page>#<k>": sentence} over the news pages, in NEWS_PAGES order."""
    folder = os.path.join(data_dir, "extraction", "readability-test-pages")
    out = {}
    for page in NEWS_PAGES:
        with open(os.path.join(folder, page, "expected.html"), encoding="utf-8") as f:
            parser = _Paragraphs()
            parser.feed(f.read())
        add_sentences(out, page, parser.paragraphs)
    return out


if __name__ == "__main__":
    import sys
    sents = web_sentences(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    print(len(sents), "sentences")
