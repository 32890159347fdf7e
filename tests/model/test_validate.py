"""The characters the model refuses, wherever they stand."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.model.validate import forbidden_character

REFUSED = ["\x00", "\x0b", "\x1f", "\x7f", "\x85", "\x9f", "\ufdd0", "\ufdef", "\ufffe", "\uffff",
           "\U0001fffe", "\U0001ffff", "\U0010fffe", "\U0010ffff", "\U0008ffff"]
ACCEPTED = ["中", " ", "\u3000", "\u00a0", "\ufdcf", "\ufdf0", "\ufffd", "\U00020000", "\U0001fffd", "😀"]


@pytest.mark.parametrize("char", REFUSED)
def test_refused_characters_are_named_with_their_offset(char):
    assert forbidden_character(f"新华社{char}电") == f"character U+{ord(char):04X} at offset 3 is not allowed in text"


@pytest.mark.parametrize("char", ACCEPTED)
def test_accepted_characters_pass(char):
    assert forbidden_character(f"新华社{char}电") is None


def test_the_first_refused_character_is_named_with_or_without_characters_beyond_the_bmp():
    assert forbidden_character("\U00020000一\x01二\U0001ffff") == "character U+0001 at offset 2 is not allowed in text"
    assert forbidden_character("一\U0002ffff二\x01") == "character U+2FFFF at offset 1 is not allowed in text"


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(REFUSED + ACCEPTED + list("新闻abc")), max_size=12))
def test_the_first_refused_character_is_found(text):
    first = next((i for i, c in enumerate(text) if c in REFUSED), None)
    found = forbidden_character(text)
    if first is None:
        assert found is None
    else:
        assert found == f"character U+{ord(text[first]):04X} at offset {first} is not allowed in text"
