"""The EPUB opened as a reading system opens it: every article once, in
order, in the spine and in both navigations, with its text intact; language
on every document; alt text on every picture; pictures where they point."""

from __future__ import annotations

import io

import pytest

from exporter.load import load_issue
from tests.epub.expect import article_elements, book_tokens, model_tokens, page_label
from tests.epub.reading import NS, XML_LANG, Epub

X = f"{{{NS['x']}}}"
CASES = [("example", "example_dir"), ("daily", "daily_issue"), ("stress", "stress_issue")]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def case(request):
    """(the built EPUB, the issue model it was built from)."""
    book_fixture, source_fixture = request.param
    epub = request.getfixturevalue(book_fixture)
    issue = load_issue(request.getfixturevalue(source_fixture)).issue
    return epub, issue


def test_spine_holds_every_article_once_in_reading_order(case):
    epub, issue = case
    ids = [element.get("id") for _, element in article_elements(epub)]
    assert ids == [f"a-{article.id}" for _, article in issue.articles()]


def test_spine_starts_with_cover_title_page_and_contents(case):
    epub, _ = case
    first = [item.href.rsplit("/", 1)[-1] for item in epub.spine[:3]]
    assert first == ["cover.xhtml", "titlepage.xhtml", "nav.xhtml"]


def expected_navigation(epub: Epub, issue) -> list[tuple[int, str, str]]:
    where = {a.get("id"): path for path, a in article_elements(epub)}
    entries = []
    for page in issue.pages:
        if not page.articles:
            continue
        first_document = where[f"a-{page.articles[0].id}"]
        entries.append((1, page_label(page), first_document))
        entries.extend((2, a.title, f"{where['a-' + a.id]}#a-{a.id}") for a in page.articles)
    return entries


def test_navigation_lists_pages_then_their_articles(case):
    epub, issue = case
    assert epub.nav_links("toc") == expected_navigation(epub, issue)


def test_ncx_matches_the_navigation(case):
    epub, issue = case
    assert epub.ncx_points() == expected_navigation(epub, issue)
    ncx = next(i for i in epub.manifest.values() if i.media_type == "application/x-dtbncx+xml")
    root = epub.xml(ncx.href)
    uid = root.find("ncx:head/ncx:meta[@name='dtb:uid']", NS).get("content")
    assert uid == epub.metadata("dc:identifier")[0]
    depth = root.find("ncx:head/ncx:meta[@name='dtb:depth']", NS).get("content")
    assert depth == "2"


def test_landmarks_point_at_cover_contents_and_first_article(case):
    epub, _ = case
    links = {text: target for _, text, target in epub.nav_links("landmarks")}
    nav = epub.xml(epub.nav_path)
    types = [a.get(f"{{{NS['epub']}}}type") for a in nav.find(".//x:nav[@epub:type='landmarks']", NS).iter(f"{X}a")]
    assert types == ["cover", "toc", "bodymatter"]
    first_article = article_elements(epub)[0][0]
    assert links == {"封面": epub.spine[0].href, "目录": epub.nav_path, "正文": first_article}


# ------------------------------------------------------------------ text


def test_every_article_text_is_intact(case):
    epub, issue = case
    elements = {e.get("id"): e for _, e in article_elements(epub)}
    for _, article in issue.articles():
        assert book_tokens(elements[f"a-{article.id}"]) == model_tokens(article), article.id


def test_emphasis_strong_and_links_survive(stress):
    root = stress.xml("EPUB/text/p01-01.xhtml")
    strong = [e.text for e in root.iter(f"{X}strong")]
    em = ["".join(e.itertext()) for e in root.iter(f"{X}em")]
    assert "。粗体" in strong and "与斜体" in em and "及粗斜体链接" in em


# ------------------------------------------------------------------ language, pictures


def test_every_document_carries_the_language(case):
    epub, issue = case
    language = issue.publication.language
    assert epub.metadata("dc:language") == [language]
    for item in epub.documents():
        root = epub.xml(item.href)
        assert (root.get("lang"), root.get(XML_LANG)) == (language, language), item.href


def test_every_picture_has_alt_text_and_resolves(case):
    epub, _ = case
    from PIL import Image

    by_path = {i.href: i for i in epub.manifest.values()}
    pictures = 0
    for item in epub.documents():
        for img in epub.xml(item.href).iter(f"{X}img"):
            pictures += 1
            assert (img.get("alt") or "").strip(), (item.href, img.get("src"))
            target = by_path[epub.resolve(img.get("src"), item.href)]
            with Image.open(io.BytesIO(epub.read(target.href))) as image:
                assert Image.MIME[image.format] == target.media_type
                # the size given to the reader has the picture's proportions
                ratio = int(img.get("width")) / int(img.get("height"))
                assert ratio == pytest.approx(image.width / image.height, rel=0.02), target.href
    assert pictures >= 1  # at least the cover


def test_figures_keep_caption_and_credit(example):
    root = example.xml("EPUB/text/p01-06.xhtml")
    captions = [
        [(span.get("class"), span.text) for span in fig.find("x:figcaption", NS)]
        for fig in root.iter(f"{X}figure")
    ]
    assert captions[0] == [("caption", "市民在K303次列车旁拍照留念。"), ("credit", "新华社记者 吴鲁 摄")]
    alts = [img.get("alt") for img in root.iter(f"{X}img")]
    assert alts[0] == "K303次列车停在广州站站台，市民在车旁拍照留念"


def test_pictures_are_stored_once_under_stable_names(stress):
    images = sorted(i.href for i in stress.manifest.values() if i.media_type.startswith("image/"))
    assert images == ["EPUB/images/cover.png", "EPUB/images/p01-01-1.jpg", "EPUB/images/p01-01-2.png"]
    # the photo used by the lead and by a brief is one file; the BMP became a PNG
    srcs = {img.get("src") for item in stress.documents() for img in stress.xml(item.href).iter(f"{X}img")}
    assert "../images/p01-01-1.jpg" in srcs and not any(s.endswith(".bmp") for s in srcs)


def test_picture_without_alt_or_caption_is_described_by_its_article(stress):
    root = stress.xml("EPUB/text/p01-01.xhtml")
    first = next(root.iter(f"{X}img"))
    assert first.get("alt").startswith("配图：超长标题")
