"""Plain paragraphs skip the Markdown parser: the blocks and the problems
reported must be exactly what the parser alone gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.sources.frontmatter import split_front_matter
from exporter.sources.markdown_body import BodyContext, merge_notices, parse_body, parse_markdown


def _context(notices: bool = False) -> BodyContext:
    return BodyContext("a.md", "a", 7, lambda src, where: (src, 10, 10), notices, [])


def _both(text: str, notices: bool = False):
    fast_ctx, slow_ctx = _context(notices), _context(notices)
    fast = parse_body(text, fast_ctx)
    slow = merge_notices(parse_markdown(text, slow_ctx))
    return (fast, fast_ctx.problems), (slow, slow_ctx.problems)


_PLAIN = st.sampled_from(["新华社北京1月25日电", "记者", "，", "。", "“", "”", "K303次", "2580.2万件", "WHO",
                         "word", "3月2日", "2026", "a", "——", "……", "(", ")"])
_PIECES = _PLAIN | st.sampled_from([
    " ", "*强调*", "**加粗**", "[新华网](https://www.news.cn/)", "![图片说明 新华社记者 吴鲁 摄](a.png)",
    "_", "*", "\\", "#", "## 小标题", "## ", "### ", "> 引语", "- 条目", "1. 条目", "1)", "+", "=", ">", "<b>", "&amp;",
    "```", "~~~", "[1]: https://x.cn/", "[链接][1]", "    缩进", "\t", "---", "===", "|表|", "{.x}", "\u3000", "\u00a0", "\r",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=8).map("".join), max_size=12),
       st.lists(st.sampled_from(["\n", "\n\n", "\n \n", "\n\n\n", "\n\u3000\n", "\n\t\n"]), min_size=12, max_size=12),
       st.booleans())
def test_fast_path_equals_the_parser(lines, breaks, notices):
    text = "".join(line + brk for line, brk in zip(lines, breaks))
    fast, slow = _both(text, notices)
    assert fast == slow


@pytest.mark.parametrize("text", [
    "word\nWHO\n\n记者\nabc\nK303次\n2026",
    "正文\n\n- 条目\n\n- 条目二\n\n正文",
    "> 引语\n\n> 引语二\n正文\n\n正文",
    "3月2日，正文\n1) 不是列表\n\n1) 列表\n正文",
    "## 遗失声明\n\n某某遗失证件。\n\n声明作废。\n\n## 招聘\n\n招聘编辑。",
    "正文  \n硬换行\n\n    缩进\n\n正文\n===\n\n正文\n---",
    "见[新华网][1]。\n\n正文\n\n[1]: https://www.news.cn/",
    "```\n\n正文\n\n```",
    "正文\n\u3000\n正文二\n\n\u3000\u3000缩进的段落\n\n正文\r\n\r\n正文\u00a0三",
    "## 小标题\n\n##  两个空格 \n\n####### 七个\n\n#没有空格\n\n## 标题 ##\n\n# 一级\n\n##\t制表符\n\n## 标题\n紧接正文",
])
def test_fast_path_equals_the_parser_on_tricky_bodies(text):
    for notices in (False, True):
        fast, slow = _both(text, notices)
        assert fast == slow


def test_fast_path_equals_the_parser_on_real_articles(example_dir, daily_issue):
    files = sorted(Path(example_dir, "articles").glob("*.md")) + sorted(Path(daily_issue, "articles").glob("*.md"))
    assert len(files) > 100
    for path in files:
        fields, body, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        fast, slow = _both(body, notices=fields.get("kind") in ("notice", "classified"))
        assert fast == slow, path.name


def test_each_block_carries_the_line_of_the_file_where_it_begins():
    # the body starts on line 7 of its file (``_context``)
    body = "\n".join([
        "第一段，",           # 7
        "接着写。",           # 8
        "",
        "## 小标题",          # 10
        "",
        "有*强调*的一段。",    # 12
        "",
        "> 引语",             # 14
        "> 续",
        "",
        "- 条目一",           # 17
        "- 条目二",
        "",
        "",
        "![图片说明 新华社记者 吴鲁 摄](a.png)",  # 21
        "",
        "最后一段。",          # 23
    ])
    for parse in (parse_body, lambda text, ctx: merge_notices(parse_markdown(text, ctx))):
        blocks, lines = parse(body, _context())
        assert [type(b).__name__ for b in blocks] == ["Paragraph", "Subhead", "Paragraph", "Quote", "ListBlock",
                                                     "Figure", "Paragraph"]
        assert lines == (7, 10, 12, 14, 17, 21, 23)


def test_a_notice_begins_at_its_title_and_keeps_its_paragraphs():
    body = "## 遗失声明\n\n某某遗失证件。\n\n声明作废。\n\n## 招聘\n\n招聘编辑。"
    blocks, lines = parse_body(body, _context(notices=True))
    assert [b.title for b in blocks] == ["遗失声明", "招聘"]
    assert blocks[0].paragraphs == ("某某遗失证件。", "声明作废。")
    assert lines == (7, 13)
