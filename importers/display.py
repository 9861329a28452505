"""What an import run's stored options and counts say, in the editors' words.

``ImportRun.options`` and ``ImportRun.counts`` (and ``RawSource.counts``) are JSON written by
``importers.runner``: ``{"files": 5, "articles": {"created": 44, ...}, ...}``. The admin and the desk
show them as tables of Chinese labels, never as keys or JSON.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

RUN_COUNTS = {
    "files": _("文件"),
    "imported": _("已导入"),
    "unchanged": _("未变"),
    "failed": _("失败"),
    "stored": _("已写入"),
}
# Rows of a per-kind count (articles, people, tags, photos), and its columns.
KINDS = {
    "articles": _("稿件"),
    "people": _("人员"),
    "tags": _("标签"),
    "photos": _("图片"),
}
OUTCOMES = {
    "created": _("新建"),
    "updated": _("更新"),
    "unchanged": _("未变"),
    "skipped": _("跳过"),
    "attached": _("已附加"),
    "missing": _("未能附加"),
}
OPTIONS = {
    "dry_run": _("试运行"),
    "issue_date": _("出版日期"),
    "section": _("栏目"),
    "publish": _("导入后直接发布"),
}
ORIGINS = {"command": _("命令行"), "admin": _("后台上传")}


def label(mapping: dict, key: str) -> str:
    """The Chinese label of ``key``; a key this module does not know yet is shown as it is stored."""
    return str(mapping.get(key, key))


def origin_label(origin: str) -> str:
    return label(ORIGINS, origin)


def option_value(value) -> str:
    if value is True:
        return str(_("是"))
    if value is False:
        return str(_("否"))
    if value in (None, ""):
        return str(_("(未指定)"))
    return str(value)


def option_rows(options: dict | None) -> list[tuple[str, str]]:
    return [(label(OPTIONS, key), option_value(value)) for key, value in (options or {}).items()]


def count_rows(counts: dict | None) -> tuple[list[tuple[str, object]], list[str], list[tuple[str, list]]]:
    """``(plain, columns, table)``: the run's single numbers, then one row per kind with a column per outcome."""
    counts = counts or {}
    plain = [(label(RUN_COUNTS, key), value) for key, value in counts.items() if not isinstance(value, dict)]
    kinds = [(key, value) for key, value in counts.items() if isinstance(value, dict)]
    outcomes = list(dict.fromkeys(outcome for _, value in kinds for outcome in value))
    table = [(label(KINDS, key), [value.get(outcome, "") for outcome in outcomes]) for key, value in kinds]
    return plain, [label(OUTCOMES, outcome) for outcome in outcomes], table


def _kv_table(rows):
    return format_html(
        '<table class="nr-kv">{}</table>', format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows)
    )


def options_html(options: dict | None):
    rows = option_rows(options)
    return _kv_table(rows) if rows else "—"


def counts_html(counts: dict | None):
    plain, columns, table = count_rows(counts)
    if not plain and not table:
        return "—"
    parts = [_kv_table(plain)] if plain else []
    if table:
        head = format_html_join("", "<th>{}</th>", ((column,) for column in columns))
        body = format_html_join(
            "",
            "<tr><th>{}</th>{}</tr>",
            ((name, format_html_join("", "<td>{}</td>", ((v,) for v in values))) for name, values in table),
        )
        parts.append(format_html('<table class="nr-counts"><tr><th></th>{}</tr>{}</table>', head, body))
    return format_html_join("", "{}", ((part,) for part in parts))


def local_time(moment) -> str:
    """A stored instant as an editor in Zhuzhou reads it (Asia/Shanghai), to the minute."""
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""
