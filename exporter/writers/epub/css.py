"""The e-book's stylesheet: embedded fonts, the shared reflowable CSS of the
theme (``_css.reflow_css``, the same as the web edition's), and the rules for
the pages only the e-book has: cover, title page, contents and page labels."""

from __future__ import annotations

from ...themes import Theme
from .._css import font_stack, reflow_css
from .fonts import Embedding

STYLESHEET = "css/edition.css"
FONTS_FROM_STYLESHEET = "../fonts"


def book_css(theme: Theme, embedding: Embedding | None) -> str:
    families = embedding.families if embedding else {}

    def stack(role: str) -> str:
        return font_stack(theme, role, families.get(role))

    color = theme.color
    brief_title = min(round(theme.style("brief-headline").size / theme.style("body").size, 3), 1.4)
    faces = embedding.font_face_css(FONTS_FROM_STYLESHEET) if embedding else ""
    return (
        faces
        + reflow_css(theme, families)
        + f"""\
/* Where supported: no lone character on a paragraph's last line (spec §7, 孤字),
   and headlines broken into lines of even length. */
p {{ text-wrap: pretty; }}
h1.title, .subtitle, .kicker {{ text-wrap: balance; }}
/* Pages of the e-book itself. */
.page-label {{
  font-family: {stack("heading")};
  font-weight: bold;
  text-indent: 0;
  text-align: start;
  border-bottom: 2px solid {color("accent")};
  color: {color("accent")};
  margin: 0 0 0.8em;
  padding-bottom: 0.2em;
  line-height: 1.4;
}}
.page-label .page-section {{ margin-left: 0.75em; }}
.kind-brief h1.title {{ font-size: {brief_title}em; }}
.kind-brief + .kind-brief {{ border-top: 1px solid {color("rule")}; margin-top: 1.2em; }}
body.cover {{ margin: 0; padding: 0; text-align: center; }}
body.cover img {{ max-width: 100%; max-height: 100vh; height: auto; }}
section.titlepage {{ text-align: center; margin-top: 3em; }}
section.titlepage p {{ text-indent: 0; text-align: center; text-align-last: center; margin: 0.4em 0; }}
.titlepage .masthead {{
  font-family: {stack("heading")};
  font-weight: bold;
  font-size: 2.6em;
  line-height: 1.25;
  color: {color("accent")};
  margin: 0 0 0.4em;
  border-bottom: 3px double {color("rule")};
  padding-bottom: 0.3em;
}}
.titlepage .issue-line {{ font-size: 1.1em; }}
.titlepage .edition {{ font-family: {stack("body-bold")}; font-weight: bold; }}
.titlepage .publisher {{ margin-top: 2em; }}
.titlepage .codes, .titlepage .copyright {{ font-size: 0.8em; color: {color("muted")}; }}
nav ol {{ list-style: none; padding: 0; margin: 0 0 0 1em; }}
nav h2 {{ font-family: {stack("heading")}; text-align: center; }}
nav li {{ margin: 0.3em 0; line-height: 1.5; text-wrap: pretty; }}
nav > ol > li > a {{ font-weight: bold; color: {color("accent")}; }}
nav a {{ text-decoration: none; }}
"""
    )
