"""The Chinese typesetter, measured on the PDFs it draws.

Crafted paragraphs (the seed page's hard cases, clreq's examples) are set into
small PDFs at many column widths and read back with PyMuPDF: the rule checker
of spec §9 (``measure.py``) must find nothing, positions must be what the
spec asks, and the text must come back exactly. The checker itself is shown
to fail on PDFs that break the rules, among them one set by ReportLab's own
``wordWrap='CJK'``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from exporter.diagnostics import Reporter
from exporter.errors import Location
from exporter.fonts.coverage import TextCollector, plan_fonts
from exporter.fonts.registry import FontSet
from exporter.fonts.truetype import truetype_subset
from exporter.themes import load_theme
from exporter.typography.cjk import OPENING, is_han
from exporter.writers.pdf.fonts import PdfFonts
from exporter.writers.pdf.text import CJKParagraph, ParaStyle, TextSpan, draw_text, measure_text
from tests.pdf.measure import RULES, measure_pdf
from tests.support.corpus import SEED_PAGE

SIZE = 9.5
LEADING = 14.25
BODY = ParaStyle("body", SIZE, LEADING, first_indent_em=2.0)

HARD = [
    "“十四五”圆满收官，“十五五”征程开启，全国共受理诉求2580.2万件，同比增长18.4%，乘坐K303次列车的旅客可凭12345热线预约。",
    "新华社北京1月25日电（记者王其冰）在《中国社会工作》、《人民日报》等报刊上，“两新”组织……“我们要坚持——为民服务”。",
    "他说：“这是‘新就业群体’的家。”（原名《出资证明书》）遗失声明：编号HAW-4的证件作废，特此声明。",
    "德尔西·罗德里格斯表示，2025年3月起实施新规，温度降至-5℃，票价￥100，详见www.news.cn。Hello world, this is English.",
    "广告热线：2963992。会议于10:30开始，1,000名代表出席，增长35%以上。",
]


def seed_paragraphs() -> list[str]:
    lines = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    from exporter.typography.normalize import normalize_text

    return [normalize_text(line).text for line in lines if len(line) > 40]


# every other text the tests below set
OTHERS = [
    "一二三四五六七八九十，。“”规划乘坐次列车刊登在《人民日报》、《光明日报》上。他说：“好。”（原名（证书））",
    "坚持——为民服务社会……在四川告别最后一班“绿皮火车”K303全国共有社会工作专业人才二百万人同比大幅增长，各地党委",
    "社会工作部门积极推进各项工作。,18.4%!喜！；他说：“好。”（（注））？",
]
ALPHABET = sorted(set("".join(HARD + OTHERS + seed_paragraphs())) - {" "})
STRATEGY_TEXT = st.lists(st.sampled_from(ALPHABET + [" ", "——", "……", "K303", "2580.2"]), min_size=1,
                         max_size=120).map("".join)


@pytest.fixture(scope="module")
def fonts() -> PdfFonts:
    font_set = FontSet(load_theme("print"))
    collector = TextCollector()
    for role in ("body", "body-bold", "caption", "heading"):
        collector.add(role, "".join(ALPHABET) + "—…", Location())
    return PdfFonts(plan_fonts(collector, font_set, Reporter()), font_set)


def set_columns(path: Path, texts, fonts, width: float, *, style: ParaStyle = BODY,
                columns: int = 1) -> Path:
    """Set ``texts`` (strings or span lists) in columns ``width`` points wide."""
    gutter = 20.0
    story = [CJKParagraph(t if isinstance(t, list) else [TextSpan(t, style.role)], style, fonts) for t in texts]
    height = sum(p.wrap(width, 1e9)[1] for p in story) / columns + 2 * style.leading
    canvas = Canvas(str(path), pagesize=(40 + columns * (width + gutter), height + 40))
    for i in range(columns):
        frame = Frame(20 + i * (width + gutter), 20, width, height, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        frame.addFromList(story, canvas)
    assert not story, "the test text must fit the page"
    canvas.save()
    return path


def extracted_lines(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        return [line for page in doc for line in page.get_text().splitlines()]


# ------------------------------------------------------------------ the rules, measured


@pytest.mark.parametrize("width_em", [8, 9, 10.5, 11.25, 12.16, 13, 14.5, 17, 21, 26])
def test_seed_and_hard_cases_break_no_rule_at_any_width(fonts, tmp_path, width_em):
    texts = seed_paragraphs() + HARD
    path = set_columns(tmp_path / "p.pdf", texts, fonts, width_em * SIZE)
    report = measure_pdf(path)
    assert report.failing() == {}
    assert len(report.paragraphs) == len(texts)


def test_text_reads_back_exactly_with_no_invented_spaces(fonts, tmp_path):
    texts = seed_paragraphs() + HARD
    path = set_columns(tmp_path / "p.pdf", texts, fonts, 12.16 * SIZE)
    report = measure_pdf(path)
    assert report.paragraph_texts == texts
    joined = "".join(extracted_lines(path))  # PyMuPDF's own reading, spaces included
    assert joined == "".join(texts)


def test_every_line_is_flush_and_every_paragraph_indented(fonts, tmp_path):
    path = set_columns(tmp_path / "p.pdf", seed_paragraphs(), fonts, 11.5 * SIZE)
    report = measure_pdf(path)
    for para in report.paragraphs:
        left, right = para[0].column
        assert abs(para[0].start - left - 2 * SIZE) < 0.15 * SIZE or para[0].text[0] in OPENING
        for line in para[:-1]:
            assert abs(line.end - right) < 0.5
        assert para[-1].end <= right + 0.5


def test_line_start_comma_is_pushed_in_or_out(fonts, tmp_path):
    # ten Han then a comma: at ten em the comma would start line two
    text = "一二三四五六七八九十，一二三四五六七八九十。" + "一二三四五六七八九十" * 2
    path = set_columns(tmp_path / "p.pdf", [text], fonts, 10 * SIZE, style=ParaStyle("body", SIZE, LEADING))
    lines = [line.text for line in measure_pdf(path).lines]
    assert all(not line.startswith(("，", "。")) for line in lines)
    assert lines[0].endswith("，") or lines[1].startswith("十，")


def test_opening_quote_never_ends_a_line(fonts, tmp_path):
    text = "一二三四五六七八九“十四五”规划" * 3
    path = set_columns(tmp_path / "p.pdf", [text], fonts, 10 * SIZE)
    lines = [line.text for line in measure_pdf(path).lines]
    assert all(not line.endswith("“") for line in lines)
    assert measure_pdf(path).failing() == {}


def test_han_latin_gap_is_a_quarter_em_of_spacing_not_a_character(fonts, tmp_path):
    text = "乘坐K303次列车"
    path = set_columns(tmp_path / "p.pdf", [text], fonts, 20 * SIZE, style=ParaStyle("body", SIZE, LEADING))
    glyphs = measure_pdf(path).lines[0].glyphs
    assert "".join(g.char for g in glyphs) == text
    zuo, k, three, ci = glyphs[1], glyphs[2], glyphs[5], glyphs[6]
    assert k.x - zuo.x == pytest.approx(1.25 * SIZE, abs=0.02)
    advance_3 = fonts.advance(fonts.face_for("body", "3"), "3") * SIZE
    assert ci.x - three.x - advance_3 == pytest.approx(0.25 * SIZE, abs=0.1)
    assert extracted_lines(path) == [text]


def test_adjacent_marks_take_one_and_a_half_em(fonts, tmp_path):
    text = "刊登在《人民日报》、《光明日报》上。他说：“好。”（（注））"
    path = set_columns(tmp_path / "p.pdf", [text], fonts, 40 * SIZE, style=ParaStyle("body", SIZE, LEADING))
    glyphs = measure_pdf(path).lines[0].glyphs
    pairs = {a.char + b.char: b.x - a.x for a, b in zip(glyphs, glyphs[1:])}
    for pair in ("》、", "、《", "：“", "。”", "（（", "））"):
        assert pairs[pair] == pytest.approx(0.5 * SIZE, abs=0.02), pair


def test_line_end_marks_end_at_the_column_edge(fonts, tmp_path):
    texts = seed_paragraphs()
    path = set_columns(tmp_path / "p.pdf", texts, fonts, 11 * SIZE)
    ended = 0
    for para in measure_pdf(path).paragraphs:
        right = para[0].column[1]
        for line in para[:-1]:
            last = line.glyphs[-1]
            if last.char in "，。、：；”）》":
                ended += 1
                assert last.x + 0.5 * SIZE == pytest.approx(right, abs=0.05)
    assert ended > 5


def render_row(path: Path, y_top: float, y_bottom: float, x0: float, x1: float, zoom: float = 8.0):
    """Dark pixels of a strip of page 1, as rows of booleans."""
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        clip = pymupdf.Rect(x0, y_top, x1, y_bottom)
        pix = doc[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), clip=clip, colorspace=pymupdf.csGRAY)
        data = pix.samples
        return [[data[r * pix.stride + c] < 128 for c in range(pix.width)] for r in range(pix.height)]


def test_two_em_dash_is_one_continuous_rule(fonts, tmp_path):
    path = set_columns(tmp_path / "p.pdf", ["坚持——为民"], fonts, 20 * SIZE, style=ParaStyle("body", SIZE, LEADING))
    glyphs = measure_pdf(path).lines[0].glyphs
    dash = [g for g in glyphs if g.char == "—"]
    start, end = dash[0].x, glyphs[-2].x  # the dash's box: from its first glyph to 为
    assert end - glyphs[1].x - SIZE == pytest.approx(2 * SIZE, abs=0.05)
    rows = render_row(path, dash[0].y - SIZE, dash[0].y + 0.2 * SIZE, start - 2, end + 2)
    runs = [max(_runs(row), default=0) for row in rows]
    zoom = 8.0
    assert max(runs) >= 1.9 * SIZE * zoom  # one unbroken dark run about two em long


def test_ellipsis_is_six_dots_in_two_em(fonts, tmp_path):
    path = set_columns(tmp_path / "p.pdf", ["服务社会……在四川"], fonts, 20 * SIZE,
                       style=ParaStyle("body", SIZE, LEADING))
    glyphs = measure_pdf(path).lines[0].glyphs
    dots = [g for g in glyphs if g.char == "…"]
    assert len(dots) == 2 and dots[1].x - dots[0].x == pytest.approx(SIZE, abs=0.02)
    rows = render_row(path, dots[0].y - SIZE, dots[0].y + 0.2 * SIZE, dots[0].x, dots[0].x + 2 * SIZE)
    counts = [len(_runs(row)) for row in rows]
    assert max(counts) == 6


def _runs(row: list[bool]) -> list[int]:
    out, n = [], 0
    for dark in row + [False]:
        if dark:
            n += 1
        elif n:
            out.append(n)
            n = 0
    return out


def test_a_lone_last_character_is_avoided(fonts, tmp_path):
    # 10 + 12 + 12 Han, then 好。: at 12 em (2 indented) 好。 is left alone on line 4
    text = ("社会工作事关党长期执政和国家长治久安" * 2)[:34] + "好。"
    plain = ParaStyle("body", SIZE, LEADING, first_indent_em=2.0, keep_single_char_last_line=True)
    lone = set_columns(tmp_path / "lone.pdf", [text], fonts, 12 * SIZE, style=plain)
    assert measure_pdf(lone).lines[-1].text == "好。"  # the case arises
    assert measure_pdf(lone).count("single_char_last_line") == 1
    mended = set_columns(tmp_path / "mended.pdf", [text], fonts, 12 * SIZE)
    report = measure_pdf(mended)
    assert report.failing() == {}
    assert sum(1 for c in report.lines[-1].text if is_han(c)) >= 2


def test_gb_style_punctuation_from_the_sc_face(fonts):
    face = fonts.face_for("body", "，")
    assert "SC" in face.family
    embedded = fonts.embedded(face)
    for mark in "，。、：；！？":
        left, right = embedded.ink(mark)
        assert right <= 0.5, mark


def test_headline_helpers_measure_and_centre(fonts, tmp_path):
    spans = [TextSpan("告别最后一班“绿皮火车”K303", "heading")]
    style = ParaStyle("heading", 20.0, 26.0, align="center")
    width = measure_text(spans, style, fonts)
    han = sum(1 for c in spans[0].text if is_han(c) or c in "“”")
    assert width > han * 20.0  # the Latin and the gap add to the Han
    canvas = Canvas(str(tmp_path / "h.pdf"), pagesize=(600, 100))
    drawn = draw_text(canvas, 0, 50, spans, style, fonts, width=600)
    canvas.save()
    assert drawn == pytest.approx(width)
    glyphs = measure_pdf(tmp_path / "h.pdf").lines[0].glyphs
    assert glyphs[0].x == pytest.approx((600 - width) / 2, abs=0.05)
    assert extracted_lines(tmp_path / "h.pdf") == [spans[0].text]


HEADLINE = ParaStyle("heading", 24.0, 30.0, align="center")


def set_headline(path: Path, text: str, fonts, width_em: float) -> list[str]:
    """``text`` as a centred headline ``width_em`` ems wide; its lines as PyMuPDF reads them."""
    set_columns(path, [[TextSpan(text, "heading")]], fonts, width_em * 24.0, style=HEADLINE)
    return extracted_lines(path)


def test_a_centred_headline_breaks_at_its_space(fonts, tmp_path):
    text = "告别最后一班始发“绿皮火车” 百年广州站全面迈入高铁时代"
    for width_em in (14, 16, 20, 26):  # too narrow for one line, wide enough for each part
        lines = set_headline(tmp_path / f"h{width_em}.pdf", text, fonts, width_em)
        assert [line.strip() for line in lines] == ["告别最后一班始发“绿皮火车”", "百年广州站全面迈入高铁时代"]
    assert [line.strip() for line in set_headline(tmp_path / "one.pdf", text, fonts, 29)] == [text]


def test_a_headline_part_wider_than_the_line_breaks_as_text(fonts, tmp_path):
    text = "告别最后一班始发“绿皮火车” 百年广州站全面迈入高铁时代"
    lines = set_headline(tmp_path / "narrow.pdf", text, fonts, 9)  # 13 em parts, 9 em lines
    assert len(lines) > 2 and "".join(lines).replace(" ", "") == text.replace(" ", "")
    report = measure_pdf(tmp_path / "narrow.pdf")
    assert report.count("line_start_prohibited") == report.count("line_end_prohibited") == 0
    # breaking at the spaces would take a line more than breaking as text: as text
    crowded = "一二 三四五六七八九十 一二三四五六七八九十"
    lines = set_headline(tmp_path / "crowded.pdf", crowded, fonts, 12)
    assert len(lines) == 2 and "".join(lines).replace(" ", "") == crowded.replace(" ", "")


def test_styled_spans_keep_words_whole(fonts, tmp_path):
    spans = [TextSpan("新华社北京1月25日电", "body-bold"), TextSpan("（记者王其冰）K3", "body"),
             TextSpan("03次列车“十四五”规划圆满收官，全国共受理诉求2580.2万件。", "body")]
    for width in (9, 10, 11, 12, 13):
        path = set_columns(tmp_path / f"s{width}.pdf", [spans], fonts, width * SIZE)
        report = measure_pdf(path)
        assert report.failing() == {}
        assert report.paragraph_texts == ["".join(s.text for s in spans)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=STRATEGY_TEXT, width_em=st.floats(3, 30), cut=st.floats(0, 1))
def test_split_never_loses_or_doubles_text(fonts, text, width_em, cut):
    width = width_em * SIZE
    para = CJKParagraph([TextSpan(text, "body")], BODY, fonts)
    _, height = para.wrap(width, 1e9)
    lines = para.lines_for(width)
    assert height == pytest.approx(len(lines) * LEADING)
    assert "".join(line.text for line in lines) == text
    for line in lines:
        assert line.natural - line.width <= 0.02 or any(line.squeeze) or line.end - line.start == 1
    pieces = para.split(width, cut * height)
    if pieces:
        assert "".join(p.text for p in pieces) == text
        for piece in pieces:
            _, h = piece.wrap(width, 1e9)
            assert h == pytest.approx(round(h / LEADING) * LEADING)


# ------------------------------------------------------------------ the checker fails on bad PDFs


def test_the_checker_catches_reportlabs_cjk_wordwrap(fonts, tmp_path):
    face = fonts.face_for("body", "中")
    points = {ord(c) for c in ALPHABET} | {32}

    name = register_reportlab_font("ReportLabCJKBody", truetype_subset(face, points))
    style = ParagraphStyle("cjk", fontName=name, fontSize=SIZE, leading=LEADING, wordWrap="CJK",
                           alignment=4, firstLineIndent=2 * SIZE)
    path = tmp_path / "reportlab.pdf"
    canvas = Canvas(str(path), pagesize=(200, 3000))
    story = [Paragraph(t, style) for t in seed_paragraphs() + HARD]
    Frame(20, 20, 12.16 * SIZE, 2960, leftPadding=0, rightPadding=0, topPadding=0,
          bottomPadding=0).addFromList(story, canvas)
    canvas.save()
    found = measure_pdf(path).scores()
    for rule in ("line_start_prohibited", "punct_pair_not_compressed", "cjk_latin_spacing", "ragged_right",
                 "line_end_punct_not_compressed"):
        assert found[rule] > 0, rule


def register_reportlab_font(name: str, data: bytes) -> str:
    """A ReportLab TrueType font under its own face name (ReportLab shares fonts by face name)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(name, io.BytesIO(data))
        font.face.name = name.encode("ascii")
        pdfmetrics.registerFont(font)
    return name


def draw_lines(path: Path, lines: list[str], fonts, *, width: float = 10 * SIZE, justify: bool = True,
               indent: bool = True, shift_last: float = 0.0, role: str = "body", extra=None) -> Path:
    """A naive typesetter: each given line drawn as is, stretched by Tc to the width."""
    canvas = Canvas(str(path), pagesize=(width + 40, 60 + LEADING * len(lines)))
    y = 40 + LEADING * len(lines)
    for i, line in enumerate(lines):
        face = fonts.face_for(role, line[0])
        x = 20 + (2 * SIZE if i == 0 and indent else 0)
        natural = sum(fonts.advance(fonts.face_for(role, c), c) for c in line) * SIZE
        room = 20 + width - x - natural + (shift_last if i == len(lines) - 1 else 0)
        text = canvas.beginText(x, y)
        text.setFont(fonts.font_name(face), SIZE)
        if justify and i < len(lines) - 1 or shift_last:
            text.setCharSpace(room / max(len(line) - 1, 1))
        text.textLine(line)
        canvas.drawText(text)
        y -= LEADING
    if extra:
        extra(canvas)
    canvas.save()
    return path


BASE = ["全国共有社会工作专业人才", "二百万人同比大幅增长，各", "地党委社会工作部门积极推", "进各项工作。"]


def test_the_checker_passes_the_naive_typesetter_on_clean_lines(fonts, tmp_path):
    assert measure_pdf(draw_lines(tmp_path / "ok.pdf", BASE, fonts)).failing() == {}


@pytest.mark.parametrize("lines, rule", [
    (["全国共有社会工作专业人才", "，二百万人同比大幅增长各", "地党委社会工作部门积极推", "进各项工作。"],
     "line_start_prohibited"),
    (["全国共有社会工作专业人“", "二百万人同比大幅增长，各", "地党委社会工作部门积极推", "进各项工作。"],
     "line_end_prohibited"),
    (["全国共有社会工作专业人才", "二百万人同比大幅增长……", "……党委社会工作部门积极", "进各项工作。"],
     "inseparable_split"),
    (["全国共有社会工作专业K3", "03百万人同比大幅增长，各", "地党委社会工作部门积极推", "进各项工作。"],
     "word_number_split"),
    (["全国共有社会工作专业人才", "二百万人同比大幅增长。”各", "地党委社会工作部门积极推", "进各项工作。"],
     "punct_pair_not_compressed"),
    (["全国共有社会工作专业人才", "二百万人同比增长18.4%各", "地党委社会工作部门积极推", "进各项工作。"],
     "cjk_latin_spacing"),
    (["全国共有社会工作专业人才", "二百万人同比大幅增长,各地", "党委社会工作部门积极推进", "各项工作。"],
     "halfwidth_punct_in_cjk"),
    (BASE[:3] + ["进。"], "single_char_last_line"),
    (["全国共有社会工作专业人才", "二百万人同比大幅增长。", "地党委社会工作部门积极推", "进各项工作。"],
     "line_end_punct_not_compressed"),
])
def test_the_checker_catches_each_rule(fonts, tmp_path, lines, rule):
    report = measure_pdf(draw_lines(tmp_path / "bad.pdf", lines, fonts))
    assert report.count(rule) >= 1, report.failing()


def test_the_checker_catches_a_missing_indent_and_a_ragged_line(fonts, tmp_path):
    report = measure_pdf(draw_lines(tmp_path / "noindent.pdf", BASE, fonts, indent=False))
    assert report.count("first_line_indent") == 1
    ragged = ["全国共有社会工作专业人才", "二百万人同比大幅增长各", "地党委社会工作部门积极推", "进各项工作。"]
    report = measure_pdf(draw_lines(tmp_path / "ragged.pdf", ragged, fonts, justify=False))
    assert report.count("ragged_right") >= 1


def test_the_checker_catches_hanging_punctuation(fonts, tmp_path):
    # twelve Han fill the 12-em column; the comma of line 1 hangs outside it (burasagari)
    lines = ["全国共有社会工作专业人才，", "二百万人同比大幅增长各地", "党委社会工作部门积极推进",
             "全国共有社会工作专业人才", "二百万人同比大幅增长各地", "各项工作。"]
    path = tmp_path / "hang.pdf"
    canvas = Canvas(str(path), pagesize=(200, 160))
    canvas.setFont(fonts.font_name(fonts.face_for("body", "全")), SIZE)
    for i, line in enumerate(lines):
        canvas.drawString(20, 140 - i * LEADING, line)
    canvas.save()
    assert measure_pdf(path).count("line_end_overflow") >= 1


def test_the_checker_catches_missing_glyphs_and_unembedded_fonts(fonts, tmp_path):

    face = fonts.face_for("body", "中")
    name = register_reportlab_font("ReportLabSubsetNoXi", truetype_subset(face, {ord(c) for c in "中文测试"}))
    path = tmp_path / "missing.pdf"
    canvas = Canvas(str(path), pagesize=(300, 100))
    canvas.setFont(name, SIZE)
    canvas.drawString(20, 60, "中文测试中文测试喜")  # 喜 is not in the font: ReportLab draws .notdef
    canvas.setFont("Helvetica", SIZE)
    canvas.drawString(20, 40, "Latin text in a font that is not embedded")
    canvas.save()
    report = measure_pdf(path)
    assert report.count("missing_glyph") >= 1
    assert report.count("font_not_embedded") == 1


def test_the_checker_catches_narrow_quotes_and_centred_marks(tmp_path):
    from exporter.themes.theme import FontSpec
    from exporter.fonts.registry import locate

    font_set = FontSet(load_theme("print"))
    collector = TextCollector()
    text = "全国共有社会工作专业人才“二百万”人同比增长！"
    collector.add("caption", text, Location())
    kai = PdfFonts(plan_fonts(collector, font_set, Reporter()), font_set)
    path = draw_lines(tmp_path / "kai.pdf", ["全国共有社会工作专业人才", "“二百万”人同比增长！"], kai, role="caption")
    assert measure_pdf(path).count("quote_not_fullwidth") >= 1

    jp = locate(FontSpec("body", "Noto Serif CJK JP", ("NotoSerifCJK-Regular.ttc",), ()))

    name = register_reportlab_font("NotoSerifJPSubset", truetype_subset(jp, {ord(c) for c in text}))
    path = tmp_path / "jp.pdf"
    canvas = Canvas(str(path), pagesize=(300, 100))
    canvas.setFont(name, SIZE)
    canvas.drawString(20 + 2 * SIZE, 60, text)
    canvas.save()
    assert measure_pdf(path).count("punct_not_gb_style") >= 1


def test_rules_list_is_the_specs(tmp_path):
    assert {"line_start_prohibited", "ragged_right", "missing_glyph", "font_not_embedded"} <= set(RULES)


def test_truetype_conversion_is_the_same_cold_warm_and_glyph_by_glyph(fonts, tmp_path, monkeypatch):
    """The CFF-to-TrueType conversion makes the same bytes with no cache, with the
    glyphs another character set left in the per-glyph cache, and on a rerun."""
    face = fonts.face_for("body", "中")
    wanted = {ord(c) for c in "中文测试，。“”K303"}
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "cold"))
    cold = truetype_subset(face, wanted)
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "glyphs"))
    truetype_subset(face, {ord(c) for c in "中文测试一二三"})  # fills the glyph cache
    from_glyphs = truetype_subset(face, wanted)
    assert from_glyphs == cold == truetype_subset(face, wanted)
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(cold))
    assert "glyf" in font and "CFF " not in font
    assert set(font.getBestCmap()) == wanted
