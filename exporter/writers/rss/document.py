"""HTML documents and fragments: one place that builds and serialises them.

lxml's HTML serialiser escapes text and attributes and closes every
element; nothing here concatenates markup by hand.
"""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

E = ElementMaker()


def html_document(
    *, lang: str, title: str, head: list[etree._Element], body: list[etree._Element], body_class: str
) -> bytes:
    root = E.html(
        E.head(
            E.meta(charset="utf-8"),
            E.meta(name="viewport", content="width=device-width, initial-scale=1"),
            E.title(title),
            *head,
        ),
        E.body(*body, {"class": body_class}),
        lang=lang,
    )
    return etree.tostring(root, method="html", encoding="utf-8", pretty_print=True, doctype="<!DOCTYPE html>")


def fragment(element: etree._Element) -> str:
    return etree.tostring(element, method="html", encoding="unicode")


def stylesheet(href: str) -> etree._Element:
    return E.link(rel="stylesheet", href=href)


def feed_links(prefix: str, title: str) -> list[etree._Element]:
    """The ``<link rel=alternate>`` that lets browsers and readers find the feeds."""
    return [
        E.link(rel="alternate", type="application/rss+xml", title=f"{title} (RSS)", href=f"{prefix}rss.xml"),
        E.link(rel="alternate", type="application/atom+xml", title=f"{title} (Atom)", href=f"{prefix}atom.xml"),
    ]


def classed(tag: str, css_class: str, *children, **attributes) -> etree._Element:
    return getattr(E, tag)(*children, {"class": css_class}, **attributes)
