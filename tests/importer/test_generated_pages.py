"""Generalisation: pages the rules were not written for.

Generated issues (benchmarks/make_corpus.py) are flattened into text the way
print extraction leaves it (see flatten.py): paragraphs cut at random places,
running heads and captions between the halves. The importer must give back
the articles: the same headline text, byline, dateline and blocks, with each
caption placed after the paragraph it interrupted. Cuts that fall between
two words, with nothing else to show them, can pass for a subhead, so a few
misses are allowed; the report says which.
"""

from __future__ import annotations

import pytest

from exporter.importer import PageText, import_pages
from exporter.load import load_issue
from exporter.model import Figure
from exporter.transforms.normalize import normalize_article
from tests.support.corpus import make_corpus

from .flatten import flatten

SEEDS = (1, 2, 3, 4)
REQUIRED = 0.95  # share of articles recovered exactly


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = make_corpus(tmp_path_factory.getbasetemp() / "corpus-importer", "--preset", "small", "--pages", "4",
                         "--seed", "importer")
    return load_issue(folder).issue


def _signature(article):
    head = "".join(x for x in (article.kicker, article.title, article.subtitle) if x).replace(" ", "")
    blocks = tuple((b.caption, b.credit) if isinstance(b, Figure) else b for b in article.blocks)
    dateline = article.dateline.text if article.dateline else None
    return head, article.byline, dateline, article.kind.value == "notice", blocks


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_pages_come_back_as_their_articles(generated, seed):
    pages, expected = flatten(generated, seed)
    result = import_pages([PageText(f"page-{i + 1}.txt", text) for i, text in enumerate(pages)],
                          publication=generated.publication.name)
    got = [a for _, a in result.issue.articles()]
    want = [normalize_article(expected[a.id])[0] for _, a in generated.articles()]
    assert len(got) == len(want)
    missed = [w.id for g, w in zip(got, want) if _signature(g) != _signature(w)]
    assert len(missed) <= (1 - REQUIRED) * len(want), missed
    assert result.issue.date == generated.date
