"""Where an article file's fields and blocks begin, for problems found after reading."""

from __future__ import annotations

from exporter.sources.frontmatter import key_lines
from exporter.sources.lines import SourceLines

ARTICLE = """\
---
id: a1
# a comment
title: 标题
dateline:
  text: 新华社北京1月25日电
  position: end
kicker:   引题
title: 改过的标题
---
body: not a key
"""


def test_each_top_level_key_has_its_line_and_the_body_is_not_read():
    assert key_lines(ARTICLE) == {"id": 2, "dateline": 5, "kicker": 8, "title": 9}  # YAML keeps the last title


def test_a_field_is_found_by_its_key_and_a_block_by_its_index():
    lines = SourceLines({"title": 4, "dateline": 5}, (12, 15, 19))
    assert lines.line_of("title") == 4
    assert lines.line_of("dateline.text") == 5
    assert lines.line_of("blocks[1]") == 15
    assert lines.line_of("blocks[2].caption") == 19
    assert lines.line_of("blocks[3]") is None
    assert lines.line_of("subtitle") is None
