"""``manage.py export_content FILE``: all content to a portable JSON file (see ``newsroom.backup``)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from newsroom.backup import export_content


class Command(BaseCommand):
    help = "把全部内容(栏目、期次、版面、人员、稿件、署名、标签、更正、原始版面文件、导入批次)导出为一个 JSON 文件。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE", help="写入的文件")

    def handle(self, *args, file, **options):
        partial = file.with_name(file.name + ".partial")
        with partial.open("w", encoding="utf-8") as stream:
            counts = export_content(stream)
        partial.replace(file)  # a backup is either whole or absent
        total = sum(counts.values())
        self.stderr.write(f"已导出 {total} 条记录到 {file}:" + ",".join(f"{k} {v}" for k, v in counts.items()))
