"""Hypothesis strategies: issues made of any text the model accepts."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from exporter.model import (
    Article, ArticleKind, Dateline, DatelinePosition, Figure, Issue, ListBlock, Notice, Page,
    Paragraph, Publication, PublicationCode, Quote, Run, Subhead,
)
from exporter.model.validate import forbidden_character

# Any character the model accepts: everything but controls, surrogates and noncharacters.
accepted_char = st.characters(exclude_categories=("Cs", "Cc")).filter(
    lambda c: forbidden_character(c) is None
)
any_text = st.text(accepted_char, max_size=40)
some_text = any_text.filter(lambda s: s.strip() != "")
article_id = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,20}\Z")


@st.composite
def runs(draw) -> tuple[Run, ...]:
    items = draw(st.lists(
        st.builds(Run, some_text, st.booleans(), st.booleans(), st.none() | st.just("https://example.cn/a")),
        min_size=1, max_size=4,
    ))
    return tuple(items)


paragraphs = st.builds(Paragraph, runs())
blocks = st.one_of(
    paragraphs,
    st.builds(Subhead, some_text),
    st.builds(Quote, st.lists(paragraphs, min_size=1, max_size=2).map(tuple)),
    st.builds(Figure, st.just("images/a.png"), any_text, any_text, any_text,
              st.none() | st.integers(1, 4000), st.none() | st.integers(1, 4000)),
    st.builds(Notice, any_text, st.lists(any_text, max_size=3).map(tuple)),
    st.builds(ListBlock, st.lists(paragraphs, min_size=1, max_size=3).map(tuple), st.booleans()),
)
datelines = st.none() | st.builds(
    Dateline, some_text, any_text, any_text, any_text,
    st.lists(some_text, max_size=3).map(tuple), st.sampled_from(DatelinePosition),
)


@st.composite
def articles(draw, article_id_value: str) -> Article:
    body = draw(st.lists(blocks, max_size=6))
    return Article(
        id=article_id_value,
        title=draw(some_text),
        kind=draw(st.sampled_from(ArticleKind)),
        kicker=draw(any_text),
        subtitle=draw(any_text),
        byline=draw(any_text),
        dateline=draw(datelines),
        blocks=(draw(paragraphs), *body),  # never empty
        section=draw(any_text),
    )


@st.composite
def issues(draw) -> Issue:
    ids = draw(st.lists(article_id, min_size=1, max_size=6, unique=True))
    page_count = draw(st.integers(1, min(3, len(ids))))
    cuts = sorted(draw(st.lists(st.integers(1, len(ids)), min_size=page_count - 1,
                                max_size=page_count - 1)))
    groups, last = [], 0
    for cut in cuts + [len(ids)]:
        groups.append(ids[last:cut])
        last = cut
    pages = tuple(
        Page(number, draw(any_text), draw(any_text), draw(any_text),
             tuple(draw(articles(i)) for i in group))
        for number, group in enumerate(groups, start=1)
    )
    publication = Publication(
        name=draw(some_text), publisher=draw(any_text), copyright=draw(any_text),
        codes=tuple(draw(st.lists(st.builds(PublicationCode, any_text, any_text), max_size=2))),
        base_url=draw(st.sampled_from(["", "https://news.example.cn/"])),
        slug=draw(st.from_regex(r"\A([a-z0-9][a-z0-9-]{0,10})?\Z")),
    )
    return Issue(publication, draw(st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1))), pages,
                 draw(st.none() | st.integers(1, 10**6)), draw(any_text))
