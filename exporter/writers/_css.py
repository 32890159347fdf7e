"""CSS for the reflowable editions (EPUB, web), made from the theme.

The rules of the typography specification §10: CJK font first in every
stack, justified body with a 2-em indent, strict line breaking, punctuation
trimming and Han–Latin autospace where the reader supports them. The class
names are those of ``_xhtml.ArticleRenderer``.
"""

from __future__ import annotations

from typing import Sequence

from ..themes import Theme


def font_stack(theme: Theme, role: str, embedded_family: str | Sequence[str] | None = None) -> str:
    """The CSS font-family list of a role; embedded families (one, or several
    when some characters come from a fallback face) go first."""
    spec = theme.font(role)
    embedded = [embedded_family] if isinstance(embedded_family, str) else list(embedded_family or ())
    families = [f for f in embedded if f] + [spec.family, *spec.css_fallback]
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy"}
    return ", ".join(f if f in generic else f'"{f}"' for f in dict.fromkeys(families))


def font_face_rule(family: str, url: str, fmt: str, weight: str = "normal") -> str:
    return (
        "@font-face {\n"
        f'  font-family: "{family}";\n'
        f'  src: url("{url}") format("{fmt}");\n'
        f"  font-weight: {weight};\n"
        "  font-style: normal;\n"
        "}\n"
    )


def reflow_css(theme: Theme, embedded: dict[str, str | Sequence[str]] | None = None) -> str:
    """The edition's stylesheet. ``embedded`` maps font roles to the family
    name(s) of fonts embedded with ``@font-face`` (the caller writes those rules)."""
    embedded = embedded or {}
    reflow = theme.section("reflow")
    color = theme.color
    body_size = theme.style("body").size
    scale = {name: round(theme.style(name).size / body_size, 3) for name in theme.style_names}

    def stack(role: str) -> str:
        return font_stack(theme, role, embedded.get(role))

    return f"""\
/* Chinese newspaper typography: see docs/typography.md (typography specification §10). */
html {{ -webkit-text-size-adjust: 100%; }}
body {{
  font-family: {stack("body")};
  line-height: {reflow["line_height"]};
  color: {color("text")};
  margin: 0 0.5em;
  widows: 2;
  orphans: 2;
}}
p {{
  margin: 0;
  text-indent: 2em;
  text-align: justify;
  text-justify: inter-character;
  text-align-last: start;
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  hanging-punctuation: none;
  text-spacing-trim: trim-start;
  text-autospace: normal;
}}
@supports (text-spacing-trim: trim-all) {{
  p {{ text-spacing-trim: trim-all; }}
}}
header {{ margin: 1em 0 1.2em; text-align: center; }}
header p, h1, h2, h3, h4, figcaption, .byline, .kicker, .subtitle {{
  text-indent: 0;
  text-align: center;
  text-align-last: center;
  line-break: strict;
}}
.kicker {{ font-size: {scale["kicker"]}em; margin: 0 0 0.2em; }}
h1.title {{
  font-family: {stack("heading")};
  font-weight: bold;
  font-size: {min(scale["headline"], 1.8)}em;
  line-height: 1.35;
  margin: 0.2em 0;
}}
.subtitle {{
  font-family: {stack("body-bold")};
  font-weight: bold;
  font-size: {min(scale["subtitle"], 1.2)}em;
  margin: 0.3em 0;
}}
.byline {{ font-family: {stack("caption")}; color: {color("muted")}; margin: 0.6em 0 0; }}
.dateline {{ font-family: {stack("body-bold")}; font-weight: bold; }}
p > .dateline:first-child {{ margin-right: 0.25em; }}
p.dateline-end {{ text-indent: 0; text-align: end; text-align-last: end; margin-top: 0.5em; }}
h2.subhead, h3.subhead {{
  font-family: {stack("body-bold")};
  font-weight: bold;
  font-size: {scale["subhead"]}em;
  margin: 1.2em 0 0.6em;
  page-break-after: avoid;
  break-after: avoid;
}}
blockquote {{ margin: 0.8em 2em; font-family: {stack("caption")}; }}
ul, ol {{ margin: 0.5em 0 0.5em 2em; padding: 0; }}
li {{ text-align: justify; line-break: strict; }}
figure {{ margin: 1em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }}
figure img {{ max-width: 100%; height: auto; }}
figcaption {{
  font-family: {stack("caption")};
  font-size: {scale["caption"]}em;
  line-height: 1.5;
  margin-top: 0.4em;
  text-align: justify;
  text-align-last: start;
}}
figcaption .credit {{ margin-left: 0.5em; color: {color("muted")}; }}
.kind-notice {{ font-size: {scale["notice"]}em; }}
.kind-notice h1.title {{ font-size: 1.4em; }}
section.notice {{
  border: 1px solid {color("rule")};
  padding: 0.5em 0.8em;
  margin: 0.6em 0;
  page-break-inside: avoid;
  break-inside: avoid;
}}
.notice-title {{ font-family: {stack("heading")}; text-align: center; font-size: 1.1em; margin: 0 0 0.3em; }}
section.notice p {{ text-indent: 2em; }}
a {{ color: inherit; }}
"""
