"""``manage.py import_pages PATH...``: arguments in, report out; the work is in ``importers.runner``."""

import argparse
import contextlib
import json
import signal
import sys
import threading

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from importers import runner

# Pages done, pages per second (never inverted to seconds per page) and the time left.
PROGRESS_FORMAT = "{l_bar}{bar}| {n_fmt}/{total_fmt} 页 · {rate_noinv_fmt} · 已用 {elapsed} · 剩余约 {remaining}"


def issue_date_argument(value):
    try:
        return runner.parse_issue_date(value)
    except runner.ImportOptionError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


@contextlib.contextmanager
def _exit_on_sigterm():
    """SIGTERM (kill, systemd, a container stopping) ends the command as Ctrl-C does: the run is marked interrupted.

    SIGKILL cannot be caught; the next import on this host, or the admin's list of runs, marks that run.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Command(BaseCommand):
    help = "导入版面文本文件(或目录中的 *.txt):解析、入库,报告每个文件的新建/更新/未变/跳过数。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="版面文件或目录")
        parser.add_argument("--dry-run", action="store_true", help="只解析并报告,不写数据库")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="输出格式,默认 text")
        parser.add_argument("--section", metavar="NAME", help="全部稿件归入这个栏目(名称或网址名)")
        parser.add_argument("--issue-date", type=issue_date_argument, metavar="YYYY-MM-DD", help="出版日期")
        parser.add_argument("--publish", action="store_true", help="导入的稿件直接发布")
        parser.add_argument(
            "--jobs",
            type=int,
            metavar="N",
            help="用 N 个进程并行解析(写库仍是一个进程);默认按文件数自动选择",
        )
        parser.add_argument(
            "--batch",
            type=int,
            metavar="N",
            help=f"每 N 个文件一起写库(某批失败则逐个文件重试);默认 {runner.AUTO_BATCH}",
        )

    def handle(self, *args, paths, dry_run, format, section, issue_date, publish, jobs, batch, verbosity, **options):
        if (jobs is not None and jobs < 1) or (batch is not None and batch < 1):
            raise CommandError("--jobs 和 --batch 至少为 1。")
        try:
            importer = runner.Importer(
                dry_run=dry_run, issue_date=issue_date, section=section, publish=publish, jobs=jobs, batch=batch
            )
        except runner.ImportOptionError as error:
            raise CommandError(str(error)) from None
        files = runner.find_page_files(paths)
        if not files:
            raise CommandError("没有找到版面文件:目录中没有 *.txt 文件。")
        as_text = format == "text"
        progress = tqdm(
            total=len(files),
            file=sys.stderr,
            unit="页",
            bar_format=PROGRESS_FORMAT,
            dynamic_ncols=True,
            disable=not (sys.stderr.isatty() and len(files) > 1),
        )

        def on_file(file_report):
            progress.update()
            with tqdm.external_write_mode(file=sys.stderr):
                if not file_report.ok:
                    self.stderr.write(runner.describe_file(file_report))
                elif as_text:
                    self.stdout.write(runner.describe_file(file_report))
                    if verbosity > 1 and file_report.result is not None:
                        for warning in file_report.result.warnings:
                            self.stdout.write(f"  提示:{warning}")
                        for headline, warnings in file_report.result.article_warnings.items():
                            for warning in warnings:
                                self.stdout.write(f"  《{headline}》提示:{warning}")
            if as_text and file_report.result is not None:
                # The text summary needs only the counts: memory stays flat however many files are imported.
                file_report.parsed = None
                file_report.result.source = None
                file_report.result.article_warnings = {}

        with progress, _exit_on_sigterm():
            report = importer.run(files, on_file=on_file)

        if as_text:
            self.stdout.write(runner.describe_run(report))
        else:
            self.stdout.write(json.dumps(runner.report_to_json(report), ensure_ascii=False, indent=2))
        if report.failed:
            names = "、".join(str(r.path) for r in report.failed)
            raise CommandError(f"{len(report.failed)} 个文件导入失败:{names}")
