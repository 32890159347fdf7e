"""Patterns for the people and agencies named around a story.

Shared by the dateline, byline and photo-credit recognisers: news agencies
(新华社, 本报 …), roles (记者, 通讯员 …) and personal names as printed
(two to four Han characters, or a foreign name joined by ·).
"""

from __future__ import annotations

HAN = "\u4e00-\u9fff\u3400-\u4dbf"

# Agencies whose names are distinctive enough to be recognised anywhere.
KNOWN_AGENCIES = (
    "新华社", "中新社", "中国新闻社", "本报", "人民日报", "新华网", "人民网", "中新网", "央视新闻",
    "央视网", "光明日报", "经济日报", "解放军报", "法治日报", "工人日报", "中国日报", "科技日报",
)
KNOWN_AGENCY = "(?:" + "|".join(sorted(KNOWN_AGENCIES, key=len, reverse=True)) + ")"
# Any other agency: a short name ending in 社, 报, 台 or 网.
GENERIC_AGENCY = rf"[{HAN}]{{2,6}}(?:社|报|台|网)"
AGENCY = rf"(?:{KNOWN_AGENCY}|{GENERIC_AGENCY})"

# 记者, 特约记者, 本报驻京记者, 摄影记者, 通讯员, 实习生, 评论员 …
ROLE = (
    rf"(?:驻[{HAN}]{{1,4}})?(?:特约|特派|见习|实习|首席|摄影|全媒体|融媒体)?"
    r"(?:记者|通讯员|摄影师|实习生|评论员|撰稿人)"
)
ROLE_WORDS = (
    "特约记者", "特派记者", "实习记者", "见习记者", "首席记者", "摄影记者", "全媒体记者", "融媒体记者",
    "本报记者", "新华社记者", "记者", "本报通讯员", "通讯员", "实习生", "摄影师", "摄影", "评论员",
    "撰稿人", "编辑",
)

NAME = rf"(?:[{HAN}]{{1,8}}(?:·[{HAN}]{{1,8}})+|[{HAN}]{{2,4}})"
NAMES = rf"{NAME}(?:[\s\u3000、，,]+{NAME}){{0,5}}"
