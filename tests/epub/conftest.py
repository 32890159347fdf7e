"""EPUBs built once per test session: the example issue, a generated daily
issue, and a stress issue made to break things (a 2,000-character headline,
a very long paragraph, links of every kind, empty fields, odd ids)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from exporter.model import (
    Article,
    ArticleKind,
    Dateline,
    DatelinePosition,
    Figure,
    Issue,
    ListBlock,
    Notice,
    Page,
    Paragraph,
    Publication,
    PublicationCode,
    Quote,
    Run,
    Subhead,
    issue_to_json,
)
from tests.conftest import run_build
from tests.epub.reading import Epub

HERE = Path(__file__).parent


def build_epub(source: Path, out: Path, **settings: str) -> Path:
    outputs, _ = run_build(source, "epub", out, **settings)
    (path,) = outputs["epub"]
    return path


@pytest.fixture(scope="session")
def example_epub(example_dir, tmp_path_factory) -> Path:
    return build_epub(example_dir, tmp_path_factory.mktemp("epub-example"))


@pytest.fixture(scope="session")
def daily_epub(daily_issue, tmp_path_factory) -> Path:
    return build_epub(daily_issue, tmp_path_factory.mktemp("epub-daily"))


@pytest.fixture(scope="session")
def stress_issue(example_dir, tmp_path_factory) -> Path:
    """The stress issue as an issue JSON file, with its pictures beside it."""
    root = tmp_path_factory.mktemp("stress-issue")
    (root / "images").mkdir()
    shutil.copy(example_dir / "images" / "k303-platform.jpg", root / "images" / "photo.jpg")
    from PIL import Image

    Image.new("RGB", (60, 40), "#336699").save(root / "images" / "chart.bmp")  # converted to PNG
    path = root / "issue.json"
    path.write_text(issue_to_json(stress_model()), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def stress_epub(stress_issue, tmp_path_factory) -> Path:
    return build_epub(stress_issue, tmp_path_factory.mktemp("epub-stress"))


@pytest.fixture(scope="session")
def example(example_epub) -> Epub:
    return Epub(example_epub)


@pytest.fixture(scope="session")
def daily(daily_epub) -> Epub:
    return Epub(daily_epub)


@pytest.fixture(scope="session")
def stress(stress_epub) -> Epub:
    return Epub(stress_epub)


def stress_model() -> Issue:
    sentence = "城市更新行动持续推进，2025年完成投资1.2万亿元，同比增长18.4%；“十五五”时期将继续——稳中求进……"
    headline = ("超长标题" + sentence + "Smart City 2.0计划（第二期）") * 40
    headline = headline[:2000]
    long_paragraph = Paragraph.plain(sentence * 400)
    links = Paragraph(
        (
            Run("详见"),
            Run("本报网站", href="/news/2026/0126.html"),
            Run("、"),
            Run("国际域名", href="https://例子.中国/路径 空格?q=一"),
            Run("、"),
            Run("脚本", href="javascript:alert(1)"),
            Run("、"),
            Run("锚点", href="#top"),
            Run("和"),
            Run("来信", href="mailto:desk@example.cn"),
            Run("。粗体", strong=True),
            Run("与斜体", emphasis=True),
            Run("及粗斜体链接", strong=True, emphasis=True, href="https://news.example.cn/a?b=1&c=2"),
            Run("。"),
        )
    )
    lead = Article(
        id="1-lead",
        title=headline,
        blocks=(
            long_paragraph,
            links,
            Subhead("小标题：Ünïcödé、α β γ、𠀋与〇"),
            Quote((Paragraph.plain("“引文第一段。”"), Paragraph.plain("引文第二段——完。"))),
            ListBlock((Paragraph.plain("第一项"), Paragraph((Run("第二项", strong=True),))), ordered=True),
            Figure("images/photo.jpg"),  # no caption, no alt, no size
            Figure("images/chart.bmp", caption="示意图", credit="本报制图"),
            Paragraph.plain(""),
        ),
    )
    briefs = tuple(
        Article(
            id=f"brief.{n}_x",
            title=f"简讯{n}",
            kind=ArticleKind.BRIEF,
            dateline=Dateline(f"本报讯（记者 甲{n}）", position=DatelinePosition.START),
            blocks=(Figure("images/photo.jpg", alt="同一张照片再次使用"),) if n == 1 else
            (Paragraph.plain(f"第{n}条简讯的正文。"),),
        )
        for n in range(1, 4)
    )
    notice = Article(
        id="ads",
        title="分类广告",
        kind=ArticleKind.NOTICE,
        blocks=(Notice("", ("没有标题的启事。",)), Notice("遗失声明", ("某某遗失证件，声明作废。", ""))),
    )
    end_dateline = Article(
        id="Z9",
        title="文末电头",
        kicker="引题",
        subtitle="——副题",
        byline="新华社记者 乙",
        dateline=Dateline("新华社北京1月25日电", position=DatelinePosition.END),
        blocks=(Paragraph.plain("正文。"),),
    )
    return Issue(
        publication=Publication(
            name="压力测试报",
            publisher="",
            base_url="https://news.example.cn/stress/",
            codes=(PublicationCode("", "CN 00-0000"),),
            slug="stress",
        ),
        date=dt.date(2026, 2, 28),
        number=None,
        edition="晚间版",
        pages=(
            Page(1, section="", label="A1", articles=(lead,)),
            Page(2, section="空版"),
            Page(3, section="简讯", articles=briefs + (end_dateline,)),
            Page(4, section="广告", articles=(notice,)),
        ),
    )
