"""Keyset pagination for article lists: newest first, no COUNT(*), the same cost on any page.

A cursor names the last article shown as ``<published_at in µs since the epoch>.<id>``;
the next page is everything older, in ``(-published_at, -id)`` order.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@dataclass
class KeysetPage:
    object_list: list
    next_cursor: str | None
    is_first: bool

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def make_cursor(article) -> str:
    delta = article.published_at - _EPOCH
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return f"{micros}.{article.pk}"


def parse_cursor(cursor: str | None) -> tuple[datetime.datetime, int] | None:
    try:
        micros, pk = (int(part) for part in (cursor or "").split("."))
        return _EPOCH + datetime.timedelta(microseconds=micros), pk
    except (TypeError, ValueError, OverflowError):
        return None


def keyset_page(queryset, cursor: str | None, per_page: int = 20) -> KeysetPage:
    position = parse_cursor(cursor)
    if position:
        published_at, pk = position
        queryset = queryset.filter(Q(published_at__lt=published_at) | Q(published_at=published_at, pk__lt=pk))
    items = list(queryset.order_by("-published_at", "-pk")[: per_page + 1])
    more = len(items) > per_page
    items = items[:per_page]
    return KeysetPage(items, make_cursor(items[-1]) if more else None, position is None)
