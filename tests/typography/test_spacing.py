"""Spacing rules between atoms (spec §4-§6): the per-pair statement and the
paragraph-wide patterns typesetters use must say the same thing."""

from __future__ import annotations

import itertools

import pytest

from exporter.typography import linebreak as lb
from exporter.typography import spacing as sp

KINDS = range(len(lb.KIND_NAMES))


@pytest.mark.parametrize("before, after", list(itertools.product(KINDS, KINDS)))
def test_patterns_agree_with_the_pair_rules(before, after):
    codes = bytes([before, after])
    words = [m.start() for m in sp.WORD_AT.finditer(codes)]
    gap = (1 in words and before == lb.HAN) or (0 in words and after == lb.HAN)
    first = any(m.start() == 0 for m in sp.FIRST_MARK_BLANK.finditer(codes))
    second = any(m.start() == 0 for m in sp.SECOND_MARK_BLANK.finditer(codes))
    flat = any(m.start() == 0 for m in sp.LATIN_JUNCTION.finditer(codes)) or bool(
        list(sp.CONNECTOR_AT.finditer(codes)))
    rule = sp.junction(before, after)
    assert gap == (rule > 0)
    assert (first or second) == (rule < 0)
    assert second == (rule < 0 and before == lb.OPEN)
    assert flat == (not sp.stretchable(before, after))


def test_gb_numbers():
    assert sp.junction(lb.HAN, lb.WORD) == sp.junction(lb.WORD, lb.HAN) == 0.25
    assert sp.junction(lb.PAUSE_MARK, lb.OPEN) == -0.5  # ，“
    assert sp.junction(lb.CLOSE, lb.PAUSE_MARK) == -0.5  # ”。
    assert sp.junction(lb.OPEN, lb.OPEN) == -0.5  # （“
    assert sp.junction(lb.OPEN, lb.CLOSE) == 0.0  # （）: inks already meet
    assert sp.fixed_width(lb.DASH_PAIR) == sp.fixed_width(lb.ELLIPSIS_PAIR) == 2.0
    assert sp.fixed_width(lb.INTERPUNCT) == 0.5
