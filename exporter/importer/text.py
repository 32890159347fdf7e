"""Properties of a line of Chinese text that the importer's rules ask about.

Whether a line ends a sentence, has its quotes and brackets balanced, ends on
a word that cannot end a heading, or starts like a list item. The character
classes come from the typography core.
"""

from __future__ import annotations

import re

from ..typography.cjk import CLOSING, LINE_START_PROHIBITED, OPENING, is_han

# Marks after which a paragraph may end. ； and ： end the items of a
# run-on list (…急需处；) and the lead-in to one, so they count.
SENTENCE_END = frozenset("。！？；：…!?;:.")
# An end mark such as （完） after the last sentence.
_END_SIGN = re.compile(r"[（(](?:完|终|全文完|待续)[）)]$")

# Longest line that can be a headline or a subhead.
HEADING_MAX = 48
SUBHEAD_MAX = 40

# Characters a heading never ends on: particles, conjunctions, prepositions
# and adverbs that need something after them. A line ending on one is the
# first half of a sentence cut by a column break ...
_DANGLING = frozenset("的之和与及或并而且从把被对向于以在将已更也都还就才又再很最该这那每各让使给由因但若如即则虽既当自比跟")
# ... unless they end a word that does end a phrase (激动不已, 参与, 成都, 担当).
_DANGLING_WORDS = frozenset("""
不已 而已 总之 久之 之一 为之 言之 使之 随之 祥和 平和 温和 缓和 总和 饱和 人和 柔和 调和 随和 暖和 共和
参与 给与 普及 涉及 以及 波及 危及 不及 遍及 企及 面对 应对 核对 反对 针对 绝对 相对 一对 配对 成对 派对
方向 走向 导向 去向 取向 动向 意向 流向 风向 面向 志向 转向 趋向 倾向 双向 定向 在于 属于 关于 至于 终于
善于 等于 对于 位于 处于 可以 所以 予以 得以 加以 难以 足以 借以 即将 大将 老将 干将 名将 猛将 主将 小将
变更 三更 五更 深更 首都 古都 成都 京都 国都 故都 旧都 归还 偿还 退还 生还 送还 交还 成就 造就 将就 迁就
人才 英才 天才 奇才 全才 口才 秀才 良才 专才 一再 之最 应该 活该 本该 刹那 转让 礼让 谦让 出让 退让 忍让
相让 大使 特使 天使 公使 驱使 行使 迫使 指使 致使 促使 即使 假使 供给 补给 配给 自给 自由 理由 缘由 事由
来由 原因 基因 病因 诱因 成因 死因 起因 内因 外因 比如 例如 譬如 假如 不如 自如 犹如 宛如 有如 诸如 正如
立即 随即 当即 旋即 迅即 原则 规则 准则 法则 细则 守则 总则 否则 实则 相当 适当 恰当 妥当 正当 得当 担当
停当 便当 稳当 充当 应当 各自 亲自 独自 擅自 来自 出自 源自 暗自 私自 对比 相比 无比 好比 类比 占比 评比
攀比 环比 同比 紧跟 脚跟 合并 兼并 吞并 然而 因而 从而 进而 反而 继而 故而 而且 并且 况且 尚且 姑且 暂且
服从 听从 随从 侍从 盲从 顺从 无从 自从 一把 火把 棉被 每每 比比 与否
存在 现在 所在 实在 自在 不在 健在 内在 外在 潜在 好在 正在 何在 旨在 意在 贵在 难在 重在 关键在
""".split())

_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "(": ")", "〈": "〉", "「": "」", "『": "』"}

LIST_MARKER = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}是|"
    r"第[一二三四五六七八九十]{1,3}[，,、]|\d{1,2}[.．、)）](?!\d)|[①-⑳]|[●◆▲•·\-]\s*(?=[^\-]))"
)
# 一、 二、 numbering: a subhead when a paragraph follows, a list item when
# another numbered line does.
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])")


def core(text: str) -> str:
    """The text without the closing quotes and brackets at its end."""
    end = len(text)
    while end and (text[end - 1] in CLOSING or text[end - 1] in "\"')]"):
        end -= 1
    return text[:end]


def ends_sentence(text: str) -> bool:
    """True when the line ends a sentence: 。 ！ ？ ； ： …, perhaps inside closing quotes."""
    text = text.rstrip()
    if _END_SIGN.search(text):
        return True
    stripped = core(text)
    if stripped[-1:] == "." and stripped[-2:-1].isdigit():
        return False  # a decimal point cut from its digits (152.|7万人)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def ends_question(text: str) -> bool:
    stripped = core(text.rstrip())
    return bool(stripped) and stripped[-1] in "？！?!"


def balanced(text: str) -> bool:
    """True when every opening quote or bracket in the line is closed in it."""
    stack: list[str] = []
    for char in text:
        if char in _PAIRS:
            stack.append(_PAIRS[char])
        elif char in _PAIRS.values():
            if not stack or stack[-1] != char:
                return False
            stack.pop()
    return not stack


def dangling_end(text: str) -> bool:
    """True when the line ends on a word that needs a continuation."""
    text = text.rstrip()
    if not text:
        return False
    last = text[-1]
    if last in OPENING or last in "、，,—(（·":
        return True
    return last in _DANGLING and text[-2:] not in _DANGLING_WORDS


# Reported speech (…说，) marks a sentence, never a heading.
_SPEECH = re.compile(r"(?:说|表示|介绍|指出|强调|认为|称|透露|坦言|告诉记者)[，：:,]")


def reads_as_sentence(text: str) -> bool:
    """Two or more commas, or reported speech: the start of a paragraph, not a subhead."""
    return text.count("，") + text.count(",") >= 2 or bool(_SPEECH.search(text))


def starts_continuation(text: str) -> bool:
    """True when a line cannot start a paragraph: it opens with a mark no line may start
    with, or with the particle 的 (其…的|选择权)."""
    first = text[:1]
    if first == "的" and text[:2] not in ("的确", "的士", "的哥"):
        return True
    return bool(first) and first in LINE_START_PROHIBITED and text[:2] not in ("——", "……")


def tight(text: str) -> bool:
    """Short and without pauses (，、；): shaped like a headline or a list item, unlike a cut sentence."""
    return len(text) <= 24 and not any(c in text for c in "，、；,;")


def splits_number(left: str, right: str) -> bool:
    """True when a number is cut in two: 评论区的4|846多条."""
    return left[-1:].isdigit() and (right[:1].isdigit() or right[:1] in ".,%")


def han_count(text: str) -> int:
    return sum(1 for c in text if is_han(c))
