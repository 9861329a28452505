"""The search index on SQLite: an FTS5 table ``(title, body, grams)`` whose rowid is the article id.

The columns hold space-joined tokens (``text.document()``), ranked with ``bm25()``: the title
weighs most, the bigrams least.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

from .base import TABLE


class SQLiteBackend:
    matches = f"SELECT rowid AS id FROM {TABLE} WHERE {TABLE} MATCH %s"
    match = f"{TABLE} MATCH %s"
    # bm25() is lower-is-better; negated so that both backends rank descending.
    rank = f"-bm25({TABLE}, 3.0, 1.0, 0.2)"

    @staticmethod
    def expression(terms, grams):
        def all_of(words):
            return "(" + " AND ".join('"{}"'.format(word.replace('"', '""')) for word in words) + ")"

        return " OR ".join(all_of(words) for words in (terms, grams) if words)

    @staticmethod
    def matcher(terms, grams):
        # bm25() ranks inside the query that matched: FTS5 matches with the expression as written.
        return None

    def ranked(self, queryset, expression, window, match=None):
        # The matches first, from the FTS5 index (SQLite evaluates the IN once), then the queryset's
        # newest ``window`` of them; bm25() ranks those, inside a MATCH query of their own. Joined
        # to the article table instead, SQLite walked the articles newest first and probed the
        # index for each: the rarer the word, the more articles it walked.
        newest = list(
            queryset.filter(pk__in=RawSQL(self.matches, [expression]))
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[:window]
        )
        if not newest:
            return []
        # A rowid range is what FTS5 reads cheaply (its lists are in rowid order; ids grow with time,
        # so the range holds about the window); IN probed the index once per id.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {self.rank} FROM {TABLE} WHERE {self.match} AND rowid BETWEEN %s AND %s",
                [expression, min(newest), max(newest)],
            )
            ranks = dict(cursor.fetchall())
        # sorted() is stable: equal ranks stay newest first.
        return sorted(((pk, ranks[pk]) for pk in newest), key=lambda row: -row[1])

    def write(self, documents):
        if not documents:
            return
        with connection.cursor() as cursor:
            self._delete(cursor, [doc[0] for doc in documents])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body, grams) VALUES (%s, %s, %s, %s)",
                [(pk, title, body, " ".join(grams)) for pk, title, body, grams, *_ in documents],
            )

    def add(self, documents, published_at):
        self.write(documents)

    def delete(self, ids):
        if ids:
            with connection.cursor() as cursor:
                self._delete(cursor, ids)

    @staticmethod
    def _delete(cursor, ids):
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)
