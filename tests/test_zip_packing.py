"""Pictures in the Word files and the EPUB: stored when deflate would hardly
shrink them (a photo's JPEG), deflated otherwise, and always read back whole."""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import zipfile

from PIL import Image

from exporter.writers._zip import PROBE_FROM, Entry, zip_bytes
from tests.conftest import run_build

PHOTO = "images/k303-departure.jpg"  # in the example issue, on the front page
SMALL = "images/k303-platform.jpg"  # 10 KB: below the size that is probed


def noise_photo(width: int = 900, height: int = 600) -> bytes:
    """A JPEG as a camera makes it: fine detail everywhere, so its data is dense."""
    pixels = random.Random(7).randbytes(width * height * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), pixels).save(out, format="JPEG", quality=90)
    return out.getvalue()


def test_data_deflate_cannot_shrink_is_stored_and_the_rest_deflated():
    dense = random.Random(1).randbytes(200_000)
    text = "新华社广州1月25日电 春运首日，K303次列车准点发车。".encode() * 4000
    small = random.Random(2).randbytes(PROBE_FROM - 1)
    entries = [Entry.packed("photo.jpg", dense), Entry.packed("page.xhtml", text), Entry.packed("small.jpg", small)]
    with zipfile.ZipFile(io.BytesIO(zip_bytes(entries, dt.datetime(2026, 1, 26)))) as archive:
        assert archive.testzip() is None
        assert [i.compress_type for i in archive.infolist()] == [
            zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED]
        assert [archive.read(n) for n in ("photo.jpg", "page.xhtml", "small.jpg")] == [dense, text, small]
        assert archive.getinfo("page.xhtml").compress_size < len(text) / 10


def test_a_photo_is_stored_in_the_epub_and_the_word_files_and_read_back_whole(example_dir, tmp_path):
    source = tmp_path / "issue"
    shutil.copytree(example_dir, source)
    photo = noise_photo()
    assert len(photo) > 4 * PROBE_FROM
    (source / PHOTO).write_bytes(photo)
    small = (source / SMALL).read_bytes()
    outputs, _ = run_build(source, "epub,docx", tmp_path / "out")

    with zipfile.ZipFile(next(p for p in outputs["epub"] if p.suffix == ".epub")) as book:
        assert book.testzip() is None
        by_content = {book.read(i.filename): i for i in book.infolist()}
        assert by_content[photo].compress_type == zipfile.ZIP_STORED
        assert by_content[small].compress_type == zipfile.ZIP_DEFLATED
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in book.infolist() if i.filename.endswith(".xhtml"))

    found = 0
    documents = [p for p in outputs["docx"] if p.suffix == ".docx"]
    documents += [p for folder in outputs["docx"] if folder.is_dir() for p in sorted(folder.rglob("*.docx"))]
    for document in documents:
        with zipfile.ZipFile(document) as word:
            assert word.testzip() is None
            for info in word.infolist():
                data = word.read(info.filename)
                if data == photo:
                    assert info.compress_type == zipfile.ZIP_STORED
                    found += 1
                elif info.filename.endswith(".xml") or data == small:
                    assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename
    assert found == 2  # the front-page story's own document and the whole issue's
