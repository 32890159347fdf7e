"""Where things begin in an article file, so that a problem found later (by a
writer, or by the model's rules) can point at the line to edit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BLOCK_FIELD = re.compile(r"blocks\[(\d+)\]")
_FIELD_ROOT = re.compile(r"[^.\[]*")


@dataclass(frozen=True)
class SourceLines:
    """Lines counted from 1: of each top-level front-matter key, and of each body block."""

    fields: dict[str, int] = field(default_factory=dict)
    blocks: tuple[int, ...] = ()

    def line_of(self, field_name: str) -> int | None:
        """The line where ``field_name`` (``title``, ``dateline.text``, ``blocks[3].caption``) begins."""
        block = _BLOCK_FIELD.match(field_name)
        if block is not None:
            index = int(block[1])
            return self.blocks[index] if index < len(self.blocks) else None
        return self.fields.get(field_root(field_name))


def field_root(field_name: str) -> str:
    """The top-level name of a field: ``dateline`` of ``dateline.text``, ``pages`` of ``pages[2].section``."""
    return _FIELD_ROOT.match(field_name)[0]
