"""``manage.py rebuild_search_index``: index every article again, after a failed index update or a restore."""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.search import rebuild_index


class Command(BaseCommand):
    help = "重建全文搜索索引(索引更新失败、恢复备份或批量写入之后)。"

    def handle(self, *args, **options):
        with transaction.atomic():  # searches see the old index until the new one is complete
            count = rebuild_index()
        self.stdout.write(f"已重建搜索索引:{count} 篇稿件。")
