"""Inserting many new rows at once: ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere.

``insert(objs)`` stores new model instances as ``bulk_create`` does: ``pre_save`` fills the
automatic dates, and each instance gets its primary key. On PostgreSQL the keys are taken
from the table's sequence in one query (``nextval`` over ``generate_series``, in ascending
order) and the rows go in with ``COPY ... FROM STDIN``: no INSERT of thousands of parameters
to build, send and parse. ``insert_rows(model, columns, rows)`` does the same for plain tuples
(link tables: no instances, no keys back).

Both run inside the caller's transaction; the behaviour is the same on every database.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models


def uses_copy() -> bool:
    return connection.vendor == "postgresql"


def take_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` new primary keys of ``model``'s table, ascending (PostgreSQL only)."""
    if count == 0:
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) AS id FROM generate_series(1, %s) ORDER BY id",
            [connection.ops.quote_name(table), column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def insert(objs: Sequence[models.Model]) -> None:
    """Store new instances of one model, setting their primary keys."""
    if not objs:
        return
    model = type(objs[0])
    if not uses_copy():
        model._default_manager.bulk_create(objs)
        return
    opts = model._meta
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    for obj, pk in zip(objs, take_ids(model, len(objs)), strict=True):
        obj.pk = pk
    fields = list(opts.concrete_fields)
    rows = ([field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields] for obj in objs)
    _copy(opts.db_table, [field.column for field in fields], rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Store new rows given as tuples of field values, ``columns`` naming the fields by attribute
    (``article_id`` for a foreign key); primary keys are left to the database and not returned."""
    if not rows:
        return
    if not uses_copy():
        model._default_manager.bulk_create([model(**dict(zip(columns, row, strict=True))) for row in rows])
        return
    column_of = {field.attname: field.column for field in model._meta.concrete_fields}
    _copy(model._meta.db_table, [column_of[name] for name in columns], rows)


def _copy(table: str, columns: list[str], rows) -> None:
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
