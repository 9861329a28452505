"""The search index on SQLite: an FTS5 table ``(title, body, grams)`` whose rowid is the article id.

The columns hold space-joined tokens (``text.document()``), ranked with ``bm25()``: the title
weighs most, the bigrams least.
"""

from django.db import connection

from .base import TABLE


class SQLiteBackend:
    join = f"{TABLE}.rowid = articles_article.id"
    matches = f"SELECT rowid AS id FROM {TABLE} WHERE {TABLE} MATCH %s"
    match = f"{TABLE} MATCH %s"
    # bm25() is lower-is-better; negated so that both backends rank descending.
    rank = f"-bm25({TABLE}, 3.0, 1.0, 0.2)"

    @staticmethod
    def expression(terms, grams):
        def all_of(words):
            return "(" + " AND ".join('"{}"'.format(word.replace('"', '""')) for word in words) + ")"

        return " OR ".join(all_of(words) for words in (terms, grams) if words)

    def ranked(self, queryset, expression, window):
        # One pass: the articles newest first, joined to the index; the database stops after
        # ``window`` matches.
        rows = (
            queryset.order_by()
            .extra(
                tables=[TABLE],
                where=[self.join, self.match],
                params=[expression],
                select={"search_rank": self.rank},
                select_params=[expression],
            )
            .order_by("-published_at", "-pk")
            .values_list("pk", "search_rank")[:window]
        )
        return sorted(rows, key=lambda row: -row[1])

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
