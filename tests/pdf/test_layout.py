"""The page plan: blocks of columns, tiers, balanced columns, continuation pages.

The planner is tested on its own with articles made of line counts (fast,
with hypothesis), then on the plans and PDFs of the example and a daily issue.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.writers.pdf.columns import balance, fill_columns, total_lines
from exporter.writers.pdf.layout import Grid, JumpLine, PlannedPage, compositions, plan_issue, share_rows
from tests.pdf.conftest import pdf_chars

# ---------------------------------------------------------------- fakes: articles as line counts


@dataclass(frozen=True)
class Lines:
    """A paragraph of ``lines`` lines; ``name`` tells the pieces of one article apart."""

    lines: int
    name: str = ""
    first: int = 0  # the paragraph's line this piece starts at
    keep_with_next: bool = False
    floating: bool = False
    whole: bool = False  # a picture or subhead: never split
    furniture: bool = False

    @property
    def breakable(self) -> bool:
        return not self.whole and self.lines > 1

    def split(self, lines: int):
        if not self.breakable or not 0 < lines < self.lines:
            return None
        return (
            Lines(lines, self.name, self.first),
            Lines(self.lines - lines, self.name, self.first + lines, self.keep_with_next),
        )


class FakeArticle:
    def __init__(self, article_id: str, kind: str, body: list[Lines], header: int = 3, pad_rows: int = 0):
        self.article_id, self.kind, self.pad_rows = article_id, kind, pad_rows
        self.unit = 14.0
        self.items = body
        self.header_rows = header

    def spans(self, columns: int):
        if columns == 1:
            return [1]
        return {"brief": range(1, min(3, columns) + 1)}.get(self.kind, range(min(2, columns), columns + 1))

    def preferred_span(self, columns: int) -> int:
        return {"lead": columns, "brief": max(1, columns // 3)}.get(self.kind, max(1, columns // 2))

    def header(self, span: int):
        return Lines(self.header_rows, f"{self.article_id}/header", whole=True)

    def body(self, span: int):
        return list(self.items)

    def reprise(self, span: int):
        return Lines(2, f"{self.article_id}/reprise", whole=True, furniture=True)


def article(article_id: str, kind: str, paragraphs: list[int], picture: int = 0) -> FakeArticle:
    body = [Lines(n, f"{article_id}/{i}") for i, n in enumerate(paragraphs)]
    if picture:
        body.insert(1, Lines(picture, f"{article_id}/picture", whole=True, floating=True))
    return FakeArticle(article_id, kind, body)


PRINT = Grid(columns=6, rows=80, masthead_rows=9, leading=14.0, flow=False)
EREADER = Grid(columns=1, rows=18, masthead_rows=5, leading=14.0, flow=True)


def placed_lines(pages: list[PlannedPage]) -> dict[str, list[tuple[int, int]]]:
    """Per paragraph name: the (first line, count) of every placed piece, in plan order."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for page in pages:
        for block in page.blocks:
            for column in block.columns:
                for fragment in column:
                    item = fragment.item
                    if not isinstance(item, JumpLine) and not item.furniture:
                        out[item.name].append((item.first, item.lines))
    return out


def assert_every_line_once(pages: list[PlannedPage], articles: list[FakeArticle]) -> None:
    placed = placed_lines(pages)
    for a in articles:
        for item in a.items:
            pieces = placed[item.name]
            assert pieces, f"{item.name} was dropped"
            starts = [first for first, _ in pieces]
            assert starts == sorted(starts), f"{item.name} is out of order"
            covered = [first + k for first, count in pieces for k in range(count)]
            assert covered == list(range(item.lines)), f"{item.name}: lines {covered} of {item.lines}"


def assert_blocks_tile(pages: list[PlannedPage], grid: Grid) -> None:
    """Blocks stay on their page and never overlap."""
    for page in pages:
        taken: set[tuple[int, int]] = set()
        for block in page.blocks:
            assert 0 <= block.column and block.column + block.span <= grid.columns
            assert 0 <= block.row and block.row + block.rows <= page.rows, (
                block.article_id,
                block.row,
                block.rows,
            )
            cells = {
                (r, c)
                for r in range(block.row, block.row + block.rows)
                for c in range(block.column, block.column + block.span)
            }
            assert not cells & taken, f"{block.article_id} overlaps another block"
            taken |= cells
            height = (block.rows - block.header_rows - (1 if block.boxed else 0)) * grid.leading / block.unit
            for column in block.columns:
                for fragment in column:
                    assert fragment.line + fragment.item.lines <= height + 1e-6, block.article_id


def assert_jumps_pair(pages: list[PlannedPage]) -> None:
    """A cut block points to the page where its article goes on, which points back."""
    for index, page in enumerate(pages):
        for block in page.blocks:
            if block.ends:
                assert block.jump_out is None
                continue
            assert block.jump_out is not None and block.jump_out > index
            after = [b for b in pages[block.jump_out].blocks if b.article_id == block.article_id]
            assert after and after[0].jump_in == index and not after[0].starts


# ---------------------------------------------------------------- columns


def test_compositions_are_every_ordered_split():
    assert compositions(4, 2) == ((1, 3), (2, 2), (3, 1))
    assert len(compositions(6, 3)) == 10
    assert all(sum(c) == 6 and min(c) >= 1 for c in compositions(6, 4))


def test_balanced_columns_end_within_a_line_of_each_other():
    items = [Lines(n, str(i)) for i, n in enumerate([7, 12, 3, 9, 15, 4])]
    columns, height, rest = balance(items, 3, 1000)
    assert not rest and height == 17  # 50 lines in 3 columns
    bottoms = [sum(f.item.lines for f in column) for column in columns]
    assert max(bottoms) - min(bottoms) <= 1 and sum(bottoms) == 50


def test_a_picture_waits_for_the_next_column_while_text_fills_this_one():
    items = [Lines(8, "a"), Lines(6, "pic", whole=True, floating=True), Lines(10, "b")]
    columns, rest = fill_columns(items, 2, 12)
    assert [(f.item.name, f.line, f.item.lines) for f in columns[0]] == [("a", 0, 8), ("b", 8, 4)]
    assert [(f.item.name, f.line) for f in columns[1]] == [("pic", 0), ("b", 6)]
    assert not rest


def test_pictures_keep_their_order_when_one_waits():
    items = [
        Lines(4, "a"),
        Lines(10, "big", whole=True, floating=True),
        Lines(3, "small", whole=True, floating=True),
        Lines(12, "b"),
    ]
    columns, rest = fill_columns(items, 2, 12)
    names = [f.item.name for column in columns for f in column] + [i.name for i in rest]
    assert names.index("big") < names.index("small")
    assert columns[1][0].item.name == "big"  # at the top of the next column, the small one after it


def test_a_subhead_is_not_left_at_the_foot_of_a_column():
    items = [Lines(9, "a"), Lines(2, "sub", whole=True, keep_with_next=True), Lines(6, "b")]
    columns, rest = fill_columns(items, 2, 11)
    assert [f.item.name for f in columns[0]] == ["a"]
    assert [f.item.name for f in columns[1]] == ["sub", "b"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 30), min_size=1, max_size=12), st.integers(1, 6), st.integers(1, 60))
def test_filling_columns_loses_and_doubles_nothing(sizes, count, height):
    items = [Lines(n, str(i)) for i, n in enumerate(sizes)]
    columns, rest = fill_columns(items, count, height)
    placed = sum(f.item.lines for column in columns for f in column)
    assert placed + total_lines(rest) == sum(sizes)
    assert all(f.line + f.item.lines <= height for column in columns for f in column)


# ---------------------------------------------------------------- the planner on line counts


def test_an_overfull_page_starts_every_article_and_continues_on_a_continuation_page():
    articles = [
        article("lead", "lead", [20] * 16, picture=12),
        article("b", "story", [14] * 12),
        article("c", "story", [12] * 10),
        article("d", "story", [10] * 9),
        article("e", "brief", [8] * 5),
    ]
    pages = plan_issue(PRINT, [articles])
    assert pages[0].continuation == 0 and pages[0].masthead and pages[0].rows == 80 - 9
    assert {b.article_id for b in pages[0].blocks if b.starts} == {a.article_id for a in articles}
    assert [p.continuation for p in pages] == list(range(len(pages))) and len(pages) >= 2
    assert pages[0].blocks[0].article_id == "lead" and pages[0].blocks[0].span == 6  # 通栏 at the top
    assert_every_line_once(pages, articles)
    assert_blocks_tile(pages, PRINT)
    assert_jumps_pair(pages)


def test_an_underfull_page_sets_whole_articles_side_by_side():
    articles = [
        article("lead", "lead", [6] * 5),
        article("b", "story", [5] * 4),
        article("c", "story", [5] * 4),
        article("d", "brief", [4] * 2),
        article("e", "brief", [3] * 2),
    ]
    pages = plan_issue(PRINT, [articles])
    assert len(pages) == 1 and all(b.starts and b.ends for b in pages[0].blocks)
    assert max(b.span for b in pages[0].blocks[1:]) < 6  # not a single column of full-width bands
    assert_blocks_tile(pages, PRINT)


def test_each_model_page_starts_a_new_page():
    pages = plan_issue(PRINT, [[article("a", "lead", [5])], [article("b", "lead", [5])], []])
    assert [(p.page_index, p.continuation) for p in pages] == [(0, 0), (1, 0), (2, 0)]
    assert pages[0].masthead and not pages[1].masthead


def test_on_a_one_column_page_text_runs_on_without_jump_lines():
    articles = [article("a", "lead", [10] * 6), article("b", "story", [7] * 3)]
    pages = plan_issue(EREADER, [articles])
    assert len(pages) > 3
    for page in pages:
        for block in page.blocks:
            assert block.jump_in is None and block.jump_out is None
            assert not any(isinstance(f.item, JumpLine) for c in block.columns for f in c)
    assert_every_line_once(pages, articles)
    assert_blocks_tile(pages, EREADER)


def test_shared_rows_keep_short_tiers_whole_and_cap_long_ones():
    assert share_rows([60, 20, 40], [8, 8, 8], [1, 1, 1], 80) == [30, 20, 30]
    assert sum(share_rows([50, 50, 50], [5, 5, 5], [1, 1, 1], 71)) == 71


article_sizes = st.lists(
    st.tuples(
        st.sampled_from(["lead", "story", "brief"]),
        st.lists(st.integers(1, 25), min_size=1, max_size=14),
        st.integers(0, 30),
    ),
    min_size=1,
    max_size=7,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(article_sizes, min_size=1, max_size=3), st.sampled_from([PRINT, EREADER]))
def test_any_issue_is_planned_with_every_line_once(pages_spec, grid):
    tallest = int(grid.rows * 0.75)  # the writer never makes a whole item taller (content.WHOLE_SHARE)
    pages_in = [
        [
            article(f"p{i}a{j}", kind, paras, min(picture, tallest))
            for j, (kind, paras, picture) in enumerate(page)
        ]
        for i, page in enumerate(pages_spec)
    ]
    pages = plan_issue(grid, pages_in)
    for articles in pages_in:
        assert_every_line_once(pages, articles)
    assert_blocks_tile(pages, grid)
    if not grid.flow:
        assert_jumps_pair(pages)


# ---------------------------------------------------------------- the plans of real issues


def test_the_example_front_page(example_pdf):
    front = example_pdf.document.pages[0]
    blocks = {b.article_id: b for b in front.blocks}
    assert set(blocks) == {a.id for a in example_pdf.issue.pages[0].articles}  # every article starts on it
    lead = blocks["p01-01"]
    assert lead.row == 0 and lead.span == 6  # the lead's headline across the page
    for brief in ("p01-02", "p01-03", "p01-04", "p01-05"):
        assert blocks[brief].span <= 3  # briefs in narrower blocks
    notice = blocks["p01-07"]
    assert notice.boxed and notice.ends
    assert_blocks_tile(example_pdf.document.pages, example_pdf.document.geometry.grid())
    assert_jumps_pair(example_pdf.document.pages)


@pytest.mark.parametrize("name", ["example_pdf", "daily_pdf"])
def test_columns_of_a_whole_block_end_level(name, request):
    """Balanced bottoms: in a block of text alone, its columns end within one line of each other."""
    built = request.getfixturevalue(name)
    checked = 0
    for page in built.document.pages:
        for block in page.blocks:
            items = [f.item for c in block.columns for f in c]
            if not block.ends or block.span == 1 or any(not i.breakable and i.lines > 1 for i in items):
                continue  # pictures and subheads are whole: they may leave a column a little short
            bottoms = [max((f.line + f.item.lines for f in c), default=0) for c in block.columns]
            assert max(bottoms) - min(bottoms) <= 1, (block.article_id, bottoms)
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize("name", ["example_pdf", "daily_pdf"])
def test_body_lines_sit_on_one_baseline_grid(name, request):
    """Measured in the PDF: every body-size baseline on a page is a whole number of leadings
    below the top of the text area, so lines align across columns and blocks."""
    built = request.getfixturevalue(name)
    g = built.document.geometry
    body = built.document.styles.size("body")
    face = built.document.context.fonts.face("body").family.replace(" ", "").lower()[:13]  # notoserifcjks
    offsets = set()
    for chars, regions in zip(pdf_chars(built.path), built.regions):
        for region in regions:
            if region.kind != "text":
                continue
            for char in chars.within(region.x0, region.top, region.x1, region.bottom):
                if abs(char.size - body) < 0.01 and face in char.font.lower():
                    offsets.add(round((char.baseline - g.margin_top) % g.leading, 1) % round(g.leading, 1))
    assert len(offsets) == 1, sorted(offsets)


def test_the_ads_block_is_boxed_and_set_smaller(example_pdf):
    page = example_pdf.document.pages[0]
    (notice,) = [b for b in page.blocks if b.article_id == "p01-07"]
    g = example_pdf.document.geometry
    x0 = g.column_x(1, notice.column)
    top = g.height - g.row_y(g.masthead_rows + notice.row)
    width, height = g.span_width(notice.span), notice.rows * g.leading
    import pymupdf

    with pymupdf.open(example_pdf.path) as doc:
        rects = [item[1] for d in doc[0].get_drawings() for item in d["items"] if item[0] == "re"]
    assert any(
        abs(r.x0 - x0) < 3 and abs(r.y0 - top) < 3 and abs(r.width - width) < 6 and abs(r.height - height) < 6
        for r in rects
    ), "no box around the classified ads"
    regions = [r for r in example_pdf.regions[0] if r.article_id == "p01-07" and r.kind == "text"]
    chars = [c for r in regions for c in pdf_chars(example_pdf.path)[0].within(r.x0, r.top, r.x1, r.bottom)]
    assert chars and max(c.size for c in chars) < example_pdf.document.styles.size("body")


def test_figures_at_column_width_with_a_kai_caption(example_pdf):
    g = example_pdf.document.geometry
    import pymupdf

    with pymupdf.open(example_pdf.path) as doc:
        images = [info for page in doc for info in page.get_image_info()]
    assert len(images) == 2
    for info in images:
        assert info["bbox"][2] - info["bbox"][0] == pytest.approx(g.column_width, abs=0.5)
    figures = [r for page in example_pdf.regions for r in page if r.kind == "figure"]
    kai = [
        c
        for i, page in enumerate(example_pdf.regions)
        for r in page
        if r.kind == "figure"
        for c in pdf_chars(example_pdf.path)[i].within(r.x0, r.top, r.x1, r.bottom)
    ]
    assert len(figures) == 2 and kai and all("WenKai" in c.font for c in kai)
