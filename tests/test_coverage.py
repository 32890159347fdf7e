"""Font coverage: the collector remembers each character once, where it was first seen."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.errors import Location
from exporter.fonts.coverage import INVISIBLE, TextCollector

# ASCII signs, Han, marks, a supplementary-plane ideograph, invisible characters
CHARS = st.sampled_from(
    [chr(c) for c in range(0x21, 0x7F)]
    + [chr(0x4E00 + i) for i in range(150)]
    + list("，。“”\u3000\u200d\U000E0100𠀀 ")
)
TEXTS = st.lists(st.tuples(st.sampled_from(["body", "heading"]), st.text(CHARS, max_size=40)), max_size=120)


@settings(max_examples=200, deadline=None)
@given(adds=TEXTS)
def test_each_character_is_kept_once_with_where_it_was_first_seen(adds):
    collector = TextCollector()
    expected: dict[str, dict[str, Location]] = {}
    for number, (role, text) in enumerate(adds):
        where = Location(field=f"blocks[{number}]")
        collector.add(role, text, where)
        for char in text:  # the plain rule
            if char not in INVISIBLE:
                expected.setdefault(role, {}).setdefault(char, where)
    assert {role: dict(uses) for role, uses in collector.uses.items() if uses} == expected
    assert all(list(collector.uses[role]) == list(expected[role]) for role in expected)  # in order


def test_a_long_run_of_new_characters_misses_none_and_keeps_their_order():
    han = [chr(0x4E00 + i) for i in range(1200)]
    odd, even = [chr(c) for c in range(0x21, 0x7F, 2)], [chr(c) for c in range(0x22, 0x7F, 2)]
    chars = han[:700] + odd + han[700:1000] + even + han[1000:] + [chr(c) for c in range(0xC0, 0x100)]
    collector = TextCollector()
    for start in range(0, len(chars), 5):
        collector.add("body", "".join(chars[start:start + 9]), Location(field=str(start)))
    assert list(collector.uses["body"]) == chars
    assert collector.uses["body"][chars[8]].field == "0" and collector.uses["body"][chars[9]].field == "5"


def test_a_face_covers_exactly_the_code_points_it_maps():
    from exporter.fonts.registry import FontSet
    from exporter.themes import load_theme

    fonts = FontSet(load_theme("print"))
    for role in ("body", "heading", "sans"):
        face = fonts.face(role)
        mapped = face.codepoints
        # every BMP code point, the ideographs of Extension B, and the last code point of all
        probes = [*range(0x10000), *range(0x20000, 0x2A6E0), 0x10FFFF]
        probed = set(probes)
        assert [cp for cp in probes if face.covers(cp)] == sorted(cp for cp in mapped if cp in probed)
        assert 0x4E2D in mapped and face.covers(0x4E2D) and not face.covers(0xE000)
