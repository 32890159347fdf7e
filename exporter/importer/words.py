"""Which two-character sequences are words of the pages' own text.

A line cut by a column break often splits a word (转|化, 更|好): when the
last character of a line and the first of the next make a pair that the
pages use elsewhere far more often than chance would (pointwise mutual
information), the two lines are one sentence. Pairs that only meet by
accident across words (加强|社会 gives 强社) score low and give no evidence.
Digits count as one character, 0, so that 6|日 meets the 0日 of other dates.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..typography.cjk import is_han

# How much more often than chance a pair must occur to count as a word (log2).
MIN_PMI = 3.0


_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


def digits_as_zero(text: str) -> str:
    return re.sub(r"[0-9]", "0", text)


def _counted(char: str) -> bool:
    return char == "0" or is_han(char)


class Vocabulary:
    def __init__(self, texts: list[str] | tuple[str, ...] = ()):
        self.chars: Counter[str] = Counter()
        self.pairs: Counter[str] = Counter()
        # each sentence counts once: a sentence repeated across stories is one use of its words
        sentences = dict.fromkeys(s for text in texts for s in _SENTENCE_END.split(digits_as_zero(text)) if s)
        for text in sentences:
            self.chars.update(c for c in text if _counted(c))
            self.pairs.update(
                text[i : i + 2] for i in range(len(text) - 1)
                if _counted(text[i]) and _counted(text[i + 1]) and text[i : i + 2] != "00"
            )
        self.total = sum(self.chars.values())

    def pmi(self, pair: str) -> float | None:
        pair = digits_as_zero(pair)
        count = self.pairs.get(pair, 0)
        if len(pair) != 2 or not count:
            return None
        return math.log2(self.total * count / (self.chars[pair[0]] * self.chars[pair[1]]))

    def __contains__(self, pair: object) -> bool:
        """True when ``pair`` is a word of the pages: seen inside their lines, and not by chance."""
        if not isinstance(pair, str):
            return False
        score = self.pmi(pair)
        return score is not None and score >= MIN_PMI
