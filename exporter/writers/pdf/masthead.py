"""The masthead (报头) of the first page: the paper's name large, and beside it
the date with the weekday, the issue number and the publication codes."""

from __future__ import annotations

from dataclasses import replace

from ...model import Issue
from ...typography.labels import Labels
from .blocks import Styles
from .geometry import PdfGeometry
from .text import ParaStyle, TextSpan, draw_text, measure_text

THICK_RULE = 2.0
THIN_RULE = 0.5


def masthead_lines(issue: Issue, labels: Labels) -> list[str]:
    """The small lines beside the name, top to bottom."""
    pub = issue.publication
    first = labels.long_date(issue.date)
    second = " ".join(
        t for t in (labels.issue(issue.number) if issue.number is not None else "", issue.edition) if t
    )
    codes = "  ".join(f"{c.label} {c.value}".strip() for c in pub.codes)
    third = codes or pub.publisher
    return [line for line in (first, second, third) if line]


class Masthead:
    def __init__(self, geometry: PdfGeometry, fonts, styles: Styles, rule_color: str, accent: str):
        self.geometry = geometry
        self.fonts = fonts
        self.styles = styles
        self.rule_color = rule_color
        self.accent = accent

    def draw(self, canvas, number: int, issue: Issue, labels: Labels) -> None:
        """The name on the left, the small lines on the right; centred one over the other on a narrow page."""
        g = self.geometry
        styles = self.styles
        centred = g.columns == 1
        left, top, width = g.left(number), g.top, g.frame_width
        rules_y = top - g.masthead_rows * g.leading + g.leading * 0.5
        info_style = styles.para("running-head", align="center" if centred else "right")
        lines = masthead_lines(issue, labels)
        name_style = self._fitted(
            styles.para("masthead", align="center" if centred else "left"),
            issue.publication.name,
            width if centred else width * 0.6,
        )
        name = [TextSpan(issue.publication.name, name_style.role)]
        info_height = len(lines) * info_style.leading
        if centred:
            baseline = top - name_style.leading * 0.8
            draw_text(canvas, left, baseline, name, name_style, self.fonts, width)
            y = baseline - name_style.leading * 0.2 - info_style.leading * 0.9
        else:
            draw_text(
                canvas, left, rules_y + 6.0 + name_style.size * 0.12, name, name_style, self.fonts, width
            )
            y = rules_y + 6.0 + info_height - info_style.leading * 0.8
        for line in lines:
            draw_text(canvas, left, y, [TextSpan(line, info_style.role)], info_style, self.fonts, width)
            y -= info_style.leading
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(THICK_RULE)
        canvas.line(left, rules_y, left + width, rules_y)
        canvas.setStrokeColor(self.rule_color)
        canvas.setLineWidth(THIN_RULE)
        canvas.line(left, rules_y - 2.5, left + width, rules_y - 2.5)

    def _fitted(self, style: ParaStyle, text: str, width: float) -> ParaStyle:
        """The masthead style, smaller if a long name would not fit ``width``."""
        natural = measure_text([TextSpan(text, style.role)], style, self.fonts)
        if natural <= width or natural == 0:
            return style
        scale = width / natural
        return replace(style, size=style.size * scale, leading=style.leading * scale)
