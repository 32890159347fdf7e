"""The small parts: cover line filling, links in a book, the zip timestamp."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exporter.typography.cjk import LINE_END_PROHIBITED, LINE_START_PROHIBITED
from exporter.writers._zip import Entry, zip_bytes
from exporter.writers.epub.links import book_href
from exporter.writers.epub.wrap import balanced, clusters, truncate, wrap

ALPHABET = "社会工作事关党长期执政和国家，。、：；！？“”‘’（）《》——……·%0123456789ABCab .-"


def unit(text: str) -> float:
    """Every character one unit wide, Latin ones half."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def test_marks_stay_with_their_neighbours():
    assert clusters("工作，事关（记者") == ["工", "作，", "事", "关", "（记", "者"]
    assert clusters("增长18.4%，再创") == ["增", "长", "18.4%，", "再", "创"]
    assert clusters("新节点——普速") == ["新", "节", "点——", "普", "速"]
    assert clusters("Smart City") == ["Smart", " ", "City"]
    assert clusters("00·‘ 《") == ["00·", "‘ 《"]  # an opening mark keeps what follows, space and all


def test_joined_characters_stay_together():
    # a zero-width joiner, an emoji sequence, a variation selector, a combining accent, a soft hyphen
    assert clusters("中\u200d国家👨\u200d👩\u200d👧好") == ["中\u200d国", "家", "👨\u200d👩\u200d👧", "好"]
    assert clusters("爱❤\ufe0f你cafe\u0301软\u00ad件") == ["爱", "❤\ufe0f", "你", "cafe\u0301", "软\u00ad件"]


def test_no_line_starts_with_a_closing_mark():
    lines = wrap("一二三四五。六七", 5, unit)
    assert [line.text for line in lines] == ["一二三四", "五。六七"]
    assert [line.last for line in lines] == [False, True]


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=ALPHABET, min_size=1, max_size=200), width=st.integers(4, 30))
def test_wrapped_lines_keep_the_rules_and_the_text(text, width):
    assume(all(unit(c) <= width for c in clusters(text)))  # nothing has to be forced apart
    lines = wrap(text, width, unit)
    assert "".join(line.text for line in lines).replace(" ", "") == text.replace(" ", "")
    assert all(line.width <= width for line in lines)
    for before, after in itertools.pairwise(lines):
        assert after.text[0] not in LINE_START_PROHIBITED, (before.text, after.text)
        assert before.text[-1] not in LINE_END_PROHIBITED, (before.text, after.text)
        assert not (before.text.endswith("—") and after.text.startswith("—"))


def gapped(text: str) -> float:
    """``unit`` plus a quarter unit between a Han character and a Latin letter or digit,
    as the cover measures (the gap belongs to neither neighbour)."""
    han = [not c.isascii() and c.isalnum() for c in text]
    latin = [c.isascii() and c.isalnum() for c in text]
    gaps = sum(0.25 for i in range(1, len(text)) if (han[i - 1] and latin[i]) or (latin[i - 1] and han[i]))
    return unit(text) + gaps


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=ALPHABET, min_size=1, max_size=200), width=st.integers(4, 30))
def test_line_widths_grown_piece_by_piece_match_the_whole_line(text, width):
    # wrap adds each piece's width and the gap before it; measured whole, no line is wider
    assume(all(gapped(c) <= width for c in clusters(text)))
    lines = wrap(text, width, gapped)
    assert "".join(line.text for line in lines).replace(" ", "") == text.replace(" ", "")
    assert all(line.width <= width for line in lines)
    for before, after in itertools.pairwise(lines):  # and each line took as much as fits
        if not any(piece.isspace() for piece in after.pieces[:1]) and " " not in text:
            assert gapped(before.text + after.pieces[0]) > width


def test_truncated_text_ends_with_an_ellipsis_inside_the_measure():
    lines = truncate(wrap("社会工作事关党长期执政和国家长治久安" * 5, 10, unit), 2, 10, unit)
    assert len(lines) == 2 and lines[-1].text.endswith("……") and lines[-1].width <= 10


def test_balanced_lines_are_even():
    lines = balanced("凝心聚力推动社会工作高质量发展", 11, unit, 4)
    assert [line.text for line in lines] == ["凝心聚力推动社会", "工作高质量发展"]


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://news.example.cn/a?b=1", "https://news.example.cn/a?b=1"),
        ("/news/1.html", "https://news.example.cn/news/1.html"),
        ("2026/0126.html", "https://news.example.cn/shili/2026/0126.html"),
        ("http://例子.中国/路 径", "http://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%20%E5%BE%84"),
        ("mailto:desk@example.cn", "mailto:desk@example.cn"),
        ("javascript:alert(1)", None),
        ("ftp://example.cn/file", None),
        ("http://[bad", None),
        ("https:///no-host", None),
        ("", None),
    ],
)
def test_links_a_reader_can_follow(href, expected):
    assert book_href(href, "https://news.example.cn/shili/") == expected


def test_relative_links_without_a_base_url_are_dropped():
    assert book_href("/news/1.html", "") is None


def test_zip_timestamps_start_in_1980():
    def stamp(when: dt.datetime) -> tuple[int, ...]:
        with zipfile.ZipFile(io.BytesIO(zip_bytes([Entry.deflated("a", b"x")], when))) as archive:
            return archive.infolist()[0].date_time

    assert stamp(dt.datetime(1970, 1, 1)) == (1980, 1, 1, 0, 0, 0)
    assert stamp(dt.datetime(2026, 1, 26, 9, 30, 15)) == (2026, 1, 26, 9, 30, 14)


def test_zip_entries_read_back_as_written():
    content = {"mimetype": b"application/epub+zip", "EPUB/文字.xhtml": "正文".encode() * 500, "empty": b""}
    entries = [Entry.stored("mimetype", content["mimetype"]),
               Entry.deflated("EPUB/文字.xhtml", content["EPUB/文字.xhtml"]), Entry.deflated("empty", b"")]
    with zipfile.ZipFile(io.BytesIO(zip_bytes(entries, dt.datetime(2026, 1, 26)))) as archive:
        assert archive.testzip() is None  # every CRC checks
        assert archive.namelist() == list(content)
        assert {name: archive.read(name) for name in content} == content
        assert [i.compress_type for i in archive.infolist()] == [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                                                zipfile.ZIP_DEFLATED]
    with pytest.raises(ValueError):
        zip_bytes([Entry.stored("a", b"1"), Entry.stored("a", b"2")], dt.datetime(2026, 1, 26))


def test_an_entry_deflated_once_is_compressed_once_per_content(tmp_path, monkeypatch):
    import zlib

    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))
    content = bytes(range(256)) * 2000
    first = Entry.deflated_once("EPUB/fonts/a.otf", content, level=1)
    assert first == Entry.deflated("EPUB/fonts/a.otf", content, level=1)
    calls = []
    real = zlib.compress
    monkeypatch.setattr(zlib, "compress", lambda *a, **k: calls.append(a) or real(*a, **k))
    again = Entry.deflated_once("EPUB/fonts/b.otf", content, level=1)  # same bytes, another name
    assert calls == [] and again.data == first.data and again.name == "EPUB/fonts/b.otf"
    other = Entry.deflated_once("EPUB/fonts/a.otf", content + b"!", level=1)
    assert len(calls) == 1 and zlib.decompress(other.data, -15) == content + b"!"
    with zipfile.ZipFile(io.BytesIO(zip_bytes([again], dt.datetime(2026, 1, 26)))) as archive:
        assert archive.read("EPUB/fonts/b.otf") == content
