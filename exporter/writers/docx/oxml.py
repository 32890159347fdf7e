"""The only XML-level code of the DOCX writer: what python-docx has no API for.

Each helper writes one small piece of WordprocessingML, named after what it
means, and inserts every element at its place in the schema's sequence
(ECMA-376 Part 1 §17.3.1.26 pPr, §17.3.2.28 rPr, §17.15.1.78 settings), so that
Word, which validates the order, opens the result. python-docx's element
classes (``CT_PPr``, ``CT_RPr``) declare only some children; the sequences
below are the schema's full lists.
"""

from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# -------------------------------------------------------- schema sequences

PPR_SEQUENCE = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)

RPR_SEQUENCE = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)

SETTINGS_SEQUENCE = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts",
    "w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins",
    "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop", "w:hideSpellingErrors", "w:hideGrammaticalErrors", "w:activeWritingStyle",
    "w:proofState", "w:formsDesign", "w:attachedTemplate", "w:linkStyles",
    "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
    "w:defaultTabStop", "w:autoHyphenation", "w:consecutiveHyphenLimit", "w:hyphenationZone",
    "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle",
    "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin", "w:doNotShadeFormData", "w:noPunctuationKerning",
    "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags", "w:alwaysMergeEmptyNamespace",
    "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
    "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
    "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)

SECTPR_SEQUENCE = (
    "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
    "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt",
    "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
    "w:docGrid", "w:printerSettings", "w:sectPrChange",
)

_SPACE = re.compile(r"\s")

_SEQUENCES = {"w:pPr": PPR_SEQUENCE, "w:rPr": RPR_SEQUENCE, "w:settings": SETTINGS_SEQUENCE,
              "w:sectPr": SECTPR_SEQUENCE}


def _tag_of(element: etree._Element) -> str:
    """``w:pPr`` for an element of the main namespace."""
    return "w:" + etree.QName(element).localname


def child(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """The ``tag`` child of ``parent``, created at its place in the schema's
    sequence if missing; ``attributes`` (``w:`` names without the prefix) are set."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        order = _SEQUENCES[_tag_of(parent)]
        successors = order[order.index(tag) + 1:]
        following = next((c for c in parent if _tag_name(c) in successors), None)
        if following is None:
            parent.append(element)
        else:
            following.addprevious(element)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _tag_name(element: etree._Element) -> str:
    if not isinstance(element.tag, str):  # a comment or processing instruction
        return ""
    qname = etree.QName(element)
    prefix = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
              "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
              "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "sl"}.get(qname.namespace, "")
    return f"{prefix}:{qname.localname}"


def document_defaults(styles: etree._Element) -> tuple[etree._Element, etree._Element]:
    """The ``w:rPr`` and ``w:pPr`` of ``<w:docDefaults><w:rPrDefault><w:rPr/>…
    <w:pPrDefault><w:pPr/>…``, created when missing (python-docx has no element class)."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    found = []
    for holder_tag, tag in (("w:rPrDefault", "w:rPr"), ("w:pPrDefault", "w:pPr")):
        holder = defaults.find(qn(holder_tag))
        if holder is None:
            holder = OxmlElement(holder_tag)
            if holder_tag == "w:rPrDefault":
                defaults.insert(0, holder)
            else:
                defaults.append(holder)
        properties = holder.find(qn(tag))
        if properties is None:
            properties = OxmlElement(tag)
            holder.append(properties)
        found.append(properties)
    return found[0], found[1]


# -------------------------------------------------------- run properties


def set_typeface(rpr: etree._Element, family: str, east_asian_hint: bool = True) -> None:
    """``<w:rFonts w:ascii=F w:hAnsi=F w:eastAsia=F w:cs=F w:hint="eastAsia"/>``.

    The eastAsia slot is what Word uses for Han characters; python-docx only
    sets ascii/hAnsi. The hint makes the characters Unicode shares between
    Latin and CJK (“ ” ‘ ’ … — ·) take the East Asian face (spec §8)."""
    fonts = child(rpr, "w:rFonts")
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), family)
    for theme_slot in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme_slot}"), None)
    if east_asian_hint:
        fonts.set(qn("w:hint"), "eastAsia")
    else:
        fonts.attrib.pop(qn("w:hint"), None)


def set_language(rpr: etree._Element, east_asian: str, latin: str = "en-US") -> None:
    """``<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>``: the language
    Word uses to pick glyph forms and line-break rules for Han text."""
    child(rpr, "w:lang", val=latin, eastAsia=east_asian, bidi="ar-SA")


def set_size(rpr: etree._Element, points: float) -> None:
    """``<w:sz w:val=N/><w:szCs w:val=N/>`` in half-points (10.5 pt = 21)."""
    half_points = str(round(points * 2))
    child(rpr, "w:sz", val=half_points)
    child(rpr, "w:szCs", val=half_points)


def set_bold(rpr: etree._Element) -> None:
    """``<w:b/><w:bCs/>``."""
    child(rpr, "w:b")
    child(rpr, "w:bCs")


# -------------------------------------------------------- paragraph properties


def set_east_asian_line_rules(ppr: etree._Element) -> None:
    """The line rules of spec §3–§5 (kinsoku and the Han–Latin gap):

    ``<w:kinsoku w:val="1"/><w:wordWrap w:val="1"/><w:overflowPunct w:val="0"/>
    <w:topLinePunct w:val="1"/><w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/>
    <w:adjustRightInd w:val="0"/><w:snapToGrid w:val="0"/>``"""
    for tag, value in (
        ("w:kinsoku", "1"),  # no 、，。 at line start, no “（ at line end
        ("w:wordWrap", "1"),  # Latin words are not broken
        ("w:overflowPunct", "0"),  # no hanging punctuation
        ("w:topLinePunct", "1"),  # an opening mark at line start loses its blank
        ("w:autoSpaceDE", "1"),  # gap between Han and Latin letters
        ("w:autoSpaceDN", "1"),  # gap between Han and digits
        ("w:adjustRightInd", "0"),
        ("w:snapToGrid", "0"),  # the character grid would undo compression and justification
    ):
        child(ppr, tag, val=value)


def set_line_spacing(ppr: etree._Element, multiple: float) -> None:
    """``<w:spacing w:line=N w:lineRule="auto"/>``, N in 240ths of a line."""
    child(ppr, "w:spacing", line=str(round(multiple * 240)), lineRule="auto")


def set_first_line_chars(ppr: etree._Element, chars: float, size: float) -> None:
    """``<w:ind w:firstLineChars="200" w:firstLine="420"/>``: a first-line indent of
    ``chars`` characters, with the same length in twips for readers that ignore
    the character unit (2 × 10.5 pt = 420 twips)."""
    ind = child(ppr, "w:ind")
    ind.set(qn("w:firstLineChars"), str(round(chars * 100)))
    ind.set(qn("w:firstLine"), str(round(chars * size * 20)))
    for name in ("hanging", "hangingChars"):
        ind.attrib.pop(qn(f"w:{name}"), None)


def set_side_indent_chars(ppr: etree._Element, chars: float, size: float) -> None:
    """``<w:ind w:leftChars w:left w:rightChars w:right/>``: both sides indented."""
    ind = child(ppr, "w:ind")
    for side in ("left", "right"):
        ind.set(qn(f"w:{side}Chars"), str(round(chars * 100)))
        ind.set(qn(f"w:{side}"), str(round(chars * size * 20)))


def set_numbering(ppr: etree._Element, num_id: int, level: int = 0) -> None:
    """``<w:numPr><w:ilvl w:val=L/><w:numId w:val=N/></w:numPr>``."""
    num_pr = child(ppr, "w:numPr")
    for element in list(num_pr):
        num_pr.remove(element)
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.extend([ilvl, num])


# -------------------------------------------------------- settings and section


def set_character_spacing_control(settings: etree._Element, value: str) -> None:
    """``<w:characterSpacingControl w:val="compressPunctuation"/>`` (spec §4):
    Word removes the blank of adjacent full-width marks and at line ends."""
    child(settings, "w:characterSpacingControl", val=value)


def set_theme_font_language(settings: etree._Element, east_asian: str) -> None:
    """``<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>``."""
    child(settings, "w:themeFontLang", val="en-US", eastAsia=east_asian)


def set_line_grid(sect_pr: etree._Element, pitch_twips: int) -> None:
    """``<w:docGrid w:linePitch=N/>`` with no ``w:type``: no character grid, which
    would override punctuation compression and justification (spec §11)."""
    grid = child(sect_pr, "w:docGrid", linePitch=str(pitch_twips))
    grid.attrib.pop(qn("w:type"), None)
    grid.attrib.pop(qn("w:charSpace"), None)


def add_numbering_instance(numbering: etree._Element, abstract_id: int, num_id: int) -> None:
    """A new ``<w:num>`` over ``abstract_id`` that starts again at 1:
    ``<w:num w:numId=N><w:abstractNumId w:val=A/><w:lvlOverride w:ilvl="0">
    <w:startOverride w:val="1"/></w:lvlOverride></w:num>``."""
    num = numbering.add_num(abstract_id)
    num.numId = num_id
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)


def numbering_instances(numbering: etree._Element) -> list[int]:
    """The ``w:numId`` of every ``<w:num>``."""
    return [int(n) for n in numbering.xpath("w:num/@w:numId")]


# -------------------------------------------------------- body content


def new_container() -> etree._Element:
    """A ``<w:body>`` outside any document, to build paragraphs in before they
    are moved into a document's body."""
    return OxmlElement("w:body")


def append_paragraph(parent: etree._Element, style_id: str) -> etree._Element:
    """``<w:p><w:pPr><w:pStyle w:val=S/></w:pPr></w:p>`` at the end of ``parent``.

    Paragraphs are built whole in a container and then moved into the body:
    python-docx's ``add_paragraph``, its property setters and even
    ``body.sectPr`` look for their place among the body's children from the
    first one on every call, which makes a long document quadratic. Elements
    are made with lxml's ``SubElement`` (python-docx's element classes still
    apply), much faster than ``OxmlElement``."""
    paragraph = _sub(parent, _P)
    _sub(_sub(paragraph, _PPR), _PSTYLE, {_VAL: style_id})
    return paragraph


def append_hyperlink(paragraph: etree._Element, relationship_id: str) -> etree._Element:
    """``<w:hyperlink r:id=R w:history="1"/>`` at the end of the paragraph; the
    caller appends the link's runs to it."""
    return _sub(paragraph, qn("w:hyperlink"), {qn("r:id"): relationship_id, qn("w:history"): "1"})


def append_run(parent: etree._Element, text: str = "", style_id: str | None = None) -> etree._Element:
    """``<w:r><w:rPr><w:rStyle w:val=S/></w:rPr><w:t xml:space="preserve">text</w:t></w:r>``
    at the end of a paragraph or hyperlink; the text keeps its spaces."""
    run = _sub(parent, _R)
    if style_id:
        _sub(_sub(run, _RPR), _RSTYLE, {_VAL: style_id})
    if text:
        t = _sub(run, _T)
        t.text = text
        if _SPACE.search(text):  # Word may drop or merge spaces that are not marked as kept
            t.set(_XML_SPACE, "preserve")
    return run


_sub = etree.SubElement
_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _VAL = (
    qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:rStyle", "w:t", "w:val")
)
_XML_SPACE = qn("xml:space")


def run_properties(run: etree._Element) -> etree._Element:
    """The run's ``w:rPr`` (its first child), created when missing."""
    properties = run.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run.insert(0, properties)
    return properties


def describe_picture(inline: etree._Element, description: str) -> None:
    """``<wp:docPr … descr="…"/>``: the alternative text Word and screen readers show."""
    inline.docPr.set("descr", description)


# -------------------------------------------------------- whole parts


def without_comments(data: bytes) -> bytes:
    """An XML part of the template without its comments and blank text, as Word writes them."""
    parser = etree.XMLParser(remove_comments=True, remove_blank_text=True, resolve_entities=False)
    root = etree.fromstring(data, parser)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# The format id every custom document property carries (MS-OLEPS, FMTID_UserDefinedProperties).
_USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def extended_properties(values: Iterable[tuple[str, str]]) -> bytes:
    """docProps/app.xml: ``<Properties><Application>…</Application><Characters>…`` in order."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED, "vt": _VT})
    for name, value in values:
        etree.SubElement(root, f"{{{_EXTENDED}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def custom_properties(values: Iterable[tuple[str, int | str]]) -> bytes:
    """docProps/custom.xml: ``<property fmtid=… pid=N name="字数"><vt:i4>1234</vt:i4></property>``
    (integers as ``vt:i4``, text as ``vt:lpwstr``); pids start at 2 as the format requires."""
    root = etree.Element(f"{{{_CUSTOM}}}Properties", nsmap={None: _CUSTOM, "vt": _VT})
    for pid, (name, value) in enumerate(values, start=2):
        prop = etree.SubElement(root, f"{{{_CUSTOM}}}property", fmtid=_USER_DEFINED, pid=str(pid), name=name)
        kind = "i4" if isinstance(value, int) else "lpwstr"
        etree.SubElement(prop, f"{{{_VT}}}{kind}").text = str(value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def font_table(fonts: Iterable[tuple[str, str]]) -> bytes:
    """word/fontTable.xml: for each (family, generic) ``<w:font w:name=F><w:charset w:val="86"/>
    <w:family w:val="roman|swiss|script"/><w:pitch w:val="variable"/></w:font>``.

    Charset 86 (GB 2312) tells Word, on a machine without the face, to substitute
    a Simplified Chinese one of the same kind (宋体 for roman, 黑体 for swiss)."""
    root = etree.Element(f"{{{_W}}}fonts", nsmap={"w": _W})
    for family, generic in fonts:
        font = etree.SubElement(root, f"{{{_W}}}font", {f"{{{_W}}}name": family})
        etree.SubElement(font, f"{{{_W}}}charset", {f"{{{_W}}}val": "86"})
        etree.SubElement(font, f"{{{_W}}}family", {f"{{{_W}}}val": generic})
        etree.SubElement(font, f"{{{_W}}}pitch", {f"{{{_W}}}val": "variable"})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
