"""Normalising Chinese text as the typography specification §1 asks.

``normalize_text`` returns the new text and a count of each kind of change,
so that importers can report what they repaired. It is idempotent: clean
text passes through unchanged. URLs, e-mail addresses, file names and
numbers are protected and left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .cjk import CLOSING, FULLWIDTH_MARKS, OPENING, is_cjk, is_han, is_latin

HALFWIDTH_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}

# Spans that must keep their ASCII punctuation.
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[\x21-\x7e]+"  # URLs (ASCII only, so a following Han stops them)
    r"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[\x21-\x7e]*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # e-mail addresses
    r"|[A-Za-z0-9_-]+\.(?:[A-Za-z]{2,4})\b"  # file names, domain-like tokens
)

# Change kinds, as reported.
PUNCT_FULLWIDTH = "half-width punctuation made full-width"
QUOTES = "straight quotes made curly"
FULL_STOP = "full stop after Han made 。"
DASHES = "dash made ——"
ELLIPSES = "ellipsis made ……"
INTERPUNCTS = "interpunct made ·"
SPACES = "space between Han and Latin removed"
IDEOGRAPHIC_SPACE = "indent space removed"


@dataclass
class Normalized:
    text: str
    changes: Counter[str] = field(default_factory=Counter)


_ASCII_PUNCT = re.compile(r"[,;:!?()]")
_ASCII_BRACKET = re.compile(r"[()]")
_SPACE_RUN = re.compile(r" +")

_HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f\uf900-\ufaff〇々〃"
_CJK_CLASS = (
    _HAN_CLASS
    + re.escape("".join(sorted(FULLWIDTH_MARKS)))
)
# Patterns start with the characters they look for, and check the context with
# lookarounds: ``re`` then skips ahead to those characters instead of trying
# every position (a fifth to a half of the time on a daily issue).
_MARK_TOUCHING_CJK = re.compile(f"[,;:!?](?:(?<=[{_CJK_CLASS}].)|(?=[{_CJK_CLASS}]))")


def _fullwidth_mark(match: re.Match) -> str:
    return HALFWIDTH_TO_FULLWIDTH[match.group()]


_STOP_AFTER_HAN = re.compile(f"\\.(?<=[{_HAN_CLASS}]\\.)")
_LATIN_CLASS = "A-Za-z0-9\u00c0-\u024f"
_SPACE_NEAR_LATIN = re.compile(f" (?:(?<=[{_HAN_CLASS}] ) *[{_LATIN_CLASS}]|(?<=[{_LATIN_CLASS}] ) *[{_HAN_CLASS}])")

_SEQUENCE_HINT = re.compile(r"--|—-|-—|－－|――|—―|―—|\.\.\.|。。。|⋯⋯|…(?<!……)(?!…)")
_ASCII_MARKS = re.compile(r"[,;:!?()\"']")
_TOUCHABLE = re.compile(r"[,;:!?()\"'.・•‧ \u3000]")


def _touched(text: str) -> bool:
    """Has the text anything to normalise? (Most clean Chinese text has not.) Two
    scans that skip ahead to their characters: one pattern with both kinds of
    alternative would try every position of the text in turn."""
    return _TOUCHABLE.search(text) is not None or _SEQUENCE_HINT.search(text) is not None


def normalize_text(text: str) -> Normalized:
    # One change can make another possible (中!-- : the ！ made full-width turns
    # -- into Chinese context for ——); repeat until nothing changes.
    result = _normalize_once(text)
    # Only a new full-width mark can make another change possible (as Chinese
    # context for a dash, an ellipsis, a quote or a bracket partner).
    if not result.changes or not (_ASCII_MARKS.search(result.text) or _SEQUENCE_HINT.search(result.text)):
        return result
    for _ in range(4):
        again = _normalize_once(result.text)
        if again.text == result.text:
            break
        result = Normalized(again.text, result.changes + again.changes)
    return result


def _normalize_once(text: str) -> Normalized:
    changes: Counter[str] = Counter()
    if not _touched(text):
        return Normalized(text, changes)
    # The common case in one regex pass: , ; : ! ? touching Chinese. (Such a mark
    # is never inside a URL or number: those are ASCII on both sides.)
    text, count = _MARK_TOUCHING_CJK.subn(_fullwidth_mark, text)
    if count:
        changes[PUNCT_FULLWIDTH] += count
    # Each pass runs only when its characters occur: a cheap test on the text.
    passes = [
        (_SEQUENCE_HINT.search(text), _collapse_sequences),
        (_ASCII_PUNCT.search(text), _fullwidth_punctuation),
        ('"' in text or "'" in text, _curly_quotes),
        (_STOP_AFTER_HAN.search(text), _full_stops),
        ("・" in text or "•" in text or "‧" in text, _interpuncts),
    ]
    spaces = _SPACE_NEAR_LATIN.search(text)
    if not (spaces or any(needed for needed, _ in passes)):
        return _strip_indent(text, changes)
    # The passes work on the text itself (a list of its characters cost more than
    # all of them together), with a mask of the characters they must leave alone.
    protected = _protected(text)
    for needed, run in passes:
        if needed:
            text, protected = run(text, protected, changes)
    out = _drop_han_latin_spaces(text, protected, changes) if spaces else text
    return _strip_indent(out, changes)


# Every protected span holds one of these (a cheap test before the full pattern).
_MAY_PROTECT = re.compile(r"[@.](?<=[A-Za-z0-9._%+-][@.])")


def _protected(text: str) -> bytearray:
    """1 for each character inside a URL, an e-mail address or a file name."""
    mask = bytearray(len(text))
    if "://" in text or _MAY_PROTECT.search(text):
        for match in _PROTECTED.finditer(text):
            # Sentence punctuation right after a URL belongs to the sentence.
            end = match.start() + len(match.group().rstrip(",.;:!?)'\""))
            mask[match.start() : end] = b"\x01" * (end - match.start())
    return mask


def _replaced(text: str, replacements: dict[int, str]) -> str:
    """``text`` with the character at each index replaced (same length)."""
    if not replacements:
        return text
    out, last = [], 0
    for i in sorted(replacements):
        out += (text[last:i], replacements[i])
        last = i + 1
    out.append(text[last:])
    return "".join(out)


def _strip_indent(text: str, changes: Counter[str]) -> Normalized:
    if "\u3000" in text[: len(text) - len(text.lstrip(" \u3000"))]:
        changes[IDEOGRAPHIC_SPACE] += 1
    return Normalized(text.strip(" \u3000"), changes)


_SEQUENCES = [
    # (pattern, replacement, kind, needs Chinese context)
    (re.compile(r"(?:--|—-|-—|－－|――|—―|―—)"), "——", DASHES, True),
    (re.compile(r"\.{3,6}|。。。|⋯⋯|(?<!…)…(?!…)"), "……", ELLIPSES, True),
]


def _collapse_sequences(text, protected, changes):
    for pattern, replacement, kind, needs_cjk in _SEQUENCES:
        out, out_protected, last = [], bytearray(), 0
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(protected[start:end]) or match.group() == replacement:
                continue
            # Right after a replacement, the replacement is the context (-------).
            before = out[-1][-1] if out and start == last else (text[start - 1] if start else "")
            after = text[end] if end < len(text) else ""
            if needs_cjk and not ((before and is_cjk(before)) or (after and is_cjk(after))):
                continue
            out.append(text[last:start])
            out_protected += protected[last:start]
            out.append(replacement)
            out_protected += bytes(len(replacement))
            changes[kind] += 1
            last = end
        if out:
            out.append(text[last:])
            out_protected += protected[last:]
            text, protected = "".join(out), out_protected
    return text, protected


def _fullwidth_punctuation(text, protected, changes):
    # Decide per mark; a bracket converts when its partner does, so pairs stay matched.
    candidates = [
        m.start() for m in _ASCII_PUNCT.finditer(text)
        if not protected[m.start()] and not _between_digits(text, m.start())
    ]
    if not candidates:
        return text, protected
    convert: set[int] = set()
    changed = True
    while changed:  # a converted mark is itself Chinese context for its neighbour
        changed = False
        for i in candidates:
            if i not in convert and _touches_cjk(text, convert, i):
                convert.add(i)
                changed = True
    for opening, closing in _bracket_pairs(text, protected):
        if opening in convert or closing in convert:
            convert.update((opening, closing))
    if len(convert):
        changes[PUNCT_FULLWIDTH] += len(convert)
    return _replaced(text, {i: HALFWIDTH_TO_FULLWIDTH[text[i]] for i in convert}), protected


def _between_digits(text, i):
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit() \
        and text[i - 1].isascii() and text[i + 1].isascii()


def _touches_cjk(text, convert, i):
    for j in (i - 1, i + 1):
        if 0 <= j < len(text) and (j in convert or is_cjk(text[j])):
            return True
    return False


def _bracket_pairs(text, protected):
    stack = []
    for match in _ASCII_BRACKET.finditer(text):
        i, ch = match.start(), match.group()
        if protected[i]:
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            yield stack.pop(), i


def _curly_quotes(text, protected, changes):
    # Straight quotes alternate: the first of a pair opens, the second closes.
    # A pair is converted when either mark or the text between touches Chinese.
    for quote, (opening, closing) in (('"', ("“", "”")), ("'", ("‘", "’"))):
        done: dict[int, str] = {}  # a quote converted is Chinese context for the next one
        positions = [m.start() for m in re.finditer(quote, text) if not protected[m.start()]]
        if quote == "'":  # an apostrophe inside a Latin word is not a quote
            positions = [i for i in positions if not _inside_latin_word(text, i)]
        for k in range(0, len(positions) - 1, 2):
            start, end = positions[k], positions[k + 1]
            if _context_is_cjk(text, done, start) or _context_is_cjk(text, done, end) or any(
                is_han(c) for c in text[start + 1 : end]
            ):
                done[start], done[end] = opening, closing
                changes[QUOTES] += 2
        if len(positions) % 2 and _context_is_cjk(text, done, positions[-1]):
            i = positions[-1]
            before = (done.get(i - 1) or text[i - 1]) if i else " "
            done[i] = opening if before.isspace() or before in OPENING else closing
            changes[QUOTES] += 1
        text = _replaced(text, done)
    return text, protected


def _context_is_cjk(text: str, done: dict[int, str], i: int) -> bool:
    """Does the character before or after ``text[i]`` (as changed in ``done``) belong to Chinese text?"""
    before = (done.get(i - 1) or text[i - 1]) if i > 0 else ""
    after = (done.get(i + 1) or text[i + 1]) if i + 1 < len(text) else ""
    return bool((before and is_cjk(before)) or (after and is_cjk(after)))


def _inside_latin_word(text, i):
    return 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() \
        and text[i + 1].isascii() and text[i + 1].isalpha()


def _full_stops(text, protected, changes):
    # Each test reads the unchanged text: a 。 made here is neither Han nor a bracket.
    done = {}
    for match in re.finditer(r"\.", text):
        i = match.start()
        if protected[i] or i == 0 or not is_han(text[i - 1]):
            continue
        after = text[i + 1] if i + 1 < len(text) else ""
        if not after or after.isspace() or is_han(after) or after in CLOSING or after in OPENING:
            done[i] = "。"
    if len(done):
        changes[FULL_STOP] += len(done)
    return _replaced(text, done), protected


def _interpuncts(text, protected, changes):
    done = {}
    for match in re.finditer("[・•‧]", text):
        i = match.start()
        if not protected[i] and 0 < i < len(text) - 1:
            if is_han(text[i - 1]) and is_han(text[i + 1]):
                done[i] = "·"
    if len(done):
        changes[INTERPUNCTS] += len(done)
    return _replaced(text, done), protected


def _drop_han_latin_spaces(text, protected, changes):
    out, last = [], 0
    for match in _SPACE_RUN.finditer(text):
        start, end = match.span()
        if protected[start] or start == 0 or end == len(text):
            continue
        before, after = text[start - 1], text[end]
        if (is_han(before) and is_latin(after)) or (is_latin(before) and is_han(after)):
            out.append(text[last:start])
            last = end
            changes[SPACES] += 1
    out.append(text[last:])
    return "".join(out)
