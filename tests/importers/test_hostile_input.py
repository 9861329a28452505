"""``import_pages`` under hostile input: the small corpus in ``hostile/`` plus large files made in ``tmp_path``.

Every file either imports cleanly or fails with a message naming it; no traceback reaches the
user, a failed file leaves nothing behind, the good files of the batch still import, and the
exit status says whether everything went well.
"""

import datetime
import io
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag

from articles.models import Article, Byline, Issue, Page, PageCredit, Person
from importers import parallel, runner
from importers.models import ImportRun, RawSource
from importers.parsing.model import BodyBlock, PageInfo, ParsedItem, ParsedPage, PersonCredit
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.django_db

HOSTILE = Path(__file__).resolve().parent / "hostile"
BASE_HEADLINES = ["全市商协会人民调解组织集中成立授牌", "株洲市湖北商会成立"]


def run_import(*paths, **options):
    """(exit status, stdout, stderr) of ``import_pages`` as ``manage.py`` would end it."""
    stdout, stderr = io.StringIO(), io.StringIO()
    status = 0
    try:
        call_command("import_pages", *map(str, paths), stdout=stdout, stderr=stderr, **options)
    except CommandError as error:
        stderr.write(str(error))
        status = error.returncode
    out, err = stdout.getvalue(), stderr.getvalue()
    assert "Traceback" not in out + err
    return status, out, err


def stored(model):
    return model.objects.count()


def base_bodies():
    status, _, _ = run_import(HOSTILE / "base.txt")
    assert status == 0
    bodies = dict(Article.objects.values_list("headline", "body"))
    Article.objects.all().delete()
    RawSource.objects.all().delete()
    return bodies


@pytest.mark.parametrize(
    "name",
    [
        "utf8_bom.txt",
        "gb18030.txt",
        "utf16le_bom.txt",
        "utf16be_bom.txt",
        "crlf.txt",
        "cr.txt",
        "invalid_utf8.txt",
        "nul_bytes.txt",
    ],
)
def test_encodings_line_endings_and_damage_import_the_same_articles(name):
    expected = base_bodies()
    path = HOSTILE / name

    status, out, err = run_import(path)

    assert status == 0, err
    assert sorted(Article.objects.values_list("headline", flat=True)) == sorted(BASE_HEADLINES)
    for headline, body in Article.objects.values_list("headline", "body"):
        assert body.replace("\ufffd", "") == expected[headline]
        assert "\r" not in body and "\x00" not in body
    source = RawSource.objects.get()
    assert bytes(source.raw) == path.read_bytes()  # kept verbatim
    assert "\x00" not in source.text and "综合·城区" in source.text
    assert set(Person.objects.values_list("name", flat=True)) == {"成姣兰", "王海艳", "邹家虎", "胡乐", "张武"}


@pytest.mark.parametrize(
    "name,reason",
    [("empty.txt", "空"), ("whitespace_only.txt", "空"), ("image.txt", "二进制")],
)
def test_what_is_not_a_page_is_refused_by_name_and_leaves_nothing(name, reason):
    status, out, err = run_import(HOSTILE / name)

    assert status == 1
    assert f"{name}: 失败:" in err and reason in err
    assert not (stored(RawSource) or stored(Article) or stored(Issue) or stored(Page) or stored(Person))
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and name in run.errors[0]["path"]


def test_a_page_of_furniture_only_imports_the_page_and_no_articles():
    status, out, err = run_import(HOSTILE / "furniture_only.txt")

    assert status == 0, err
    assert not Article.objects.exists()
    page = Page.objects.get()
    assert (page.label, page.name) == ("02版", "综合·城区")
    assert sorted(PageCredit.objects.values_list("person__name", flat=True)) == ["张武", "胡乐"]


def test_markup_in_headlines_and_bodies_is_stored_as_text():
    status, _, err = run_import(HOSTILE / "script_injection.txt")

    assert status == 0, err
    article = Article.objects.get()
    assert article.headline == "<script>alert(1)</script>市民热议"
    assert "</script><script>alert(4)</script>" in article.body
    assert "DROP TABLE articles_article" in article.body
    assert stored(Article) == 1  # the SQL in the text stayed text


def test_a_single_100000_character_line(tmp_path):
    line = tmp_path / "one_line.txt"
    line.write_text("株洲" * 50_000, encoding="utf-8")
    paragraph = tmp_path / "long_paragraph.txt"
    text = (HOSTILE / "base.txt").read_text(encoding="utf-8")
    long_paragraph = "市领导强调" + "民营经济健康发展" * 12_500
    paragraph.write_text(text.replace("市领导余群明、程秋辉参加活动。", long_paragraph), encoding="utf-8")

    status, _, err = run_import(line, paragraph, "--issue-date", "2024-01-23")

    assert status == 0, err
    headline_field = Article._meta.get_field("headline")
    for article in Article.objects.all():
        assert 0 < len(article.headline) <= headline_field.max_length
    assert long_paragraph in Article.objects.get(headline="株洲市湖北商会成立").body


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path, settings):
    big = tmp_path / "50mb.txt"
    with big.open("wb") as handle:  # sparse: the test itself stays quick and small on disk
        handle.write((HOSTILE / "base.txt").read_bytes())
        handle.truncate(50 * 1024 * 1024)
    good = tmp_path / "good.txt"
    good.write_bytes((HOSTILE / "base.txt").read_bytes())

    tracemalloc.start()
    try:
        status, out, err = run_import(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert status == 1
    assert "50mb.txt: 失败:文件过大" in err and str(settings.NEWSROOM_MAX_PAGE_BYTES) in err
    assert str(50 * 1024 * 1024) in err
    assert peak < 1024 * 1024  # neither the 50 MB nor the 5 MB limit were read into memory
    assert not RawSource.objects.exists()

    status, out, err = run_import(big, good)

    assert status == 1 and "50mb.txt: 失败:文件过大" in err
    assert list(RawSource.objects.values_list("file_name", flat=True)) == ["good.txt"]
    assert stored(Article) == 2


def test_oversized_upload_bytes_are_refused_before_parsing(settings):
    settings.NEWSROOM_MAX_PAGE_BYTES = 1000
    report = runner.Importer().import_bytes(b"x" * 1001, path=Path("upload.txt"))

    assert "文件过大" in report.error and report.parsed is None


def absurd_page(suffix=""):
    """What no parser should produce, but a loader must survive: every text far beyond its column."""
    long_name = "欧阳" * 200
    return ParsedPage(
        source="absurd.txt",
        encoding="utf-8",
        sha256="",
        issue_date=datetime.date(2024, 1, 22),
        page=PageInfo(label="第" + "9" * 50 + "版", name="综合" * 100, staff=(PersonCredit(long_name, "editor"),)),
        items=(
            ParsedItem(
                kind="news",
                headline="超长标题" * 500 + suffix,
                kicker="引题" * 500,
                subheadline="副题" * 500,
                series="系列" * 500,
                dateline="株洲日报讯" * 100,
                bylines=("记者/" + long_name,),
                # Two names that only differ after the column's 100 characters.
                people=(PersonCredit(long_name + "甲", "reporter"), PersonCredit(long_name + "乙", "correspondent")),
                blocks=(BodyBlock("paragraph", "正文" * 10_000),),
                continued_to="第" + "2" * 50 + "版",
                tags=("标签" * 200, "标签" * 200 + "二"),
            ),
        ),
    )


def test_absurdly_long_headlines_names_and_tags_are_cut_to_fit_and_reimport_cleanly(monkeypatch, tmp_path):
    """PostgreSQL refuses a value longer than its column (DataError); SQLite would silently keep it."""
    suffix = {"value": ""}
    monkeypatch.setattr(parallel, "parse_page", lambda raw, **kwargs: absurd_page(suffix["value"]))
    path = tmp_path / "absurd.txt"
    path.write_bytes(b"first version")

    status, _, err = run_import(path)

    assert status == 0, err
    article = Article.objects.get()
    for field in ("headline", "kicker", "subheadline", "series", "dateline", "continued_to"):
        assert len(getattr(article, field)) == Article._meta.get_field(field).max_length
    person = Person.objects.get()  # both names cut to the same 100 characters: one person
    assert len(person.name) == Person._meta.get_field("name").max_length
    assert Byline.objects.filter(article=article).count() == 2  # as reporter and as correspondent
    assert all(len(tag.name) <= 100 for tag in Tag.objects.all())
    before = sorted(Article.objects.values_list("pk", "headline", "imported_hash"))

    path.write_bytes(b"second version, same page")  # new bytes: the loader has to find everything again
    status, out, err = run_import(path)

    assert status == 0, err
    assert sorted(Article.objects.values_list("pk", "headline", "imported_hash")) == before
    assert stored(Person) == 1 and stored(Page) == 1


def test_a_directory_mixing_good_and_bad_files(tmp_path):
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    for name in ("base.txt", "script_injection.txt", "empty.txt", "image.txt", "gb18030.txt"):
        (folder / name).write_bytes((HOSTILE / name).read_bytes())
    (folder / "sub" / "whitespace_only.txt").write_bytes((HOSTILE / "whitespace_only.txt").read_bytes())
    with (folder / "sub" / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    status, out, err = run_import(folder)

    assert status == 1
    for bad in ("empty.txt", "image.txt", "whitespace_only.txt", "huge.txt"):
        assert f"{bad}: 失败:" in err
    assert "4 个文件导入失败" in err
    assert "失败 4" in out
    assert sorted(RawSource.objects.values_list("file_name", flat=True)) == [
        "base.txt",
        "gb18030.txt",
        "script_injection.txt",
    ]
    assert stored(Article) == 3  # gb18030.txt is the same page as base.txt: its articles are found again
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and len(run.errors) == 4


def test_exit_status_and_messages_of_the_real_command(tmp_path):
    """``manage.py`` itself: status 1 and named files on failure, 0 when all went well, never a traceback."""
    for name in ("base.txt", "image.txt", "empty.txt"):
        (tmp_path / name).write_bytes((HOSTILE / name).read_bytes())
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}", "PYTHONPATH": str(PROJECT_DIR)}
    command = [sys.executable, str(PROJECT_DIR / "manage.py"), "import_pages", "--dry-run"]

    failing = subprocess.run([*command, str(tmp_path)], capture_output=True, text=True, env=env, timeout=120)
    passing = subprocess.run(
        [*command, str(tmp_path / "base.txt")], capture_output=True, text=True, env=env, timeout=120
    )

    assert failing.returncode == 1
    assert "image.txt: 失败:" in failing.stderr and "empty.txt: 失败:" in failing.stderr
    assert "Traceback" not in failing.stderr + failing.stdout
    assert passing.returncode == 0, passing.stderr
    assert "Traceback" not in passing.stderr + passing.stdout


def test_direction_and_zero_width_characters_are_dropped_on_import(tmp_path):
    """Issue 17, item 11: an RLO, isolates and zero-width characters hid in headlines and broke byline detection."""
    base = (HOSTILE / "base.txt").read_text(encoding="utf-8")
    hidden = (
        base.replace(BASE_HEADLINES[0], "全市\u202e商协会\u200b人民调解组织\u2066集中成立授牌\u2069")
        .replace("全媒体记者/成姣兰", "全媒体记者/\u200b成\u200d姣兰\u200f")
        .replace("邹家虎", "邹\ufeff家虎\u2060")
    )
    raw = hidden.encode("utf-8")
    (tmp_path / "hidden.txt").write_bytes(raw)

    status, out, err = run_import(tmp_path / "hidden.txt")

    assert status == 0, err
    assert sorted(Article.objects.values_list("headline", flat=True)) == sorted(BASE_HEADLINES)
    bylines = set(Byline.objects.values_list("article__headline", "person__name"))
    assert {(BASE_HEADLINES[0], "成姣兰"), (BASE_HEADLINES[1], "邹家虎")} <= bylines
    assert not Person.objects.filter(name__regex="[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]").exists()
    source = RawSource.objects.get()
    assert bytes(source.raw) == raw  # the page as it came, invisible characters and all
    assert "已删除 9 个不可见的方向控制符或零宽字符" in source.warnings


def test_a_windows_1252_file_is_named_not_recorded_as_utf8(tmp_path):
    """Issue 17, item 12: a few Windows-1252 bytes in ASCII passed for damaged UTF-8 and were stored as utf-8."""
    page = "Zhuzhou Daily\n02\n2024-01-22\n\nCafé opens in Hetang\n\nThe “Café Lumière” opened on Monday.\n"
    (tmp_path / "western.txt").write_bytes(page.encode("cp1252"))
    (tmp_path / "base.txt").write_bytes((HOSTILE / "base.txt").read_bytes())

    status, out, err = run_import(tmp_path)

    assert status == 1
    assert "western.txt: 失败:看起来是 Windows-1252(西文)等单字节编码,不是 UTF-8" in err
    assert list(RawSource.objects.values_list("file_name", "encoding")) == [("base.txt", "utf-8")]


def test_symbolic_link_loops_are_named_not_skipped(tmp_path):
    """Issue 17, item 12: a link in a circle was skipped without a word; each is now a failed entry with its reason."""
    pages, elsewhere = tmp_path / "pages", tmp_path / "elsewhere"
    (pages / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (pages / "a.txt").write_bytes((HOSTILE / "base.txt").read_bytes())
    (elsewhere / "c.txt").write_bytes((HOSTILE / "script_injection.txt").read_bytes())
    (pages / "self.txt").symlink_to("self.txt")
    (pages / "ping.txt").symlink_to("pong.txt")
    (pages / "pong.txt").symlink_to("ping.txt")
    (pages / "gone.txt").symlink_to("nowhere.txt")
    (pages / "sub" / "up").symlink_to("..")  # a directory that contains itself
    (pages / "linked").symlink_to(elsewhere)  # an ordinary link to a directory: read
    (pages / "same").symlink_to(elsewhere)  # a second way into it: read once

    found = runner.find_page_files([pages])
    status, out, err = run_import(pages)

    assert runner.find_page_files(found) == found  # import_pages lists the files, the importer lists them again

    assert status == 1
    assert f"{pages / 'self.txt'}: 失败:符号链接循环" in err
    assert f"{pages / 'ping.txt'}: 失败:符号链接循环" in err and f"{pages / 'pong.txt'}: 失败:符号链接循环" in err
    assert f"{pages / 'gone.txt'}: 失败:符号链接指向的文件不存在:nowhere.txt" in err
    assert f"{pages / 'sub' / 'up'}: 失败:符号链接循环:指向包含它的目录 {pages.resolve()}" in err
    assert sorted(RawSource.objects.values_list("file_name", flat=True)) == ["a.txt", "c.txt"]
    assert ImportRun.objects.get().counts["failed"] == 5
