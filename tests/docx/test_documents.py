"""The Word copies of the example issue, opened with python-docx and as raw XML."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from PIL import Image

from exporter.model import Figure
from exporter.writers.base import issue_datetime
from exporter.writers.docx.names import article_filename

from .expected import article_document, article_paragraphs
from .reading import NS, attr, paragraphs, part, style_element, w


def article_files_by_id(build):
    """Each article of the issue with the file its name says it is (page, order)."""
    found = {}
    for page in build.issue.pages:
        for order, article in enumerate(page.articles, start=1):
            matches = [f for f in build.article_files if f.name.startswith(f"{page.number:02d}-{order:02d}-")]
            assert len(matches) == 1, (article.id, [f.name for f in build.article_files])
            found[article.id] = (article, matches[0])
    return found


def test_outputs_are_the_whole_issue_the_article_folder_and_its_zip(example_build):
    names = sorted(p.name for p in example_build.out.iterdir())
    assert names == sorted([example_build.whole.name, example_build.folder.name, example_build.archive.name])
    assert sorted(example_build.outputs) == sorted([example_build.whole, example_build.folder,
                                                    example_build.archive])


def test_each_article_has_one_file_named_by_page_order_and_title(example_build):
    articles = [(page, order, article) for page in example_build.issue.pages
                for order, article in enumerate(page.articles, start=1)]
    assert len(example_build.article_files) == len(articles)
    for page, order, article in articles:
        expected = f"{page.number:02d}-{order:02d}-{article.title}.docx"
        assert (example_build.folder / expected).is_file(), expected
    assert (example_build.folder / "01-04-委内瑞拉代总统呼吁各党派展开政治对话.docx").is_file()


def test_the_zip_holds_the_folder_exactly(example_build):
    with zipfile.ZipFile(example_build.archive) as archive:
        assert archive.testzip() is None
        listed = archive.namelist()
        assert len(listed) == len(set(listed)) == len(example_build.article_files)
        for path in example_build.article_files:
            assert archive.read(f"{example_build.folder.name}/{path.name}") == path.read_bytes()
        assert all(info.flag_bits & 0x800 for info in archive.infolist())  # names marked as UTF-8


def test_every_paragraph_of_each_article_has_the_right_style_and_the_models_text(example_build):
    copyright = example_build.issue.publication.copyright
    for article, path in article_files_by_id(example_build).values():
        assert paragraphs(path) == article_document(article, copyright), article.id


def test_the_whole_issue_has_a_cover_then_each_page_under_its_heading(example_build):
    issue = example_build.issue
    got = paragraphs(example_build.whole)
    assert got[0] == ("Masthead", issue.publication.name)
    assert got[1][0] == "IssueInfo" and "2026年1月26日" in got[1][1] and "第9523期" in got[1][1]
    expected = []
    for page in issue.pages:
        expected.append(("Heading1", f"第{page.number}版 {page.section}"))
        for article in page.articles:
            expected += article_paragraphs(article)
    expected.append(("Credit", issue.publication.copyright))
    start = next(i for i, (style, _) in enumerate(got) if style == "Heading1")
    assert all(style == "IssueInfo" for style, _ in got[1:start])
    assert got[start:] == expected


def test_a_start_dateline_is_a_character_style_run_and_an_end_dateline_a_paragraph(example_build):
    files = article_files_by_id(example_build)
    article, path = files["p01-02"]
    document = docx.Document(str(path))
    first = next(p for p in document.paragraphs if p.style.style_id == "BodyText")
    assert first.runs[0].style.style_id == "DatelineChar"
    assert first.runs[0].text == article.dateline.text == "新华社日内瓦1月24日电（记者王其冰）"
    assert "".join(r.text for r in first.runs[1:]) == article.blocks[0].text
    article, path = files["p01-01"]
    last_of_article = paragraphs(path)[-2]
    assert last_of_article == ("Dateline", "新华社北京1月25日电")


def test_styles_name_the_east_asian_font_and_chinese_on_every_style(example_build):
    theme_fonts = {"Noto Serif CJK SC", "Noto Sans CJK SC", "LXGW WenKai"}
    for path in [example_build.whole, *example_build.article_files]:
        styles = part(path, "word/styles.xml")
        defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        assert attr(defaults.find("w:rFonts", NS), "eastAsia") == "Noto Serif CJK SC"
        assert attr(defaults.find("w:lang", NS), "eastAsia") == "zh-CN"
        for style in styles.findall("w:style", NS):
            kind, style_id = attr(style, "type"), attr(style, "styleId")
            if kind not in ("paragraph", "character"):
                continue
            assert attr(style.find("w:rPr/w:lang", NS), "eastAsia") == "zh-CN", style_id
            fonts = style.find("w:rPr/w:rFonts", NS)
            if kind == "paragraph":
                assert attr(fonts, "eastAsia") in theme_fonts, style_id
                assert attr(fonts, "hint") == "eastAsia", style_id
                assert attr(fonts, "ascii") == attr(fonts, "eastAsia"), style_id
        settings = part(path, "word/settings.xml")
        assert attr(settings.find("w:themeFontLang", NS), "eastAsia") == "zh-CN"
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".xml"):
                    assert b"ja-JP" not in archive.read(name), name


def test_the_fonts_come_from_the_theme(example_build):
    styles = part(example_build.whole, "word/styles.xml")

    def font(style_id):
        return attr(style_element(styles, style_id).find("w:rPr/w:rFonts", NS), "eastAsia")

    def size(style_id):
        return int(attr(style_element(styles, style_id).find("w:rPr/w:sz", NS), "val")) / 2

    assert font("BodyText") == "Noto Serif CJK SC" and size("BodyText") == 10.5
    assert font("Heading2") == "Noto Sans CJK SC" and size("Heading2") == 18
    assert font("Caption") == "LXGW WenKai" and size("Caption") == 9
    assert style_element(styles, "Heading2").find("w:rPr/w:b", NS) is not None  # the heading face is bold
    assert style_element(styles, "BodyText").find("w:rPr/w:b", NS) is None


def test_body_text_is_justified_with_a_two_character_first_line_indent(example_build):
    for path in [example_build.whole, *example_build.article_files]:
        styles = part(path, "word/styles.xml")
        for style_id in ("BodyText", "Notice", "Quote"):
            ind = style_element(styles, style_id).find("w:pPr/w:ind", NS)
            assert attr(ind, "firstLineChars") == "200" and attr(ind, "firstLine") == "420", style_id
        assert attr(style_element(styles, "BodyText").find("w:pPr/w:jc", NS), "val") == "both"
        for style_id in ("Heading2", "Byline", "Caption", "Deck"):
            ind = style_element(styles, style_id).find("w:pPr/w:ind", NS)
            assert attr(ind, "firstLineChars") == "0" and attr(ind, "firstLine") == "0", style_id
        assert not styles.xpath("//w:jc[@w:val='distribute']", namespaces=NS)
        document = part(path, "word/document.xml")
        body_paragraphs = document.xpath("//w:p[w:pPr/w:pStyle/@w:val='BodyText']", namespaces=NS)
        assert body_paragraphs
        for p in body_paragraphs:  # no direct formatting overrides the style
            assert p.find("w:pPr/w:ind", NS) is None and p.find("w:pPr/w:jc", NS) is None


def test_east_asian_line_rules_punctuation_compression_and_no_character_grid(example_build):
    for path in [example_build.whole, *example_build.article_files]:
        styles = part(path, "word/styles.xml")
        for ppr in (styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS),
                    style_element(styles, "Normal").find("w:pPr", NS)):
            values = {etree_name(c): attr(c, "val") for c in ppr}
            assert values["kinsoku"] == "1" and values["overflowPunct"] == "0"
            assert values["topLinePunct"] == "1" and values["wordWrap"] == "1"
            assert values["autoSpaceDE"] == "1" and values["autoSpaceDN"] == "1"
            assert values["snapToGrid"] == "0"
        settings = part(path, "word/settings.xml")
        assert attr(settings.find("w:characterSpacingControl", NS), "val") == "compressPunctuation"
        section = part(path, "word/document.xml").find("w:body/w:sectPr", NS)
        grid = section.find("w:docGrid", NS)
        assert attr(grid, "type") in (None, "lines")
        size = section.find("w:pgSz", NS)
        assert (int(attr(size, "w")), int(attr(size, "h"))) == (11906, 16838)  # A4 in twips
        margins = section.find("w:pgMar", NS)
        assert abs(int(attr(margins, "left")) - 1803) <= 1 and abs(int(attr(margins, "top")) - 1440) <= 1


def etree_name(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
             "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
             "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
             "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
             "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
             "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()


def test_properties_are_in_schema_order_so_word_opens_the_file(example_build):
    for path in [example_build.whole, example_build.article_files[0]]:
        for name in ("word/styles.xml", "word/document.xml"):
            root = part(path, name)
            for tag, order in (("pPr", PPR_ORDER), ("rPr", RPR_ORDER)):
                for element in root.iter(w(tag)):
                    children = [etree_name(c) for c in element]
                    positions = [order.index(c) for c in children]
                    assert positions == sorted(positions) and len(set(children)) == len(children), (name, children)


def test_headings_are_outline_levels_for_the_navigation_pane(example_build):
    styles = part(example_build.whole, "word/styles.xml")
    levels = {s: attr(style_element(styles, s).find("w:pPr/w:outlineLvl", NS), "val")
              for s in ("Heading1", "Heading2", "Heading3")}
    assert levels == {"Heading1": "0", "Heading2": "1", "Heading3": "2"}
    assert style_element(styles, "Heading1").find("w:pPr/w:pageBreakBefore", NS) is not None
    names = {s: attr(style_element(styles, s).find("w:name", NS), "val") for s in ("Heading1", "Heading3")}
    assert names == {"Heading1": "heading 1", "Heading3": "heading 3"}  # Word's built-in headings


def test_pictures_are_at_text_width_with_their_aspect_and_captions(example_build, example_dir):
    files = article_files_by_id(example_build)
    article, path = files["p01-06"]
    figures = [b for b in article.blocks if isinstance(b, Figure)]
    document = docx.Document(str(path))
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    shapes = document.inline_shapes
    assert len(shapes) == len(figures) == 2
    styled = [(p.style.style_id, p.text) for p in document.paragraphs]
    for figure, shape in zip(figures, shapes):
        with Image.open(example_dir / figure.image) as image:
            aspect = image.height / image.width
        assert abs(shape.width - text_width) <= 12700  # within 1 pt
        assert shape.height / shape.width == pytest.approx(aspect, rel=0.01)
        index = styled.index(("Caption", figure.caption))
        assert styled[index - 1][0] == "Figure" and styled[index + 1] == ("Credit", figure.credit)
    descriptions = part(path, "word/document.xml").xpath("//wp:docPr/@descr", namespaces=NS)
    assert descriptions == [f.alt for f in figures]
    whole = docx.Document(str(example_build.whole))
    assert len(whole.inline_shapes) == 2


def test_core_properties_and_the_character_count(example_build):
    from .expected import article_characters

    issue = example_build.issue
    for article, path in article_files_by_id(example_build).values():
        core = docx.Document(str(path)).core_properties
        assert core.title == article.title
        assert core.author == (article.byline or issue.publication.publisher)
        assert core.language == "zh-CN"
        assert core.keywords == "要闻"
        assert core.created == core.modified == issue_datetime(issue)  # midnight in Beijing, unless SOURCE_DATE_EPOCH
        count = article_characters(article)
        app = part(path, "docProps/app.xml")
        assert int(app.findtext("ep:Characters", namespaces=NS)) == count
        custom = part(path, "docProps/custom.xml")
        (value,) = custom.xpath("cu:property[@name='字数']/vt:i4/text()", namespaces=NS)
        assert int(value) == count
        (ident,) = custom.xpath("cu:property[@name='稿件编号']/vt:lpwstr/text()", namespaces=NS)
        assert ident == article.id
    assert article_characters(issue.find_article("p01-04")) > 200
    core = docx.Document(str(example_build.whole)).core_properties
    assert core.title == "示例日报 2026年1月26日 星期一" and core.author == "示例日报社"


def test_article_file_names_are_safe_on_windows():
    name = article_filename(3, 2, 'A:B/C\\D|E?F*G"H<I>J. ', "id")
    assert name == "03-02-ABCDEFGHIJ.docx"
    assert article_filename(1, 1, "CON", "x") == "01-01-_CON.docx"
    assert article_filename(1, 1, "...", "p01-01") == "01-01-p01-01.docx"
    long = article_filename(12, 3, "长" * 2000, "x")
    assert len(long.encode("utf-8")) <= 255 and long.startswith("12-03-长") and long.endswith("长.docx")
    assert re.fullmatch(r"\d\d-\d\d-[^<>:\"/\\|?*]+\.docx", long)
