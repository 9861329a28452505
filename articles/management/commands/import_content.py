"""``manage.py import_content FILE``: restore a file of ``export_content`` into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import BackupError, import_content


class Command(BaseCommand):
    help = "把 export_content 导出的 JSON 文件恢复到一个空数据库(先 migrate),全部成功或什么都不写。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE")

    def handle(self, *args, file, **options):
        try:
            counts = import_content(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write("已恢复:" + ",".join(f"{k} {v}" for k, v in counts.items()) + ";搜索索引已重建。")
