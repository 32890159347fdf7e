"""Text normalisation (docs/typography.md §1), case by case from tests/data/normalize.txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.typography.normalize import normalize_text
from tests.support.strategies import any_text


def _cases() -> list[tuple[str, str, str]]:
    text = (Path(__file__).parent / "data" / "normalize.txt").read_text("utf-8")
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    cases = []
    for chunk in body.strip().split("\n\n"):
        lines = chunk.split("\n")
        assert len(lines) == 6 and lines[1] == lines[3] == lines[5] == ".", chunk
        cases.append((lines[0], lines[2], lines[4]))
    return cases


CASES = _cases()


def test_the_case_file_was_read():
    assert len(CASES) >= 20


@pytest.mark.parametrize("title, source, expected", CASES, ids=[c[0] for c in CASES])
def test_normalize_case(title, source, expected):
    result = normalize_text(source)
    assert result.text == expected
    assert (sum(result.changes.values()) > 0) == (source != expected)


@pytest.mark.parametrize("title, source, expected", CASES, ids=[c[0] for c in CASES])
def test_normalize_is_idempotent(title, source, expected):
    once = normalize_text(source).text
    again = normalize_text(once)
    assert again.text == once and not again.changes


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_normalize_never_loses_han_characters(text):
    result = normalize_text(text)
    han = lambda s: [c for c in s if "\u4e00" <= c <= "\u9fff"]  # noqa: E731
    assert han(result.text) == han(text)
    assert normalize_text(result.text).text == result.text


# Characters that exercise every rule, mixed at random: idempotence must hold
# even for text no newsroom would write.
_RULE_HEAVY = st.text(
    st.sampled_from(list("中文字，。“”‘’（）《》、：；！？,.;:!?()\"' -—―…⋯・•‧12309abcXYZ%\u3000")),
    max_size=24,
)


@settings(max_examples=2000, deadline=None)
@given(_RULE_HEAVY)
def test_normalize_is_idempotent_on_punctuation_soup(text):
    once = normalize_text(text).text
    assert normalize_text(once).text == once
