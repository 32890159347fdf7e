"""Articles measured for the page plan: the specs of ``blocks.py`` as column items.

``ArticleContent`` is what the planner (``layout.Content``) asks about an
article: the spans it may take, its headline group across a span, and its
body as items at column width, each a whole number of grid lines.
"""

from __future__ import annotations

from .blocks import BRIEF, LEAD, NOTICE, STORY, ArticleSpec, Para, Picture, Styles
from .geometry import BOX_PADDING, PdfGeometry
from .images import draw_image
from .items import LinesItem, StackItem
from .text import CJKParagraph, TextSpan

HEADER_SHARE = 3  # a headline group taller than a third of the page is set in the flow instead
PICTURE_SHARE = 0.45  # a picture at most this share of the text area's height (print)
PICTURE_SHARE_FLOW = 0.6  # … and on a one-column page
WHOLE_SHARE = 0.6  # an item never split (a picture with its caption) is at most this share of it
WHOLE_SHARE_FLOW = 0.75
REPRISE_CHARS = 14  # a repeated headline is cut to about this many characters per column


class ImageFlowable:
    """An image scaled into a box, centred across the column."""

    def __init__(self, path, width: float, height: float, column_width: float, alt: str = ""):
        self.path = str(path)
        self.image_width = width
        self.height = height
        self.column_width = column_width
        self.alt = alt

    def wrap(self, width, height):
        return self.column_width, self.height

    def drawOn(self, canvas, x, y):
        offset = (self.column_width - self.image_width) / 2
        draw_image(canvas, self.path, x + offset, y, self.image_width, self.height)


class Factory:
    """Makes the typesetter's paragraphs and the layout's items, with the build's fonts."""

    def __init__(self, fonts, geometry: PdfGeometry, styles: Styles):
        self.fonts = fonts
        self.geometry = geometry
        self.styles = styles
        self._prepared: dict[Para, CJKParagraph] = {}

    def paragraph(self, para: Para) -> CJKParagraph:
        """The flowable for ``para``, measured once however often it is set (a headline
        is tried at every span the planner considers). Shared: items wrap it at their
        own width again just before drawing it."""
        flowable = self._prepared.get(para)
        if flowable is None:
            flowable = self._prepared[para] = CJKParagraph(
                list(para.spans), para.style, self.fonts, tag=para.tag
            )
        return flowable

    def forget(self) -> None:
        """Let go of every paragraph measured so far (their pages are drawn)."""
        self._prepared.clear()

    def lines(self, para: Para, width: float, unit: float, *, furniture: bool = False) -> LinesItem:
        return LinesItem.of(
            self.paragraph(para), width, unit, keep_with_next=para.keep_with_next, furniture=furniture
        )

    def stack(
        self,
        paras: list[Para],
        width: float,
        unit: float,
        *,
        before: float = 0.0,
        after: float = 0.0,
        gap: float = 0.0,
        keep_with_next: bool = False,
        furniture: bool = False,
    ) -> StackItem:
        gaps = [0.0] + [gap] * (len(paras) - 1)
        return StackItem(
            [self.paragraph(p) for p in paras],
            width,
            unit,
            space_before=before,
            space_after=after,
            keep_with_next=keep_with_next,
            furniture=furniture,
            gaps=gaps,
        )

    def items(self, body, width: float, unit: float, flow: bool) -> list:
        """The column items of one body spec: most are one item, a long caption makes several."""
        if isinstance(body, Picture):
            return self.picture(body, width, unit, flow)
        if body.tag in ("subhead", "notice-title"):
            before = unit * (0.5 if body.tag == "subhead" else 0.3)
            stack = self.stack([body], width, unit, before=before, keep_with_next=True)
            if stack.height <= self.whole_height(flow):
                return [stack]
        return [self.lines(body, width, unit)]

    def whole_height(self, flow: bool) -> float:
        """The tallest item that is never split: it must fit a column of any page."""
        return self.geometry.text_height * (WHOLE_SHARE_FLOW if flow else WHOLE_SHARE)

    def picture(self, picture: Picture, width: float, unit: float, flow: bool) -> list:
        """The image with its caption and credit under it, floating as one piece; when a
        caption is too long for that, the image keeps with a caption that breaks like text."""
        share = PICTURE_SHARE_FLOW if flow else PICTURE_SHARE
        tallest = self.geometry.text_height * share
        height = width * picture.aspect
        image_width = width
        if height > tallest:
            image_width, height = width * tallest / height, tallest
        image = ImageFlowable(picture.path, image_width, height, width, picture.alt)
        words = [p for p in (picture.caption, picture.credit) if p is not None]
        parts, gaps = [image], [unit * 0.25]
        for para in words:
            parts.append(self.paragraph(para))
            gaps.append(3.0 if para is picture.caption else 1.0)
        whole = StackItem(parts, width, unit, space_after=unit * 0.4, gaps=gaps, floating=True, kind="figure")
        if whole.height <= self.whole_height(flow):
            return [whole]
        alone = StackItem(
            [image], width, unit, space_after=3.0, gaps=gaps[:1], keep_with_next=True, kind="figure"
        )
        return [alone, *(LinesItem.of(self.paragraph(p), width, unit, kind="figure") for p in words)]


# the spans each kind of article may take: (fewest, most); 0: the page's width
_SPAN_LIMITS = {LEAD: (3, 0), STORY: (2, 0), BRIEF: (1, 3), NOTICE: (2, 0)}


class ArticleContent:
    """An article as the planner sees it (``layout.Content``)."""

    def __init__(self, spec: ArticleSpec, factory: Factory):
        self.spec = spec
        self.factory = factory
        self.geometry = factory.geometry
        self.article_id = spec.article.id
        self.kind = spec.layout
        self.title = spec.article.title
        styles = factory.styles
        self.unit = styles.theme.style("notice").leading if spec.boxed else self.geometry.leading
        self.pad_rows = 1 if spec.boxed else 0
        self.flow = self.geometry.columns == 1
        self._headers: dict[int, StackItem | None] = {}
        self._bodies: dict[tuple[float, int], list] = {}

    # ---------------------------------------------------------- spans

    def spans(self, columns: int) -> range:
        if columns == 1:
            return range(1, 2)
        low, high = _SPAN_LIMITS[self.kind]
        high = high or columns
        return range(min(low, columns), min(high, columns) + 1)

    def preferred_span(self, columns: int) -> int:
        if columns == 1:
            return 1
        if self.kind == LEAD:
            return columns
        if self.kind == BRIEF:
            return max(1, columns // 3)
        if self.kind == NOTICE:  # a long run of notices takes the width of the page
            lines = sum(item.lines for item in self.body(columns))
            return columns if lines > 3 * self.geometry.rows else max(2, columns // 3)
        return max(2, columns // 2)

    # ---------------------------------------------------------- parts

    def column_width(self, span: int) -> float:
        return self.geometry.box_column_width(span) if self.spec.boxed else self.geometry.column_width

    def header_width(self, span: int) -> float:
        width = self.geometry.span_width(span)
        return width - 2 * BOX_PADDING if self.spec.boxed else width

    def headline_style(self, span: int) -> str:
        if self.kind == NOTICE or self.kind == BRIEF:
            return "brief-headline"
        if self.kind == LEAD and self.spec.front and (span >= 4 or self.flow):
            return "lead-headline"
        if span >= 3 or self.flow:
            return "headline"
        return "brief-headline"

    def header_paras(self, span: int) -> list[Para]:
        styles = self.factory.styles
        headline = self.headline_style(span)
        paras = []
        for part in self.spec.header:
            style = styles.header(part.tag, headline)
            paras.append(Para((TextSpan(part.text, style.role),), style, part.tag, keep_with_next=True))
        return paras

    def header_stack(self, span: int, width: float, unit: float) -> StackItem | None:
        """The headline group as one item, padded to whole lines of ``unit``."""
        paras = self.header_paras(span)
        if not paras:
            return None
        leading = self.geometry.leading
        return self.factory.stack(
            paras,
            width,
            unit,
            before=leading * 0.4,
            after=leading * 0.45,
            gap=leading * 0.2,
            keep_with_next=True,
        )

    def too_tall(self, stack: StackItem | None) -> bool:
        return stack is not None and stack.height > self.geometry.text_height / HEADER_SHARE

    def header(self, span: int) -> StackItem | None:
        if self.flow:
            return None
        if span not in self._headers:
            stack = self.header_stack(span, self.header_width(span), self.geometry.leading)
            self._headers[span] = None if self.too_tall(stack) else stack
        return self._headers[span]

    def body(self, span: int) -> list:
        width, in_flow = self.column_width(span), self.header(span) is None
        key = (width, span if in_flow else 0)  # the items depend on the span only through these
        if key not in self._bodies:
            self._bodies[key] = self._body(width, in_flow, span)
        return list(self._bodies[key])

    def _body(self, width: float, header_in_flow: bool, span: int) -> list:
        items = []
        if header_in_flow:
            stack = self.header_stack(span, width, self.unit)
            if stack is not None and not self.too_tall(stack):
                items.append(stack)
            else:  # a headline longer than a third of the page breaks like text
                items.extend(self.factory.lines(p, width, self.unit) for p in self.header_paras(span))
        for body in self.spec.body:
            items.extend(self.factory.items(body, width, self.unit, self.flow))
        return items

    def reprise(self, span: int) -> StackItem | None:
        """The headline, short, over a continued part."""
        styles = self.factory.styles
        style = styles.headline("brief-headline")
        limit = REPRISE_CHARS * span
        title = self.title if len(self.title) <= limit else self.title[: limit - 1] + "…"
        para = Para((TextSpan(title, style.role),), style, "reprise")
        leading = self.geometry.leading
        return self.factory.stack(
            [para],
            self.header_width(span),
            leading,
            before=leading * 0.4,
            after=leading * 0.3,
            keep_with_next=True,
            furniture=True,
        )
