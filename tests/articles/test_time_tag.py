"""``time_tag``: a publication time as the lists and the article page print it, Django's ``date`` markup."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from articles.templatetags.public import time_tag

DJANGO = Template("""<time datetime="{{ when|date:'c' }}">{{ when|date:"Y年n月j日 H:i" }}</time>""")
UTC = datetime.UTC

TIMES = [
    datetime.datetime(2023, 2, 28, 7, 5, tzinfo=UTC),
    datetime.datetime(2023, 2, 28, 16, 30, tzinfo=UTC),  # the next day in 株洲 (UTC+8)
    datetime.datetime(1999, 12, 31, 23, 59, 59, 123456, tzinfo=UTC),  # microseconds, a year turning
    datetime.datetime(2024, 1, 9, 0, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai")),
    datetime.datetime(2021, 7, 1, 9, 3, tzinfo=zoneinfo.ZoneInfo("America/New_York")),
    datetime.datetime(2024, 3, 5, 8, 0),  # naive: printed as it is
    None,
]


@pytest.mark.parametrize("when", TIMES)
def test_time_tag_prints_what_the_date_filter_prints(when):
    assert time_tag(when) == DJANGO.render(Context({"when": when}))


@pytest.mark.parametrize("when", TIMES[:3])
def test_time_tag_follows_the_current_time_zone(when):
    with timezone.override(zoneinfo.ZoneInfo("Europe/London")):
        assert time_tag(when) == DJANGO.render(Context({"when": when}))


def test_time_tag_reads_the_local_day():
    assert time_tag(TIMES[1]) == '<time datetime="2023-03-01T00:30:00+08:00">2023年3月1日 00:30</time>'
