"""The cover image: the front page as a reader's library shows it.

Masthead, date with weekday, issue number, the lead story (kicker, headline,
subtitle and the start of its text) and the stories of the other pages,
drawn with Pillow in the issue's own faces (``FontSet.face(role)``; FreeType
reads a .ttc face by its index). A character the role's face lacks is drawn
with the fallback face ``plan_fonts`` chooses; a part that no configured
font can draw is left off the cover, with a warning (the text itself is
still in the book).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from ...diagnostics import Reporter
from ...errors import FontError, Location
from ...fonts.coverage import FORMAT_CHARACTERS, INVISIBLE, FontPlan, TextCollector, plan_fonts
from ...fonts.registry import FontFace, FontSet
from ...model import Article, ArticleKind, DatelinePosition, Issue, Page, Paragraph
from ...themes import Theme
from ...typography.cjk import is_han, is_latin
from ...typography.labels import Labels
from .images import BookImage
from .labels import BookLabels, page_title
from .wrap import Line, balanced, truncate, wrap

WIDTH, HEIGHT = 1600, 2400
MARGIN = 110
PAPER = "#fbfaf5"
COVER_FILE = "images/cover.png"
COVER_ID = "cover-img"
HAN_LATIN_GAP = 0.25  # em
VISIBLE_CHARS = 600  # more than any part of the cover can hold


@dataclass(frozen=True)
class Style:
    role: str
    size: int
    color: str


class CoverText:
    """Text set in one style: which face draws each character, and how wide it is."""

    def __init__(self, text: str, style: Style, fonts: FontSet, where: Location):
        collector = TextCollector()
        collector.add(style.role, text, where)
        plan: FontPlan = plan_fonts(collector, fonts, Reporter())  # fallbacks are reported by the book's plan
        self.text = text
        self.style = style
        self.primary = fonts.face(style.role)
        self.faces = plan.faces.get(style.role, {})
        self._measured: dict[str, float] = {}

    def font(self, char: str):
        return _pillow_font(self.faces.get(char, self.primary), self.style.size)

    def width(self, char: str) -> float:
        if char in FORMAT_CHARACTERS:  # takes no room (the font would give its .notdef's)
            return 0.0
        face = self.faces.get(char, self.primary)
        return _char_width(str(face.path), face.index, self.style.size, char)

    def advances(self, text: str) -> list[tuple[float, float]]:
        """(gap before, width) of each character: a ¼-em gap between Han and
        Latin letters or digits (typography specification §5)."""
        out = []
        previous = ""
        gap = HAN_LATIN_GAP * self.style.size
        for char in text:
            out.append((gap if _han_latin_boundary(previous, char) else 0.0, self.width(char)))
            previous = char
        return out

    def measure(self, text: str) -> float:
        # line filling measures the same pieces over and over
        width = self._measured.get(text)
        if width is None:
            width = self._measured[text] = sum(gap + width for gap, width in self.advances(text))
        return width


def _han_latin_boundary(before: str, after: str) -> bool:
    return bool(before) and {_script(before), _script(after)} == {"han", "latin"}


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    return "han" if is_han(char) else "latin" if is_latin(char) else ""


@lru_cache(maxsize=64)
def _pillow_font_file(path: str, index: int, size: int):
    from PIL import ImageFont

    # Characters are placed one by one (with the Han–Latin gaps), so nothing is
    # left for a shaper to do: FreeType's basic layout measures five times as
    # fast as Raqm, and no process locale can change a glyph.
    return ImageFont.truetype(path, size=size, index=index, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=1 << 16)
def _char_width(path: str, index: int, size: int, char: str) -> float:
    """A character's advance, asked of FreeType once per process."""
    return _pillow_font_file(path, index, size).getlength(char)


def _pillow_font(face: FontFace, size: int):
    return _pillow_font_file(str(face.path), face.index, size)


class Canvas:
    def __init__(self, fonts: FontSet, reporter: Reporter):
        from PIL import Image, ImageDraw

        self.image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
        self.draw = ImageDraw.Draw(self.image)
        self.fonts = fonts
        self.reporter = reporter
        self.y = float(MARGIN)
        self.inks: dict[str, None] = {}  # the colours drawn with, in order

    def text(self, text: str, style: Style, where: Location) -> CoverText | None:
        """The text ready to draw, or None (with a warning) if some character has no face."""
        try:
            return CoverText(text, style, self.fonts, where)
        except FontError as error:
            self.reporter.warning("epub.cover-text-skipped",
                                  f"left off the cover: {error.problems[0].message}", where)
            return None

    def rule(self, thickness: int, color: str, gap_after: int) -> None:
        self.inks[color] = None
        self.draw.rectangle([MARGIN, round(self.y), WIDTH - MARGIN, round(self.y) + thickness - 1], fill=color)
        self.y += thickness + gap_after

    def string(self, text: CoverText, string: str, x: float, baseline: float) -> None:
        """Draw ``string`` (characters of ``text``) from ``x`` on ``baseline``."""
        self.inks[text.style.color] = None
        for char, (gap, width) in zip(string, text.advances(string)):
            x += gap
            if not char.isspace() and char not in INVISIBLE:
                self.draw.text((x, baseline), char, font=text.font(char), fill=text.style.color, anchor="ls")
            x += width

    def lines(self, text: CoverText, lines: list[Line], *, align: str, leading: float,
              width: float = WIDTH - 2 * MARGIN, indent: float = 0.0) -> None:
        for number, line in enumerate(lines):
            self.y += leading
            left = MARGIN + (indent if number == 0 else 0.0)
            room = width - (indent if number == 0 else 0.0)
            gaps = len(line.pieces) - 1
            stretch = 0.0  # added at every break opportunity of a justified line
            if align == "justify" and not line.last and gaps > 0:
                stretch = max(0.0, (room - line.width) / gaps)
            elif align == "center":
                left += (room - line.width) / 2
            x = left
            previous = ""
            for piece in line.pieces:
                if _han_latin_boundary(previous, piece[0]):  # the gap between two pieces
                    x += HAN_LATIN_GAP * text.style.size
                self.string(text, piece, x, self.y)
                x += text.measure(piece) + stretch
                previous = piece[-1]

    def png(self) -> bytes:
        # An indexed image keeps antialiased type smooth at a fraction of the size.
        # Every pixel is the paper, an ink, or an edge blending the two, so the
        # palette is known beforehand: mapping to it is six times faster than
        # letting a quantizer choose one, and keeps each ink exact.
        from PIL import Image

        out = io.BytesIO()
        indexed = self.image.quantize(palette=_palette(PAPER, list(self.inks)), dither=Image.Dither.NONE)
        # zlib level 3: the cover is 20 % larger than at the default 6 (30 KB in a
        # book of 1.7 MB), written in less than half the time
        indexed.save(out, format="PNG", compress_level=3)
        return out.getvalue()


def _palette(paper: str, inks: list[str]):
    """A palette image: the paper, then for each ink the steps from paper to ink."""
    from PIL import Image, ImageColor

    base = ImageColor.getrgb(paper)[:3]
    steps = min(15, 255 // max(1, len(inks)))  # 16 shades of edge per ink: smooth type, small file
    colours = [base]
    for ink in inks:
        rgb = ImageColor.getrgb(ink)[:3]
        colours += [tuple(round(b + (i - b) * k / steps) for b, i in zip(base, rgb))
                    for k in range(1, steps + 1)]
    image = Image.new("P", (1, 1))
    image.putpalette([c for colour in colours for c in colour])
    return image


def draw_cover(issue: Issue, labels: Labels, words: BookLabels, theme: Theme, fonts: FontSet,
               reporter: Reporter) -> BookImage:
    canvas = Canvas(fonts, reporter)
    color = theme.color
    _masthead(canvas, issue, labels, color)
    lead = _lead(issue)
    if lead is not None:
        _lead_story(canvas, lead, color)
        _others(canvas, issue, lead, labels, words, color)
    _footer(canvas, issue, color)
    data = canvas.png()
    return BookImage(COVER_FILE, COVER_ID, "image/png", data, WIDTH, HEIGHT)


def _masthead(canvas: Canvas, issue: Issue, labels: Labels, color) -> None:
    width = WIDTH - 2 * MARGIN
    name = issue.publication.name.strip()
    where = Location(field="publication.name")
    size = 300
    text = canvas.text(name, Style("heading", size, color("accent")), where)
    if text is not None:
        natural = text.measure(name)
        if natural > width:  # shrink long names to the width, down to a third
            size = max(100, int(size * width / natural))
            text = CoverText(name, Style("heading", size, color("accent")), canvas.fonts, where)
        canvas.y += size * 0.05
        canvas.lines(text, balanced(name, width, text.measure, 2), align="center", leading=size * 1.0)
    canvas.y += 60
    canvas.rule(10, color("rule"), 6)
    canvas.rule(3, color("rule"), 0)
    info = Style("sans", 46, color("text"))
    date = canvas.text(labels.long_date(issue.date), info, Location(field="date"))
    canvas.y += 80
    if date is not None:
        canvas.string(date, date.text, MARGIN, canvas.y)
    right = [labels.issue(issue.number)] if issue.number is not None else []
    if issue.edition.strip():
        right.insert(0, issue.edition.strip())
    if right:
        text = canvas.text(" ".join(right), info, Location(field="edition"))
        if text is not None:
            canvas.string(text, text.text, WIDTH - MARGIN - text.measure(text.text), canvas.y)
    canvas.y += 34
    canvas.rule(3, color("rule"), 40)


def _lead(issue: Issue) -> Article | None:
    """The first story of the issue (classified notices only when there is nothing else)."""
    articles = [article for _, article in issue.articles()]
    news = [article for article in articles if article.kind is not ArticleKind.NOTICE]
    return (news or articles or [None])[0]


def _lead_story(canvas: Canvas, article: Article, color) -> None:
    width = WIDTH - 2 * MARGIN
    def at(field: str) -> Location:
        return Location(article=article.id, field=field)

    if article.kicker.strip():
        kicker = canvas.text(article.kicker.strip(), Style("body", 50, color("muted")), at("kicker"))
        if kicker is not None:
            canvas.lines(kicker, truncate(wrap(kicker.text, width, kicker.measure), 1, width, kicker.measure),
                         align="center", leading=70)
            canvas.y += 10
    title = canvas.text(_visible(article.title), Style("heading", 118, color("text")), at("title"))
    if title is not None:
        canvas.lines(title, balanced(title.text, width, title.measure, 4), align="center", leading=150)
        canvas.y += 30
    if article.subtitle.strip():
        sub = canvas.text(article.subtitle.strip(), Style("body-bold", 54, color("text")), at("subtitle"))
        if sub is not None:
            canvas.lines(sub, balanced(sub.text, width, sub.measure, 2), align="center", leading=78)
    canvas.y += 40
    canvas.rule(2, color("muted"), 10)
    lead = _opening_text(article)
    if lead:
        body = canvas.text(lead, Style("body", 48, color("text")), at("blocks"))
        if body is not None:
            room = int((1720 - canvas.y) // 80)
            if room > 0:
                lines = wrap(body.text, width, body.measure, indent=96)
                canvas.lines(body, truncate(lines, room, width, body.measure), align="justify",
                             leading=80, indent=96)


def _opening_text(article: Article) -> str:
    """The dateline (when it leads) and the first paragraphs, as one run of text."""
    parts = []
    if article.dateline is not None and article.dateline.position is DatelinePosition.START:
        parts.append(article.dateline.text + " ")  # the gap the stylesheet gives the dateline
    for block in article.blocks:
        if isinstance(block, Paragraph) and block.text.strip():
            parts.append(block.text.strip())
            if sum(map(len, parts)) > 400:
                break
    return _visible("".join(parts))


def _visible(text: str) -> str:
    """As much of ``text`` as a few cover lines can show (the rest is cut with ……)."""
    return text.strip()[:VISIBLE_CHARS]


def _others(canvas: Canvas, issue: Issue, lead: Article, labels: Labels, words: BookLabels, color) -> None:
    entries = _other_stories(issue, lead)
    if not entries:
        return
    canvas.y = max(canvas.y + 40, 1760)
    canvas.rule(8, color("accent"), 0)
    heading = canvas.text(words.in_this_issue, Style("heading", 52, color("accent")), Location())
    if heading is not None:
        canvas.lines(heading, wrap(heading.text, WIDTH, heading.measure), align="start", leading=86)
    canvas.y += 10
    width = WIDTH - 2 * MARGIN - 300
    for page, article in entries:
        if canvas.y > 2160:
            break
        label = canvas.text(page_title(page.number, page.label, "", labels), Style("sans", 40, color("accent")),
                            Location(field="pages"))
        title = canvas.text(_visible(article.title), Style("sans", 44, color("text")),
                            Location(article=article.id, field="title"))
        canvas.y += 70
        if label is not None:
            canvas.string(label, label.text, MARGIN, canvas.y)
        if title is not None:
            for line in truncate(wrap(title.text, width, title.measure), 1, width, title.measure):
                canvas.string(title, line.text, MARGIN + 300, canvas.y)


def _other_stories(issue: Issue, lead: Article) -> list[tuple[Page, Article]]:
    """Page leads first, then the other stories, skipping notices; at most six."""
    pages_first = [(p, p.articles[0]) for p in issue.pages if p.articles]
    rest = [(p, a) for p, a in issue.articles()]
    chosen: list[tuple[Page, Article]] = []
    for page, article in pages_first + rest:
        if article is lead or article.kind is ArticleKind.NOTICE or any(a is article for _, a in chosen):
            continue
        chosen.append((page, article))
    return chosen[:6]


def _footer(canvas: Canvas, issue: Issue, color) -> None:
    pub = issue.publication
    parts = [pub.publisher.strip()] + [f"{c.label} {c.value}".strip() for c in pub.codes]
    line = "  ".join(p for p in parts if p)
    if not line:
        return
    canvas.y = HEIGHT - MARGIN - 40
    canvas.rule(2, color("rule"), 0)
    text = canvas.text(line, Style("sans", 32, color("muted")), Location(field="publication"))
    if text is not None:
        width = WIDTH - 2 * MARGIN
        canvas.lines(text, truncate(wrap(text.text, width, text.measure), 1, width, text.measure),
                     align="center", leading=60)
