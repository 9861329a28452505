"""Import page dumps from files: find them, read them, parse, load, and record the run.

Each file is parsed and loaded on its own, in its own transaction: a file that
fails (unreadable, too large, not a page dump, a database error) leaves nothing
behind and the others still import. ``import_pages`` and the admin upload both
drive an ``Importer``.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import gc
import logging
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from taggit.models import Tag

from articles.models import Section

from . import page_file_beside, page_photos, preview, processes, tuning
from .loading import Counts, LoadCache, LoadResult, PageFile, load_pages
from .models import ImportRun, Place, TagRule
from .page_photos import PhotoReport
from .parallel import Parsed, parse_bytes, parse_in_workers, too_large
from .parsing import ParsedPage
from .retry import reconnect_if_lost, with_retry
from .serialize import page_to_dict

logger = logging.getLogger(__name__)


# Files a ``load_pages`` call takes when the command is given no ``--batch``: large enough that a
# call's few statements carry many pages, small enough that a failing call is soon retried file by file.
AUTO_BATCH = 50
# Below this many files, parsing in worker processes costs more to start than it saves.
_PARALLEL_FROM = 20


def auto_jobs(files: int) -> int:
    """Parsing processes for an import of ``files`` files when the command is given no ``--jobs``:
    one per core this process may run on (at most 4), for enough files."""
    return max(1, min(_usable_cores(), 4)) if files >= _PARALLEL_FROM else 1


def _usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` allows fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ImportOptionError(ValueError):
    """An option the run cannot start with; the message is for the person who ran it."""


@dataclass
class FileReport:
    path: Path
    parsed: ParsedPage | None = None
    result: LoadResult | None = None
    error: str = ""
    plan: preview.PagePlan | None = None  # a dry run's: what loading the file would do
    photos: PhotoReport | None = None  # the images that came with the page (importers/page_photos.py)
    page_file: page_file_beside.PageFileReport | None = None  # the page's PDF or scan beside it

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def unchanged(self) -> bool:
        return self.result is not None and self.result.unchanged


@dataclass
class RunReport:
    files: list[FileReport] = field(default_factory=list)
    run: ImportRun | None = None
    dry_run: bool = False

    @property
    def failed(self) -> list[FileReport]:
        return [report for report in self.files if not report.ok]

    def totals(self) -> dict:
        totals = {"articles": Counts(), "people": Counts(), "tags": Counts()}
        for report in self.files:
            if report.result is not None:
                totals["articles"].add(report.result.articles)
                totals["people"].add(report.result.people)
                totals["tags"].add(report.result.tags)
        return {
            "files": len(self.files),
            "imported": sum(1 for r in self.files if r.result is not None and not r.unchanged),
            "unchanged": sum(1 for r in self.files if r.unchanged),
            "failed": len(self.failed),
            **{name: counts.as_dict() for name, counts in totals.items()},
        }


def find_page_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the ``*.txt`` files of directories (recursively), sorted; missing paths stay in.

    A missing path is kept so that it is reported as a failed file, like any other; so is a
    ``*.txt`` link that leads nowhere or in a circle, and a link to a directory that holds it
    (a loop): each is named with its reason rather than skipped without a word. Listing the
    files found again gives the same files.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir() and not _loops(path):
            found.extend(_walk(path))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _loops(path: Path) -> bool:
    """A link to the directory that holds it, or to one above: reading it would never end."""
    if not path.is_symlink():
        return False
    target, holder = path.resolve(), path.parent.resolve()
    return target == holder or target in holder.parents


def _walk(directory: Path) -> list[Path]:
    """The ``*.txt`` entries under ``directory``, links to directories followed once each, sorted.

    A link that loops is kept (and reported); a second way into a directory already read is not
    read again (its files are imported from the first).
    """
    found: list[Path] = []
    read = {directory.resolve()}
    for root, subdirectories, names in os.walk(directory, followlinks=True):
        links = [name for name in subdirectories if (Path(root) / name).is_symlink()]
        read.update((Path(root) / name).resolve() for name in subdirectories if name not in links)
        for name in sorted(links):
            link = Path(root) / name
            if _loops(link):
                found.append(link)
            if _loops(link) or link.resolve() in read:
                subdirectories.remove(name)
            else:
                read.add(link.resolve())
        # Names that are not directories: files, and links that lead to no directory (broken, circular).
        found.extend(Path(root) / name for name in names if name.endswith(".txt"))
    return sorted(found)


def parse_issue_date(value: str) -> datetime.date:
    try:
        return datetime.datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ImportOptionError(f"出版日期“{value}”无效,格式应为 YYYY-MM-DD,例如 2023-01-23。") from None


class Importer:
    """One import run over any number of files, with the same options for each."""

    def __init__(
        self,
        *,
        dry_run: bool = False,
        issue_date: datetime.date | None = None,
        section: str | None = None,
        publish: bool = False,
        user=None,
        origin: str = "command",
        jobs: int | None = None,
        batch: int | None = None,
    ):
        self.dry_run = dry_run
        self.jobs = jobs  # None: chosen by the number of files (auto_jobs)
        self.batch = batch  # None: AUTO_BATCH files a call
        self._run: ImportRun | None = None
        self.cache = LoadCache()
        self.issue_date = issue_date
        self.publish = publish
        self.user = user
        self.origin = origin
        self.section = self._find_section(section) if section else None
        self.section_keywords, self.default_section = self._section_keywords()
        self.places = self._places()
        self.tag_stopwords, self.preferred_tags = self._tag_rules()
        self.max_bytes = settings.NEWSROOM_MAX_PAGE_BYTES

    def run(self, paths: Iterable[str | Path], *, on_file: Callable[[FileReport], None] | None = None) -> RunReport:
        files = find_page_files(paths)
        report = RunReport(dry_run=self.dry_run)
        if not self.dry_run:
            ImportRun.objects.mark_interrupted()  # runs of this host whose process was killed
            report.run = with_retry(
                ImportRun.objects.create,
                user=self.user,
                origin=self.origin,
                options=self.options(),
                process=processes.current(),
            )
        self.cache = LoadCache()
        self._run = report.run
        statistics = tuning.TableStatistics()
        try:
            with tuning.relaxed_commit(), _fewer_collections():
                for file_report in self._import_files(files, run=report.run):
                    if file_report.result is not None:
                        _analyze(statistics, file_report.result.articles.created)
                        file_report.photos = page_photos.attach_beside(file_report.path, file_report.result.page)
                    report.files.append(file_report)
                    if on_file is not None:
                        on_file(file_report)
        except BaseException:  # Ctrl-C, SIGTERM (import_pages), a bug: the run says it did not finish
            if report.run is not None:
                _say_interrupted(report.run.pk)
            raise
        if report.run is not None:
            if any(r.result is not None and not r.unchanged for r in report.files):
                tuning.finish_search_index()
            with_retry(self._finish, report)
        return report

    def options(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "section": self.section.name if self.section else None,
            "publish": self.publish,
        }

    def _import_files(self, files: list[Path], *, run: ImportRun | None):
        """Each file's report, in order: read, parsed (in worker processes for many files), loaded
        ``self.batch`` files a call (``importers.loading.load_pages``), or planned in a dry run."""
        jobs = self.jobs or auto_jobs(len(files))
        pending: list[tuple[Path, bytes, Parsed]] = []
        for path, raw, outcome in self._parsed_files(files, jobs=jobs):
            if outcome.error:
                yield from self._flush(pending, run=run)
                yield FileReport(path, error=outcome.error)
            elif self.dry_run:
                yield self._plan(path, raw, outcome.parsed)
            elif (beside := page_file_beside.find(path)) is not None:
                # Loaded on its own, its page file checked first: at most one rendered page is held at a time.
                yield from self._flush(pending, run=run)
                yield self._load_with_page_file(path, raw, outcome, beside)
            else:
                pending.append((path, raw, outcome))
                if len(pending) >= (self.batch or AUTO_BATCH):
                    yield from self._flush(pending, run=run)
        yield from self._flush(pending, run=run)

    def _load_with_page_file(self, path: Path, raw: bytes, outcome: Parsed, beside: Path) -> FileReport:
        """A dump with its PDF or scan beside it (``importers.page_file_beside``): a file that cannot be used
        fails the dump before anything is written; a good one is stored as the page's 版面图 after the load."""
        try:
            prepared = page_file_beside.prepare(beside)
        except page_file_beside.Refused as error:
            return FileReport(path, error=str(error))
        report = self._load_one(path, PageFile(outcome.parsed, raw, path.name, outcome.prepared))
        if report.result is not None:
            try:
                report.page_file = page_file_beside.attach(report.result.page, beside, prepared)
            except page_file_beside.Refused as error:
                report.error = str(error)
            # the storage or the database failed: the page file's transaction is undone
            except (DatabaseError, OSError) as error:
                logger.warning("storing %s failed: %r", beside, error)
                report.error = f"版面文件 {beside.name} 未能保存:{_reason(error)}(稿件已导入,可重新导入)"
        return report

    def _flush(self, pending: list, *, run: ImportRun | None):
        """Load the waiting files in one call; if it fails, one call each, so the file at fault is named."""
        if not pending:
            return
        taken, pending[:] = list(pending), []
        files = [PageFile(o.parsed, raw, path.name, o.prepared) for path, raw, o in taken]
        if len(files) > 1:
            try:  # not retried: a failing call is retried file by file, each with its retries
                results = load_pages(files, **self._load_options())
            except Exception as error:
                reconnect_if_lost_quietly()
                # Expected when another import races for the same rows: said in one line, the trace only when debugging.
                logger.info(
                    "loading %d files together failed (%s); loading them one by one",
                    len(files),
                    type(error).__name__,
                    exc_info=logger.isEnabledFor(logging.DEBUG),
                )
            else:
                for (path, _, outcome), result in zip(taken, results, strict=True):
                    yield FileReport(path, parsed=outcome.parsed, result=result)
                return
        for (path, _, _), page_file in zip(taken, files, strict=True):
            yield self._load_one(path, page_file)

    def _load_one(self, path: Path, page_file: PageFile) -> FileReport:
        report = FileReport(path, parsed=page_file.parsed)
        try:
            report.result = with_retry(load_pages, [page_file], **self._load_options())[0]
        except DatabaseError as error:  # rolled back as a whole: nothing of this file was written
            logger.warning("import of %s failed: %r", path, error)
            report.error = f"{_reason(error)}(数据库错误,本文件未写入,可重新导入)"
        except ValueError as error:  # an option the stored data cannot take (an unknown section)
            report.error = _reason(error)
        except Exception as error:  # a bug must not stop the other files; keep the trace for debugging
            logger.debug("import of %s failed", path, exc_info=True)
            report.error = f"内部错误 {type(error).__name__}: {error}"
        return report

    def _load_options(self) -> dict:
        return {"run": self._run, "publish": self.publish, "section": self.section, "cache": self.cache}

    def _plan(self, path: Path, raw: bytes, parsed: ParsedPage) -> FileReport:
        """A dry run's report: what the file holds, and what loading it would do to each article."""
        report = FileReport(path, parsed=parsed)
        if (beside := page_file_beside.find(path)) is not None:
            try:
                page_file_beside.prepare(beside)
            except page_file_beside.Refused as error:
                return FileReport(path, error=str(error))
            report.page_file = page_file_beside.PageFileReport(beside.name)
        try:
            readers = parse_bytes(raw, str(path), {**self._parse_options(), "for_readers": True}, self.max_bytes)
            report.plan = preview.preview(
                readers.parsed, file_name=path.name, publish=self.publish, section=self.section
            )
        except DatabaseError as error:  # a database never migrated: the parse alone is reported
            logger.info("no plan for %s: %r", path, error)
        return report

    def _parsed_files(self, files: list[Path], *, jobs: int):
        """``(path, raw, Parsed)`` for each file, in order, parsed here or in worker processes."""
        options = self._parse_options()
        if jobs == 1 or len(files) < 2:
            for path in files:
                try:
                    raw = self._read(path)
                except (OSError, ImportOptionError) as error:
                    yield path, None, Parsed(error=_reason(error))
                    continue
                yield path, raw, parse_bytes(raw, str(path), options, self.max_bytes)
            return
        errors: dict[Path, str] = {}

        def read_all():
            for path in files:
                try:
                    raw = self._read(path)
                except (OSError, ImportOptionError) as error:
                    errors[path], raw = _reason(error), None
                yield (path, raw), raw, str(path)

        # The next batch is parsed while the writer loads the last (a dry run takes its files one by one).
        ahead = 0 if self.dry_run else self.batch or AUTO_BATCH
        parsed = parse_in_workers(read_all(), jobs=jobs, options=options, max_bytes=self.max_bytes, ahead=ahead)
        for (path, raw), outcome in parsed:
            yield path, raw, outcome or Parsed(error=errors.pop(path))

    def _parse_options(self) -> dict:
        return {
            "issue_date": self.issue_date,
            "section": self.section.name if self.section else None,
            "section_keywords": self.section_keywords,
            "default_section": self.default_section,
            "places": self.places,
            "paper": settings.NEWSROOM_SITE_NAME,
            "tag_stopwords": self.tag_stopwords,
            "preferred_tags": self.preferred_tags,
            # Stored articles get readers' typography; a dry run reports the text as printed.
            "for_readers": not self.dry_run,
        }

    def import_bytes(self, raw: bytes, *, path: Path, run: ImportRun | None = None) -> FileReport:
        """Parse and load (or plan, in a dry run) one file's bytes: the admin upload's way in."""
        self._run = run
        outcome = parse_bytes(raw, str(path), self._parse_options(), self.max_bytes)
        if outcome.error:
            return FileReport(path, error=outcome.error)
        if self.dry_run:
            return self._plan(path, raw, outcome.parsed)
        return self._load_one(path, PageFile(outcome.parsed, raw, path.name, outcome.prepared))

    def _read(self, path: Path) -> bytes:
        try:
            info = path.stat()
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise ImportOptionError(f"符号链接循环({path} 绕回自身),无法读取") from None
            if path.is_symlink():
                raise ImportOptionError(f"符号链接指向的文件不存在:{os.readlink(path)}") from None
            raise ImportOptionError("文件不存在") from None
        if stat.S_ISDIR(info.st_mode) and _loops(path):
            raise ImportOptionError(f"符号链接循环:指向包含它的目录 {path.resolve()},不再重复读取")
        if not stat.S_ISREG(info.st_mode):
            raise ImportOptionError("不是文件")
        if info.st_size > self.max_bytes:  # refused before a byte is read: a 50 MB file costs nothing
            raise ImportOptionError(too_large(info.st_size, self.max_bytes))
        with path.open("rb") as handle:
            return handle.read(self.max_bytes + 1)  # a file that grew since is refused by parse_bytes

    def _finish(self, report: RunReport) -> None:
        run = report.run
        run.finished_at = timezone.now()
        run.counts = report.totals()
        run.errors = [{"path": str(r.path), "error": r.error} for r in report.failed]
        run.status = ImportRun.Status.FAILED if report.failed else ImportRun.Status.DONE
        run.save(update_fields=["finished_at", "counts", "errors", "status"])

    @staticmethod
    def _find_section(name: str) -> Section:
        section = (
            Section.objects.filter(name=name.strip()).first() or Section.objects.filter(slug=name.strip()).first()
        )
        if section is None:
            known = "、".join(Section.objects.values_list("name", flat=True)) or "(无)"
            raise ImportOptionError(f"没有名为“{name}”的栏目。现有栏目:{known}")
        return section

    @staticmethod
    def _places() -> list[str] | None:
        """The editors' gazetteer (地名); None leaves the parser its shipped list."""
        try:
            return list(Place.objects.values_list("name", flat=True)) or None
        except DatabaseError:  # a dry run against a database that was never migrated
            return None

    @staticmethod
    def _tag_rules() -> tuple[frozenset[str], frozenset[str]]:
        """The editors' words never made tags, and the words tags prefer: their own and the tags in use."""
        try:
            rules = list(TagRule.objects.values_list("word", "rule"))
            in_use = set(Tag.objects.values_list("name", flat=True))
        except DatabaseError:  # a dry run against a database that was never migrated
            return frozenset(), frozenset()
        stop = frozenset(word for word, rule in rules if rule == TagRule.Rule.STOP)
        prefer = frozenset(word for word, rule in rules if rule == TagRule.Rule.PREFER)
        return stop, (prefer | in_use) - stop

    @staticmethod
    def _section_keywords() -> tuple[dict[str, list[str]], str]:
        """Keywords per section, specific sections first, for the parser's automatic assignment."""
        try:
            sections = sorted(Section.objects.all(), key=lambda s: (s.is_default, s.order, s.name))
        except DatabaseError:  # a dry run against a database that was never migrated
            return {}, ""
        keywords = {s.name: s.keyword_list for s in sections if not s.is_default}
        default = next((s.name for s in sections if s.is_default), "")
        return keywords, default


def _say_interrupted(pk: int) -> None:
    """Mark the run interrupted, on a new connection if the stop left this one unusable (a COPY cut short)."""
    from django.db import connection

    for attempt in range(2):
        try:
            ImportRun.objects.filter(pk=pk).interrupt()
            return
        except DatabaseError:
            if attempt == 0 and not connection.in_atomic_block:
                connection.close()


def reconnect_if_lost_quietly() -> None:
    """After a failed call: a connection the server dropped is replaced before the files are loaded one by one."""
    from django.db import connection

    if connection.connection is not None and not connection.is_usable():
        connection.close()


def _analyze(statistics: tuning.TableStatistics, created: int) -> None:
    """Fresh planner statistics now and then: an aid to the import, never a reason to stop it."""
    try:
        statistics.add(created)
    except DatabaseError as error:
        logger.warning("ANALYZE during the import failed (%s); the import goes on", error)
        reconnect_if_lost(error)


@contextlib.contextmanager
def _fewer_collections():
    """Run the garbage collector less often while files are loaded.

    A load builds many small objects that live on (the duplicate index), so Python's default
    thresholds start a full collection every few hundred articles, each walking the whole heap
    (Django, the parser's tables): a third of the writer's time. What exists before the run is
    set aside (``gc.freeze``) and young objects are collected ten times less often.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(thresholds[0] * 10, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


# Reporting


def _counts_text(counts: dict[str, int]) -> str:
    return (
        f"新建 {counts['created']} / 更新 {counts['updated']} / 未变 {counts['unchanged']} / 跳过 {counts['skipped']}"
    )


def describe_file(report: FileReport) -> str:
    """One line per file for the person watching the import."""
    if not report.ok:
        return f"{report.path}: 失败:{report.error}"
    parsed = report.parsed
    if report.result is None:
        page = " ".join(p for p in (parsed.page.label, parsed.page.name) if p) or "未知版面"
        date = parsed.issue_date.isoformat() if parsed.issue_date else "未知日期"
        found = f"解析出 {len(parsed.items)} 篇稿件,{date} {page},提示 {len(parsed.warnings)} 条"
        lines = [f"{report.path}: {found}(试运行,未写入)"]
        if report.page_file is not None:
            lines.append(f"  {report.page_file.describe()}")
        if report.plan is not None:
            lines.append(f"  {report.plan.summary()}")
            for article in report.plan.articles:
                lines.append(f"  {article.position}. 《{article.headline}》:{article.label}")
                lines += [f"      {line}" for line in article.diff.splitlines()]
                lines += [f"      可能与已入库的《{h}》(编号 {pk})相同" for pk, h in article.same_as]
        return "\n".join(lines)
    result = report.result
    photos = f";{report.photos.describe()}" if report.photos else ""
    if report.page_file is not None:
        photos += f";{report.page_file.describe()}"
    if result.unchanged:
        when = timezone.localtime(result.source.imported_at).strftime("%Y-%m-%d %H:%M")
        same = f"{report.path}: 未变:与 {when} 导入的文件相同(来源 #{result.source.pk})"
        if result.articles.updated:  # a chief editor's import of it published the changes still waiting
            return f"{same},待审修订 {result.articles.updated} 条已发布{photos}"
        return f"{same},未写入任何内容{photos}"
    counts = result.counts()
    return (
        f"{report.path}: 稿件 {_counts_text(counts['articles'])};人员 新建 {counts['people']['created']};"
        f"标签 新建 {counts['tags']['created']};提示 {result.warning_count} 条{photos}"
    )


def describe_run(report: RunReport) -> str:
    totals = report.totals()
    if report.dry_run:
        parsed = sum(len(r.parsed.items) for r in report.files if r.parsed is not None)
        return f"试运行:{totals['files']} 个文件,解析出 {parsed} 篇稿件,失败 {totals['failed']} 个;未写入数据库。"
    return (
        f"完成:{totals['files']} 个文件,导入 {totals['imported']},未变 {totals['unchanged']},失败 {totals['failed']};"
        f"稿件 {_counts_text(totals['articles'])};人员 新建 {totals['people']['created']};"
        f"标签 新建 {totals['tags']['created']}。"
    )


def report_to_json(report: RunReport) -> dict:
    """``{"files": [page_to_dict(...)]}``, the contract pipelines rely on, plus what the load did."""
    files = []
    for file_report in report.files:
        if file_report.parsed is None:
            continue
        data = page_to_dict(file_report.parsed, str(file_report.path))
        if file_report.result is not None:
            data["result"] = {"unchanged": file_report.result.unchanged, **file_report.result.counts()}
        if file_report.plan is not None:
            data["plan"] = file_report.plan.as_dict()
        if file_report.photos is not None:
            data["photos"] = file_report.photos.as_dict()
        if file_report.page_file is not None:
            data["page_file"] = file_report.page_file.as_dict()
        files.append(data)
    data = {"files": files}
    if report.failed:
        data["errors"] = [{"path": str(r.path), "error": r.error} for r in report.failed]
    return data


def _reason(error: Exception) -> str:
    message = str(error).strip()
    if isinstance(error, OSError) and error.strerror:
        message = error.strerror
    return message or type(error).__name__
