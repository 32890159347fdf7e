"""Line-break opportunities of Chinese text (spec §3), format-neutral.

Cases are written with ``|`` where a break must be allowed and ``^`` where it
must never happen; the character positions between them are not asserted.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.typography import linebreak as lb
from exporter.typography.cjk import LINE_END_PROHIBITED, LINE_START_PROHIBITED

CASES = [
    # line-start prohibitions (GB set): pause marks, closing marks, interpunct, connector
    "社会^，|工作",
    "收官^。^”|开启",
    "德尔西^·|罗德里格斯",
    "1949^—|1986年",
    "增长^、|提升",
    "他说^：|“^好",
    # line-end prohibitions: opening marks, prefix signs
    "在|《^人民日报^》|上",
    "（^记者^）",
    "票价|￥^1^0^0|元",
    # inseparable marks, numbers with their signs
    "坚持|—^—|为民",
    "服务|…^…|在",
    "增长|1^8^.^4^%^，",
    "降至|-^5^℃",
    # Latin words, numbers, model numbers, URLs stay whole
    "乘坐|K^3^0^3|次",
    "2^5^8^0^.^2|万件",
    "热线|1^2^3^4^5|预约",
    "编号|H^A^W^-^4|的",
    "详见|w^w^w^.^n^e^w^s^.^c^n^。",
    "Hello^ |world",
    "10^:^30|开始",
    "1^,^000|名",
    # characters that belong to a neighbour: combining marks, selectors, joiners, soft hyphens
    "中^\u200d^国|人",
    "爱|❤^\ufe0f|你",
    "姓|葛^\U000e0100|洪",
    "家|👨^\u200d^👩^\u200d^👧|好",
    "点|👍^\U0001f3fd|赞",
    "c^a^f^e^\u0301|好",
    "软^\u00ad^件|co^\u00ad^op|测试",
    "人^\u2060^民|日报",
    "中^\u200b|文",
    "说^\u200e|WHO^\u200f|称",
]


def parse(case: str) -> tuple[str, dict[int, bool]]:
    text, marks = "", {}
    for char in case:
        if char == "|":
            marks[len(text)] = True
        elif char == "^":
            marks[len(text)] = False
        else:
            text += char
    return text, marks


@pytest.mark.parametrize("case", CASES)
def test_break_opportunities(case):
    text, marks = parse(case)
    for index, allowed in marks.items():
        penalty = lb.break_penalty(text, index)
        assert (penalty is not None) == allowed, f"{text[:index]}|{text[index:]}"


def test_atoms_cover_the_text_once():
    text = "新华社北京1月25日电（记者王其冰）“十四五”，2580.2万件……HAW-4 https://a.cn/b。"
    atoms = lb.atomize(text)
    pieces = [text[s:e] for s, e in zip(atoms.starts, atoms.ends)]
    assert "".join(pieces) == text
    assert "2580.2" in pieces and "……" in pieces and "HAW-4" in pieces and "https://a.cn/b" in pieces
    assert atoms.kinds[pieces.index("……")] == lb.ELLIPSIS_PAIR


def test_a_number_and_its_unit_may_part_but_at_a_cost():
    text = "增长82个"
    assert lb.break_penalty(text, 4) == lb.NUMBER_UNIT_PENALTY
    assert lb.break_penalty("K303次", 4) == 0.0  # a model number is no quantity


def test_a_dash_may_open_a_line_only_at_a_cost():
    assert lb.break_penalty("坚持——为民", 2) == lb.DASH_START_PENALTY
    assert lb.break_penalty("“——为民", 1) is None  # but never after an opening mark


@settings(max_examples=60, deadline=None)
@given(st.text(st.sampled_from(list("社会工作，。、“”《》（）——……·K303 2580.2%￥abc/:")), max_size=60))
def test_no_break_lands_on_a_prohibited_character(text):
    atoms = lb.atomize(text)
    assert "".join(text[s:e] for s, e in zip(atoms.starts, atoms.ends)) == text
    penalties = lb.penalties(text, atoms)
    for k in range(len(atoms) - 1):
        if penalties[k] is None:
            continue
        nxt, last = text[atoms.starts[k + 1]], text[atoms.ends[k] - 1]
        pair = text[atoms.starts[k + 1]:atoms.ends[k + 1]] in ("——", "……")
        assert pair or nxt not in LINE_START_PROHIBITED, (text, k)
        assert atoms.kinds[k] == lb.WORD or last not in LINE_END_PROHIBITED, (text, k)
        assert not nxt.isspace()


_MARKS_AND_JOINERS = ["\u0301", "\u0308", "\u20e3", "\ufe0f", "\U000e0101", "\u200d", "\u2060", "\u00ad",
                      "\u200b", "\u200c", "\U0001f3fb"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("社会，。“”（）ab1 ☎👍") + _MARKS_AND_JOINERS), max_size=30))
def test_no_break_before_a_mark_or_format_character_nor_after_a_joiner(text):
    import unicodedata

    atoms = lb.atomize(text)
    penalties = lb.penalties(text, atoms)
    for k in range(len(atoms) - 1):
        if penalties[k] is None:
            continue
        before, after = text[atoms.ends[k] - 1], text[atoms.starts[k + 1]]
        assert unicodedata.category(after) not in ("Mn", "Me", "Cf") and after != "\U0001f3fb", (text, k)
        assert before not in "\u200d\u2060\u00ad", (text, k)
