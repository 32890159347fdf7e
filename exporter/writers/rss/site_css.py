"""The web edition's stylesheet: the shared reflowable CSS (articles) plus the
site's own parts (header, issue index, pager, footer), from the same theme.

Site text is set in two faces only, as ``webfonts.collect_text`` assumes:
names and headings in the heading face, everything else in the body face
at normal weight.
"""

from __future__ import annotations

from ...themes import Theme
from .._css import font_stack, reflow_css
from .webfonts import EMBEDDED


def site_stylesheet(theme: Theme) -> str:
    return reflow_css(theme, EMBEDDED) + _site_css(theme)


def _site_css(theme: Theme) -> str:
    color = theme.color
    heading = font_stack(theme, "heading", EMBEDDED["heading"])
    return f"""
/* The web edition around the articles. */
body.site {{ margin: 0; background: #fff; }}
.site main, .site-header, .site-footer, .masthead, .pager {{
  max-width: 40rem;
  margin-left: auto;
  margin-right: auto;
  padding: 0 1rem;
}}
.site p.site-name, .site p.issue-line, .site .site-footer p, .site .toc p, .site .issue-list,
.site .page-list, .site .pager {{
  text-indent: 0;
  text-align: start;
  text-align-last: auto;
}}
.site-header {{ border-bottom: 2px solid {color("accent")}; padding-top: 0.6rem; padding-bottom: 0.4rem; }}
.site-name, .masthead-name, .page-heading, .section-heading, .toc-title {{
  font-family: {heading};
  font-weight: bold;
}}
.site-name {{ font-size: 1.3em; margin: 0; color: {color("accent")}; }}
.site-name a, .masthead-name a, .toc-title a {{ text-decoration: none; }}
.issue-line {{ margin: 0.2em 0 0; color: {color("muted")}; font-size: 0.9em; }}
.site * + .sep::before {{ content: " · "; }}
.masthead {{ text-align: center; border-bottom: 3px double {color("rule")}; padding-top: 1.2rem; padding-bottom: 0.8rem; }}
.site .masthead p.issue-line {{ text-align: center; text-align-last: center; }}
.masthead-name {{ font-size: 2.6em; margin: 0; color: {color("accent")}; letter-spacing: 0.1em; }}
.page-list {{ margin: 1em 0; font-size: 0.95em; }}
.page-list a {{ margin-right: 1em; white-space: nowrap; display: inline-block; }}
.paper-page {{ margin: 1.5em 0; }}
.page-heading {{
  font-size: 1.15em;
  border-bottom: 1px solid {color("rule")};
  padding-bottom: 0.2em;
  margin: 1em 0 0.6em;
}}
.page-section {{ margin-left: 0.75em; color: {color("accent")}; }}
.section-heading {{ font-size: 1em; margin: 1em 0 0.4em; }}
ul.toc, ul.issue-list {{ list-style: none; margin: 0; padding: 0; }}
.toc-item {{ padding: 0.7em 0; border-bottom: 1px solid #ddd; overflow: hidden; }}
.toc-item:last-child {{ border-bottom: none; }}
.site .toc-title {{ font-size: 1.05em; line-height: 1.45; margin: 0.1em 0; text-align: start; text-align-last: auto; }}
.site h3.toc-title {{ font-size: 1.35em; }}
.toc-kicker, .toc-subtitle {{ margin: 0; font-size: 0.9em; color: {color("muted")}; }}
.site .toc p.toc-summary {{ margin: 0.3em 0 0; font-size: 0.92em; text-align: justify; color: {color("text")}; }}
.toc-picture {{ float: right; width: 38%; margin: 0.3em 0 0.3em 1em; }}
.toc-picture img {{ width: 100%; height: auto; display: block; }}
.issue-entry {{ padding: 0.5em 0; border-bottom: 1px solid #ddd; }}
.issue-date {{ font-weight: normal; margin-right: 0.3em; }}
.issue-lead {{ display: block; color: {color("muted")}; font-size: 0.92em; }}
.pager {{ display: flex; justify-content: space-between; gap: 1em; margin-top: 2rem; padding-top: 0.8rem;
  border-top: 1px solid {color("rule")}; font-size: 0.92em; }}
.pager a {{ text-decoration: none; max-width: 48%; }}
.pager-next {{ margin-left: auto; text-align: end; }}
.pager-label {{ display: block; color: {color("muted")}; font-size: 0.85em; }}
.site-footer {{ margin-top: 2.5rem; padding-top: 0.8rem; padding-bottom: 2rem; border-top: 1px solid {color("rule")};
  color: {color("muted")}; font-size: 0.85em; }}
.site .site-footer p {{ margin: 0.2em 0; }}
.site main article {{ margin-top: 1em; }}
.site h1.title, .masthead-name {{ text-wrap: balance; }}
"""
