"""The feed's image: the publication's name set as a small masthead (PNG).

RSS allows an image of at most 144 pixels wide; Atom asks for a logo of
about 2:1 and a square icon. Each character is drawn with the face the font
plan chose for it, so a name with a rare character is never drawn as a box.
A newsroom's own logo file replaces the masthead (option ``logo``).
"""

from __future__ import annotations

import io
from pathlib import Path

from ...errors import UsageError
from ...fonts.coverage import FORMAT_CHARACTERS, INVISIBLE, FontPlan
from ...fonts.registry import FontFace

LOGO_SIZE = (144, 72)
ICON_SIZE = 64
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif"}


def masthead_png(name: str, plan: FontPlan, role: str, color: str) -> bytes:
    from PIL import Image, ImageDraw

    width, height = LOGO_SIZE
    image = Image.new("RGB", LOGO_SIZE, "white")
    draw = ImageDraw.Draw(image)
    text = name.strip()
    room = width - 12
    size = 40
    natural = _advance(text, plan, role, size)
    if natural > room:
        size = max(10, int(size * room / natural))
    x = max(6.0, (width - _advance(text, plan, role, size)) / 2)
    baseline = height / 2 + size * 0.36
    for char in text:
        if x >= width:
            break  # a name too long for 144 pixels is cut: this is a picture, the title carries the text
        if char in INVISIBLE:
            x += _blank(char, size)
            continue
        font = _font(plan.face_for(role, char), size)
        draw.text((x, baseline), char, font=font, fill=color, anchor="ls")
        x += font.getlength(char)
    return _png(image)


def icon_png(name: str, plan: FontPlan, role: str, color: str) -> bytes:
    """The first character of the name, white on the accent colour."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (ICON_SIZE, ICON_SIZE), color)
    char = next((c for c in name if c not in INVISIBLE and not c.isspace()), "")
    if char:
        font = _font(plan.face_for(role, char), int(ICON_SIZE * 0.72))
        ImageDraw.Draw(image).text((ICON_SIZE / 2, ICON_SIZE / 2), char, font=font, fill="white", anchor="mm")
    return _png(image)


def own_logo(path: str) -> tuple[bytes, str, tuple[int, int]]:
    """A logo file given with ``-O logo=…``: its bytes, extension and size."""
    from PIL import Image, UnidentifiedImageError

    try:
        data = Path(path).read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            fmt, size = str(image.format), image.size
    except (OSError, UnidentifiedImageError) as exc:
        raise UsageError(f"option logo: {path!r} is not an image that can be read ({exc})") from None
    if fmt not in LOGO_FORMATS:
        raise UsageError(f"option logo: {path!r} is {fmt}; feeds take PNG, JPEG or GIF")
    return data, LOGO_FORMATS[fmt], size


def _advance(text: str, plan: FontPlan, role: str, size: int) -> float:
    return sum(_blank(c, size) if c in INVISIBLE else _font(plan.face_for(role, c), size).getlength(c)
               for c in text)


def _blank(char: str, size: int) -> float:
    """The room a character without a glyph takes: half an em for a space, none for a format character."""
    return 0.0 if char in FORMAT_CHARACTERS else size / 2


_FONTS: dict[tuple[str, int, int], object] = {}


def _font(face: FontFace, size: int):
    from PIL import ImageFont

    key = (str(face.path), face.index, size)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(str(face.path), size, index=face.index)
    return _FONTS[key]


def _png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
