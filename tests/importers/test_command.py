"""``import_pages``: the command's contract, with a tiny stand-in parser so it does not depend on parsing quality.

Tests at the end run the real parser over the seed pages.
"""

import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from tqdm import tqdm

from articles.models import Article, Byline, Issue, Page, Person, Section
from importers import loading, parallel, runner
from importers.management.commands.import_pages import PROGRESS_FORMAT
from importers.models import ImportRun, RawSource
from importers.parsing import PageDecodeError, ParseError
from importers.parsing.model import BodyBlock, PageInfo, ParsedItem, ParsedPage, PersonCredit
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db

STUB_DATE = datetime.date(2023, 1, 23)


def stub_parse_page(data, *, source, issue_date=None, section=None, section_keywords=None, default_section="", **_):
    """Blocks separated by blank lines: a headline line, then ``reporter: NAME`` and body lines."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise PageDecodeError("不是 UTF-8 文本") from None
    if "BROKEN" in data:
        raise ParseError("无法识别的版面")
    items = []
    for chunk in data.strip().split("\n\n"):
        headline, *lines = chunk.strip().split("\n")
        people = tuple(PersonCredit(line.split(":")[1], "reporter") for line in lines if line.startswith("reporter:"))
        body = tuple(BodyBlock("paragraph", line) for line in lines if not line.startswith("reporter:"))
        items.append(ParsedItem(kind="news", headline=headline, people=people, blocks=body, section=section or ""))
    return ParsedPage(
        source=source,
        encoding="utf-8",
        sha256="",
        issue_date=issue_date or STUB_DATE,
        page=PageInfo(name="综合", number=int(stem) if (stem := Path(source).stem).isdigit() else None),
        items=tuple(items),
    )


def stub_page_to_dict(parsed, path):
    return {"path": path, "items": [{"headline": item.headline} for item in parsed.items]}


@pytest.fixture
def stub_parser(monkeypatch):
    monkeypatch.setattr(parallel, "parse_page", stub_parse_page)
    monkeypatch.setattr(runner, "page_to_dict", stub_page_to_dict)


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "01.txt").write_text("第一篇稿件\nreporter:成姣兰\n正文一。\n\n第二篇稿件\n正文二。\n", encoding="utf-8")
    (folder / "02.txt").write_text("第三篇稿件\nreporter:王海艳\n正文三。\n", encoding="utf-8")
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    return folder


def run(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_pages", *map(str, args), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def run_failing(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_pages", *map(str, args), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue(), str(raised.value)


def db_state():
    return {
        model.__name__: model.objects.count() for model in (Article, Byline, Person, Page, Issue, RawSource, ImportRun)
    } | {"articles": sorted(Article.objects.values_list("pk", "imported_hash", "updated_at", "status"))}


def test_imports_a_directory_of_pages(stub_parser, pages):
    out, err = run(pages)

    assert Article.objects.count() == 3
    assert RawSource.objects.count() == 2  # notes.md is not a page
    assert "01.txt: 稿件 新建 2" in out and "02.txt: 稿件 新建 1" in out
    assert "完成:2 个文件,导入 2,未变 0,失败 0" in out
    assert err == ""
    import_run = ImportRun.objects.get()
    assert import_run.status == ImportRun.Status.DONE and import_run.finished_at is not None
    assert import_run.counts["articles"]["created"] == 3
    assert set(RawSource.objects.values_list("run", flat=True)) == {import_run.pk}


def test_directories_are_walked_recursively_in_order(tmp_path):
    for name in ["b/02.txt", "b/01.txt", "a/09.txt", "a/notes.md"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    single = tmp_path / "b" / "01.txt"

    found = runner.find_page_files([tmp_path, single])

    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/09.txt", "b/01.txt", "b/02.txt"]


def test_empty_directory_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="没有找到版面文件"):
        run(tmp_path)
    assert not ImportRun.objects.exists()


def test_reimport_of_unchanged_files_changes_nothing_and_says_so(stub_parser, pages):
    run(pages)
    before = db_state()

    out, _ = run(pages)

    assert out.count("未变:与") == 2
    assert "导入 0,未变 2" in out
    after = db_state()
    assert after.pop("ImportRun") == before.pop("ImportRun") + 1  # the run itself is recorded
    assert after == before


def test_failing_file_among_good_ones(stub_parser, pages):
    (pages / "00_bad.txt").write_text("第零篇\nBROKEN\n", encoding="utf-8")
    (pages / "03_binary.txt").write_bytes(b"\xff\xfe\x00\x81\x00binary")

    out, err, message = run_failing(pages)

    assert Article.objects.count() == 3  # the good files are in
    assert not RawSource.objects.filter(file_name__in=["00_bad.txt", "03_binary.txt"]).exists()
    assert "00_bad.txt: 失败:无法识别的版面" in err
    assert "03_binary.txt: 失败:不是 UTF-8 文本" in err
    assert "2 个文件导入失败" in message and "00_bad.txt" in message and "03_binary.txt" in message
    assert "Traceback" not in out + err
    import_run = ImportRun.objects.get()
    assert import_run.status == ImportRun.Status.FAILED
    assert {e["path"].rsplit("/", 1)[-1] for e in import_run.errors} == {"00_bad.txt", "03_binary.txt"}


def test_database_error_half_way_leaves_nothing_of_that_file(stub_parser, pages, monkeypatch):
    real = loading._link_sidebars

    def explode_on_second_file(files):
        real(files)
        if any(plan.fields["headline"] == "第三篇稿件" for f in files for plan in f.plans):
            raise DatabaseError("磁盘已满")

    monkeypatch.setattr(loading, "_link_sidebars", explode_on_second_file)

    _, err, _ = run_failing(pages / "01.txt", pages / "02.txt")

    assert "02.txt: 失败:磁盘已满" in err
    assert list(Article.objects.values_list("headline", flat=True).order_by("pk")) == ["第一篇稿件", "第二篇稿件"]
    assert not Person.objects.filter(name="王海艳").exists()
    assert RawSource.objects.get().file_name == "01.txt"


def test_missing_and_oversized_files_are_named(stub_parser, pages, settings):
    settings.NEWSROOM_MAX_PAGE_BYTES = 150
    (pages / "big.txt").write_text("大" * 60, encoding="utf-8")

    _, err, message = run_failing(pages / "01.txt", pages / "big.txt", pages / "missing.txt")

    assert "big.txt: 失败:文件过大" in err
    assert "missing.txt: 失败:文件不存在" in err
    assert "2 个文件导入失败" in message
    assert Article.objects.count() == 2


def test_dry_run_writes_nothing(stub_parser, pages):
    before = db_state()

    out, _ = run(pages, "--dry-run")

    assert db_state() == before
    assert not ImportRun.objects.exists()
    assert "01.txt: 解析出 2 篇稿件" in out and "试运行" in out


def test_dry_run_json(stub_parser, pages):
    out, _ = run(pages, "--dry-run", "--format", "json")

    data = json.loads(out)
    assert [item["headline"] for f in data["files"] for item in f["items"]] == [
        "第一篇稿件",
        "第二篇稿件",
        "第三篇稿件",
    ]
    assert data["files"][0]["path"].endswith("01.txt")
    assert "errors" not in data
    assert not RawSource.objects.exists()


def test_json_output_keeps_chinese_readable(stub_parser, pages):
    out, _ = run(pages / "01.txt", "--format", "json")

    assert "第一篇稿件" in out  # ensure_ascii=False
    assert json.loads(out)["files"][0]["result"]["articles"]["created"] == 2


def test_issue_date_option(stub_parser, pages):
    run(pages / "01.txt", "--issue-date", "2024-02-29")

    assert Article.objects.filter(page__issue__printed_on=datetime.date(2024, 2, 29)).count() == 2
    assert ImportRun.objects.get().options["issue_date"] == "2024-02-29"


@pytest.mark.parametrize("value", ["2024-02-30", "yesterday", "2024/01/02"])
def test_invalid_issue_date_is_a_clear_error(stub_parser, pages, value):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run(pages, "--issue-date", value)
    assert not ImportRun.objects.exists()


def test_section_option(stub_parser, pages):
    run(pages, "--section", "体育")

    assert set(Article.objects.values_list("section__name", flat=True)) == {"体育"}


def test_section_option_by_slug(stub_parser, pages):
    run(pages / "02.txt", "--section", "wenhua")

    assert Article.objects.get().section == Section.objects.get(name="文化")


def test_unknown_section_is_a_clear_error(stub_parser, pages):
    with pytest.raises(CommandError, match="没有名为“球类”的栏目"):
        run(pages, "--section", "球类")
    assert not ImportRun.objects.exists()


def test_publish_option(stub_parser, pages):
    run(pages, "--publish")

    assert Article.objects.published().count() == 3


def test_without_publish_articles_are_drafts(stub_parser, pages):
    run(pages)

    assert not Article.objects.published().exists()
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}


def test_verbose_output_lists_warnings(stub_parser, pages):
    (pages / "02.txt").write_text("第一篇稿件\nreporter:成姣兰\n正文一。\n", encoding="utf-8")

    out, _ = run(pages / "01.txt", pages / "02.txt", "-v", "2")

    assert "《第一篇稿件》提示:可能与已入库的稿件重复" in out


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_a_terminal_for_several_files(stub_parser, pages, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)

    out, _ = run(pages)

    assert "2/2 页" in terminal.getvalue() and "页/s" in terminal.getvalue()
    assert "完成:2 个文件" in out


def test_progress_line_shows_pages_per_second_and_time_left():
    line = tqdm.format_meter(n=300, total=1000, elapsed=100.0, unit="页", bar_format=PROGRESS_FORMAT, ncols=100)

    assert "300/1000 页" in line
    assert "3.00页/s" in line
    assert "已用 01:40" in line and "剩余约 03:53" in line


def test_progress_line_keeps_pages_per_second_when_a_page_takes_longer_than_a_second():
    line = tqdm.format_meter(n=2, total=10, elapsed=5.0, unit="页", bar_format=PROGRESS_FORMAT, ncols=100)

    assert "0.40页/s" in line and "剩余约 00:20" in line


def test_no_progress_bar_for_one_file_or_without_a_terminal(stub_parser, pages, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run(pages / "01.txt")
    monkeypatch.undo()
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stderr", pipe)
    run(pages / "02.txt", pages / "01.txt")

    assert terminal.getvalue() == "" and pipe.getvalue() == ""


# The real parser over the seed pages.


def test_every_seed_imports_and_reimports_unchanged():
    out, _ = run(*SEED_FILES, "--publish")

    assert "失败 0" in out
    assert RawSource.objects.count() == len(SEED_FILES)
    assert Article.objects.published().count() > 0
    before = db_state()

    out, _ = run(*SEED_FILES)

    assert out.count("未变:与") == len(SEED_FILES)
    after = db_state()
    after.pop("ImportRun"), before.pop("ImportRun")
    assert after == before


def test_seed_dry_run_json_follows_the_contract():
    out, _ = run(*SEED_FILES, "--dry-run", "--format", "json")

    data = json.loads(out)
    assert len(data["files"]) == len(SEED_FILES)
    for page in data["files"]:
        assert {"path", "encoding", "sha256", "issue_date", "page", "furniture", "unassigned", "items"} <= page.keys()
        assert {"label", "name", "staff"} <= page["page"].keys()
        for item in page["items"]:
            assert {
                "kind", "kicker", "headline", "subheadline", "series", "dateline", "bylines", "people",
                "paragraphs", "subheads", "captions", "continued_to", "duplicates_dropped", "section", "tags",
                "warnings",
            } <= item.keys()  # fmt: skip
    assert not RawSource.objects.exists()


def test_undecodable_file_among_seeds_is_named(tmp_path):
    (tmp_path / "000_seed.txt").write_bytes(SEED_FILES[2].read_bytes())
    (tmp_path / "001_image.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "002_gbk.txt").write_bytes(SEED_FILES[4].read_text(encoding="utf-8").encode("gb18030"))

    _, err, message = run_failing(tmp_path)

    assert "001_image.txt: 失败:" in err and "001_image.txt" in message
    assert "Traceback" not in err
    assert set(RawSource.objects.values_list("file_name", flat=True)) == {"000_seed.txt", "002_gbk.txt"}
    assert RawSource.objects.get(file_name="002_gbk.txt").encoding.lower().replace("-", "") in {"gb18030", "gbk"}


def test_seed_reporter_variant_is_flagged():
    """001 prints 成炫兰 where 000 prints 成姣兰, both with correspondent 王海艳."""
    first, second = SEED_FILES[0], SEED_FILES[1]
    run(first)
    run(second)

    flagged = [w for a in Article.objects.filter(source__file_name=second.name) for w in a.warnings if "成姣兰" in w]
    assert flagged and "成炫兰" in flagged[0]
