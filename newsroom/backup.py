"""All content to one portable JSON file and back: ``manage.py export_content`` / ``import_content``.

The file is independent of the database engine (export from PostgreSQL, restore into SQLite or
the other way round) and of row order on disk::

    {"format": "newsroom-content", "version": 1, "exported_at": "...", "counts": {"articles.article": 12, ...},
     "objects": [{"model": "articles.section", "pk": 1, "fields": {...}}, ...]}

Objects are Django's serialization (raw page bytes in base64, dates in ISO 8601), with primary
keys kept so that addresses (``/articles/2024/01/23/42/``) survive a restore. Accounts are not
content: a row that names one (who reviewed, who imported) names it by user name, and a restore
creates the accounts it does not have as inactive, with no usable password, so that attribution
is kept and nobody can log in until an administrator says so. History (django-reversion) and
sessions are not exported; the search index is rebuilt after a restore.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

FORMAT = "newsroom-content"
VERSION = 1
# Parents before children, so a reader of the file meets every key before it is referenced.
MODELS = [
    "articles.section",
    "articles.issue",
    "articles.page",
    "articles.person",
    "articles.personalias",
    "articles.pagecredit",
    "importers.importrun",
    "importers.rawsource",
    "importers.place",
    "taggit.tag",
    "articles.article",
    "articles.byline",
    "taggit.taggeditem",
    "articles.correction",
]
# What the migrations ship (default sections, the gazetteer): a restore replaces it with the paper's own.
_SHIPPED = ["articles.section", "importers.place"]
_CHUNK = 1000


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but datetimes keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A file that cannot be restored, or a database that must not be restored into; for the operator."""


def content_models() -> list:
    return [apps.get_model(label) for label in MODELS if _installed(label)]


def _installed(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def export_content(stream: IO[str]) -> dict[str, int]:
    """Write every content row to ``stream``; returns the count per model."""
    models = content_models()
    counts = {model._meta.label_lower: model._default_manager.count() for model in models}
    header = {"format": FORMAT, "version": VERSION, "exported_at": timezone.now().isoformat(), "counts": counts}
    stream.write(json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ',\n "objects": [\n')
    first = True
    for model in models:
        for data in _serialized(model):
            stream.write(("" if first else ",\n") + json.dumps(data, ensure_ascii=False, cls=_Encoder))
            first = False
    stream.write("\n ]\n}\n")
    return counts


def _serialized(model) -> Iterator[dict]:
    """Rows in primary-key order, a chunk at a time: memory stays flat however large the paper."""
    last = None
    queryset = model._default_manager.order_by("pk")
    while True:
        chunk = list((queryset.filter(pk__gt=last) if last is not None else queryset)[:_CHUNK])
        if not chunk:
            return
        yield from serializers.serialize("python", chunk, use_natural_foreign_keys=True)
        last = chunk[-1].pk


def read(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError) as error:
        raise BackupError(f"无法读取备份文件 {path}:{error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{path} 不是 newsroom 内容备份文件")
    if data.get("version") != VERSION:
        raise BackupError(f"{path} 的格式版本 {data.get('version')} 不受支持(支持 {VERSION})")
    return data


def import_content(path: Path) -> dict[str, int]:
    """Restore a file written by ``export_content`` into a database without content; all or nothing."""
    data = read(path)
    objects = data.get("objects") or []
    models = content_models()
    with transaction.atomic():
        _require_empty(models)
        created_users = _create_missing_users(objects)
        for label in _SHIPPED:
            if _installed(label):
                apps.get_model(label)._default_manager.all().delete()
        counts: dict[str, int] = {}
        with connection.constraint_checks_disabled():
            for restored in serializers.deserialize("python", objects, handle_forward_references=True):
                restored.save()
                label = restored.object._meta.label_lower
                counts[label] = counts.get(label, 0) + 1
        connection.check_constraints()
        _reset_sequences(models)
        expected = {label: n for label, n in (data.get("counts") or {}).items() if n}
        if counts != expected:
            raise BackupError(f"备份文件不完整:应有 {expected},读到 {counts}")
        from articles.search import rebuild_index

        rebuild_index()
    counts["auth.user (inactive, created)"] = created_users
    return counts


def _require_empty(models) -> None:
    shipped = [m for m in models if m._meta.label_lower in _SHIPPED]
    filled = [m._meta.verbose_name for m in models if m not in shipped and m._default_manager.exists()]
    if filled:
        raise BackupError(f"数据库里已有内容({'、'.join(map(str, filled))}):只能恢复到空数据库(先 migrate 一个新库)。")


def _create_missing_users(objects: list[dict]) -> int:
    """Accounts the content names, created inactive and without a usable password when missing."""
    user_model = get_user_model()
    user_fields = {
        (model._meta.label_lower, field.name)
        for model in content_models()
        for field in model._meta.fields
        if field.is_relation and field.related_model is user_model
    }
    names = set()
    for data in objects:
        for name, value in (data.get("fields") or {}).items():
            if (data.get("model"), name) in user_fields and value:
                names.add(value[0] if isinstance(value, list) else value)
    existing = set(
        user_model._default_manager.filter(**{f"{user_model.USERNAME_FIELD}__in": names}).values_list(
            user_model.USERNAME_FIELD, flat=True
        )
    )
    missing = sorted(names - existing)
    for name in missing:
        user = user_model(**{user_model.USERNAME_FIELD: name}, is_active=False)
        user.set_unusable_password()
        user.save()
    return len(missing)


def _reset_sequences(models) -> None:
    """After rows were written with their own keys, new rows must not collide with them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
