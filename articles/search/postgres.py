"""The search index on PostgreSQL: ``(article_id, published_on, lexemes)`` and, apart, ``(article_id, document)``.

``lexemes`` holds every word and bigram, stripped of weights and positions, and is read only to
match. One GIN index covers ``(lexemes, published_on)`` (btree_gin), so the newest matches of a
common term are found a few days of the archive at a time; a row of ``articles_search`` holds only
what finding the matches reads (~70 bytes). ``document`` holds the words (``to_tsvector('simple',
...)`` over the same tokens, title weight A, body weight B, with positions) and is read only to
rank, with ``ts_rank()``: in ``articles_search_document``, each in its row (migration 0025), so
ranking reads a primary key and a page a document; the foreign key deletes a document with its
index row. ``published_on`` is a copy of the article's publication date (UTC), used only to pick
which part of the archive to read first; a trigger on the article table (migrations 0010-0011)
keeps it equal whoever writes ``published_at``.
"""

import datetime
import re

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL

from .base import TABLE

# What ranking reads, one row an article (migration 0025); its rows go with their index rows.
DOCUMENTS = "articles_search_document"

# Newest first, as the public lists; never-published articles (admin querysets) last, as on SQLite.
NEWEST_FIRST = (F("published_at").desc(nulls_last=True), F("pk").desc())

# Tokens that PostgreSQL's default text parser reads as one word and the 'simple' dictionary keeps
# as they are: lower-case ASCII letters and digits, and CJK ideographs every libc classes as letters
# (Unicode 3.0's). A document of such tokens only has its tsvectors made by ``vectors()``.
_PLAIN_TEXT = re.compile(r"[a-z0-9\u3400-\u4db5\u4e00-\u9fa5 ]*")
_LAST_POSITION = 16383  # PostgreSQL's MAXENTRYPOS - 1: later words share this position
_MAX_POSITIONS = 256  # MAXNUMPOS: positions kept per lexeme
_MAX_WORD_BYTES = 2047  # MAXSTRLEN: longer words are left out of a tsvector


def vectors(title: str, body: str, grams: list[str]) -> tuple[str, str] | None:
    """A document's ``document`` and ``lexemes`` as tsvector literals, or None when it has a token
    this module does not parse as PostgreSQL does.

    The same vectors as ``write_documents()`` has the database build from the tokens
    (``setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')``
    and, stripped, with the bigrams): the import's parsing workers make them, so that the database
    only stores them.
    """
    if not (_PLAIN_TEXT.fullmatch(title) and _PLAIN_TEXT.fullmatch(body)):
        return None
    if any("'" in gram or "\\" in gram for gram in grams):
        return None
    title_words, body_words = _word_positions(title.split()), _word_positions(body.split())
    if title_words is None or body_words is None:
        return None
    # ``||`` shifts the right-hand positions past the last one on the left, and keeps at most
    # _MAX_POSITIONS a word, none after _LAST_POSITION.
    shift = max((positions[-1] for positions in title_words.values()), default=0)
    words = []
    for word, positions in title_words.items():
        listed = "A,".join(map(str, positions)) + "A"
        later = body_words.pop(word, None)
        if later and len(positions) < _MAX_POSITIONS and positions[-1] != _LAST_POSITION:
            listed += "," + _shifted(later, shift, _MAX_POSITIONS - len(positions))
        words.append(f"'{word}':{listed}")
    words += [f"'{word}':{_shifted(positions, shift, _MAX_POSITIONS)}" for word, positions in body_words.items()]
    lexemes = dict.fromkeys(title_words)
    lexemes.update(dict.fromkeys(body_words))
    lexemes.update(dict.fromkeys(grams))
    return " ".join(words), "'" + "' '".join(lexemes) + "'" if lexemes else ""


def _shifted(positions: list[int], shift: int, room: int) -> str:
    """Body positions after ``shift`` title positions, weight B, as ``||`` appends them."""
    if shift + positions[min(room, len(positions)) - 1] >= _LAST_POSITION:
        kept = []
        for position in positions[:room]:
            kept.append(min(position + shift, _LAST_POSITION))
            if kept[-1] == _LAST_POSITION:
                break
        positions, shift = kept, 0
    return "B,".join(map(str, map(shift.__add__, positions[:room]))) + "B"


def _word_positions(tokens: list[str]) -> dict[str, list[int]] | None:
    """``to_tsvector('simple', ' '.join(tokens))``: each word's positions (``tokens`` are plain)."""
    if tokens and len(max(tokens, key=len).encode()) >= _MAX_WORD_BYTES:
        return None
    words: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        kept = words.get(token)
        if kept is None:
            words[token] = [position]
        else:
            kept.append(position)
    if len(tokens) >= _LAST_POSITION or max(map(len, words.values()), default=0) >= _MAX_POSITIONS:
        # A word keeps at most _MAX_POSITIONS - 1 positions, and later words share the last one.
        for word, positions in words.items():
            kept = []
            for position in positions:
                position = min(position, _LAST_POSITION)
                if len(kept) >= _MAX_POSITIONS - 1 or (kept and kept[-1] == _LAST_POSITION):
                    break
                kept.append(position)
            words[word] = kept
    return words


def _tsquery(terms, grams):
    """All ``terms`` or all ``grams``, as ``to_tsquery('simple', ...)`` reads it."""

    def all_of(words):
        # Quoted lexemes: the tsquery parser keeps each token whole.
        quoted = ("'{}'".format(word.replace("\\", "\\\\").replace("'", "''")) for word in words)
        return "(" + " & ".join(quoted) + ")"

    return " | ".join(all_of(words) for words in (terms, grams) if words)


class PostgresBackend:
    """Match on ``lexemes`` (GIN), choose the newest matches by date, rank them on ``document``."""

    query = "to_tsquery('simple', %s)"
    matches = f"SELECT article_id AS id FROM {TABLE} WHERE lexemes @@ {query}"
    # At most this many matches (article ids and dates) are read at once from the index.
    BATCH = 10_000
    # A read by days spans at most the days that hold this many rows of the table: the GIN index
    # pays for every row of a range's days (btree_gin), though far less than for each match it
    # reads from the table, so a sparse term is read in few wide ranges (bench/README.md, search).
    RANGE_ROWS = 100_000
    # The first days read for a query, and how much further each next read may reach.
    FIRST_DAYS, MAX_GROWTH = 8, 32
    # Past this many matches read per match kept, the filters are the narrower side.
    MAX_READ = 20

    @staticmethod
    def expression(terms, grams):
        return _tsquery(terms, grams)

    @staticmethod
    def matcher(terms, grams):
        """The matches of ``expression(terms, grams)`` with fewer lexemes for the GIN index to
        intersect, or None when there is no shorter form.

        All the grams imply all the terms when every term is one of them (a query of two-character
        words: 基层治理 is 基层 & 治理, or 基层 & 层治 & 治理), and the other way round. Only matching
        reads it: ``ts_rank`` weighs the query as written, so ranks stay as they were.
        """
        if not (terms and grams):
            return None
        if set(terms) <= set(grams):
            return _tsquery(terms, [])
        if set(grams) <= set(terms):
            return _tsquery([], grams)
        return None

    def ranked(self, queryset, expression, window, match=None):
        newest = self.newest(queryset, expression, window, match or expression)
        # sorted() is stable: equal ranks stay newest first.
        return sorted(newest, key=lambda row: -row[1])

    def newest(self, queryset, expression, window, match) -> list[tuple[int, float]]:
        """``(id, rank)`` of the ``window`` newest matches in ``queryset``, newest first: the articles
        ``match`` finds, ranked by ``expression``.

        Matches are read newest first, in one of two ways. Those of a few days, through the GIN
        index over (lexemes, published_on): every query starts with FIRST_DAYS, and a common term
        goes on further and further back, sized by what the days read so far held; a range costs
        for every row of its days (btree_gin merges the days' entries), so a read never spans more
        than about RANGE_ROWS rows. Or, once the days read say that the matches left are few (under
        half a BATCH), all those published before a day at once, through the lexemes alone. (The
        planner's estimates of a term's matches are no guide: it knows the most common lexemes,
        guesses a fixed share of the rows for the others and multiplies for AND.) Of what a read finds, only the newest days that should hold the wanted
        matches are checked against the article table (its status, publication time and the page's
        filters), the older ones next if those fell short. When the filters keep almost none of the
        matches, the filtered articles lead instead. Each read is one statement that also ranks
        what it keeps; never-published articles come last.
        """
        today = datetime.datetime.now(datetime.UTC).date()
        whole = False  # the next read: all before ``upper`` (else the days before it)
        rows = 0.0  # rows of the index table, as the planner counts them
        found: list[tuple[int, float]] = []
        checked = 0  # matches checked against the article table so far
        matched, days_read = 0, 0  # matches read in whole days, and those days: how dense the term is
        oldest = None  # the oldest publication date, learnt from the first read
        upper, span = None, self.FIRST_DAYS  # the next read ends before ``upper`` (None: no end)
        while True:
            wanted = window - len(found)
            lower = None
            if not whole:
                start = upper or today
                lower = start - datetime.timedelta(days=int(min(span, 100 * 366)) + 1)
                if oldest is not None and lower <= oldest:
                    lower = None  # the rest of the archive, and the never-published
            share = len(found) / checked if checked else 1.0  # of the matches checked, kept
            candidates = min(self.BATCH, int(wanted / max(share, 1 / self.MAX_READ) * 1.25) + 10)
            count, since, kept, first, rows = self._read(queryset, expression, match, lower, upper, wanted, candidates)
            oldest = oldest or first
            if count > self.BATCH:  # too many matches at once: fewer days
                if whole and oldest is not None:
                    whole = False
                elif span < 2:
                    return found + self._walk(queryset, expression, match, upper, wanted)
                else:
                    span /= 4
                continue
            found += kept
            if len(found) == window:
                return found
            checked += min(count, candidates)
            if since is not None:  # older matches of these days remain: next
                upper = since
            elif lower is None:  # every match checked
                return found
            elif oldest is None:  # no article was ever published: the never-published at once
                upper, whole = lower, True
            else:
                matched += count
                days_read += ((upper or today) - lower).days
                upper = lower
                per_day = matched / (days_read or 1)
                if per_day * (upper - oldest).days <= self.BATCH / 2:
                    whole = True  # few left: all at once
                else:
                    kept_per_day = len(found) / (days_read or 1)
                    rows_per_day = rows / max((today - oldest).days, 1)
                    span = min(
                        (window - len(found)) / kept_per_day * 1.25 if kept_per_day else float("inf"),  # enough
                        self.BATCH / 2 / per_day if per_day else float("inf"),  # well under BATCH matches
                        (days_read or 1) * self.MAX_GROWTH,
                        max(self.RANGE_ROWS / rows_per_day, 1) if rows_per_day else float("inf"),
                    )
            if checked >= self.BATCH and len(found) * self.MAX_READ < checked:
                # The filters keep under one match in MAX_READ: the filtered articles lead.
                return found + self._walk(queryset, expression, match, upper, window - len(found))

    def _read(
        self, queryset, expression, match, lower, upper, count, candidates
    ) -> tuple[int, datetime.date | None, list[tuple[int, float]], datetime.date | None, float]:
        """Matches published on ``[lower, upper)`` (dates, None: unbounded; never-published last).

        Returns how many (up to BATCH + 1), the day ``since`` down to which they were checked, the
        newest ``count`` of those in ``queryset`` with their ranks (none when there are over BATCH),
        the oldest publication date of all articles and the planner's count of the index's rows.
        Only the matches of the newest days that
        hold ``candidates`` of them are checked against the article table (whole days: every
        match published before ``since`` is older than all of them); ``since`` is None when every
        match was checked.
        """
        where, params = [f"lexemes @@ {self.query}"], [match]
        if lower is not None:
            # Through the index: btree_gin reads the entries from this day on.
            where.append("published_on >= %s")
            params.append(lower)
        if upper is not None:
            # On the rows found, not in the index: btree_gin would read every earlier day.
            where.append("published_on + 0 < %s")
            params.append(upper)
        matches = (
            f"SELECT article_id, published_on FROM {TABLE} WHERE {' AND '.join(where)} LIMIT %s), "
            # The day of the last match checked; NULL when all are (-infinity: the never-published).
            "search_since AS MATERIALIZED (SELECT nullif((SELECT published_on FROM search_matches "
            "ORDER BY published_on DESC OFFSET %s LIMIT 1), '-infinity') AS day"
        )
        kept = queryset.filter(
            pk__in=RawSQL(
                "SELECT article_id FROM search_matches WHERE published_on >= "
                "coalesce((SELECT day FROM search_since), '-infinity')",
                (),
            )
        ).extra(where=["(SELECT count(*) FROM search_matches) <= %s"], params=[self.BATCH])
        return self._ranked_newest(kept, count, (matches, [*params, self.BATCH + 1, candidates - 1]), expression)

    def _walk(self, queryset, expression, match, before, count) -> list[tuple[int, float]]:
        """The newest ``count`` matches in ``queryset`` published before ``before`` (a date; None: any)."""
        matched = f"articles_article.id IN (SELECT article_id FROM {TABLE} WHERE lexemes @@ {self.query})"
        queryset = queryset.extra(where=[matched], params=[match])
        dated = queryset.filter(published_at__isnull=False)
        if before is not None:
            dated = queryset.filter(published_at__lt=datetime.datetime.combine(before, datetime.time(), datetime.UTC))
        # In the order of the publication-time index (never-published rows apart), so that it can lead.
        found = self._ranked_newest(dated, count, None, expression, order=("-published_at", "-pk"))[2]
        if len(found) < count:
            undated = queryset.filter(published_at__isnull=True)
            found += self._ranked_newest(undated, count - len(found), None, expression)[2]
        return found

    # The documents ranked, through their table's primary key: a few hundred probes, a page each.
    _indexed_rows = f"{DOCUMENTS} AS s ON s.article_id = k.id"

    def _ranked_newest(self, queryset, count, matches, expression, order=NEWEST_FIRST):
        """One statement: ``matches`` (SQL, params) as ``search_matches`` and ``search_since``; their
        size and day, the newest ``count`` rows of ``queryset`` with their ranks, the oldest
        publication date and the planner's count of the index's rows."""
        newest = queryset.order_by(*order).values_list("pk", "published_at")[:count]
        try:
            newest_sql, newest_params = newest.query.sql_with_params()
        except EmptyResultSet:  # the filters rule everything out (an unknown person, ``none()``)
            return 0, None, [], None, 0.0
        order = "k.published_at DESC NULLS LAST, k.id DESC"
        sql = (
            f"SELECT {'(SELECT count(*) FROM search_matches), (SELECT day FROM search_since)' if matches else '0, NULL'}, "
            f"array_agg(k.id ORDER BY {order}), array_agg(ts_rank(s.document, {self.query}) ORDER BY {order}), "
            "(SELECT (min(published_at) AT TIME ZONE 'UTC')::date FROM articles_article), "
            f"(SELECT reltuples FROM pg_class WHERE oid = '{TABLE}'::regclass) "
            f"FROM ({newest_sql}) AS k (id, published_at) JOIN {self._indexed_rows}"
        )
        params = [expression, *newest_params]
        if matches:
            sql = f"WITH search_matches AS MATERIALIZED ({matches[0]}) {sql}"
            params = [*matches[1], *params]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            size, since, ids, ranks, oldest, rows = cursor.fetchone()
        return size, since, list(zip(ids or [], ranks or [], strict=True)), oldest, max(rows, 0.0)

    # The documents are copied into a temporary table of this session, then stored by one statement:
    # no parameter quoting of thousands of bigram arrays on the client, and one round trip whatever
    # the number of documents. A document comes with its vectors made (``vectors()``, in the import's
    # parsing workers) or as tokens, and then the database builds them.
    STAGE = "articles_search_stage"
    # Words of every kind ``vectors()`` reads, with a repeated word, for ``_parses_as_vectors()``.
    PROBE = ("株洲日报 2023年 g20 1e5 0x1f 一 龥 㐀 䶵 abc", "abc 株洲 123abc 00012 株洲", ["株洲", "洲日"])

    def write(self, documents):
        if not documents:
            return
        latest = {doc[0]: doc for doc in documents}  # the last document given for an id wins
        with transaction.atomic(), connection.cursor() as cursor:
            made = any(len(doc) > 4 and doc[4] is not None for doc in latest.values())
            made = made and self._parses_as_vectors(cursor)
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {self.STAGE} (article_id bigint, title text, body text, "
                "grams text, document tsvector, lexemes tsvector) ON COMMIT DELETE ROWS"
            )
            columns = "article_id, title, body, grams, document, lexemes"
            with cursor.copy(f"COPY {self.STAGE} ({columns}) FROM STDIN") as copy:
                for pk, title, body, grams, *vectors in sorted(latest.values(), key=lambda doc: doc[0]):
                    if made and vectors and vectors[0] is not None:
                        copy.write_row((pk, None, None, None, *vectors[0]))
                    else:
                        copy.write_row((pk, title, body, " ".join(grams), None, None))  # bigrams hold no space
            # Words carry positions and weigh A (title) or B (body); lexemes are the words and the
            # bigrams, bare. The date is the article's, as the trigger on the article table keeps it.
            cursor.execute(
                f"UPDATE {self.STAGE} AS s SET (document, lexemes) = (SELECT d.document, "
                "strip(d.document || array_to_tsvector(string_to_array(s.grams, ' '))) FROM (SELECT "
                "setweight(to_tsvector('simple', s.title), 'A') || setweight(to_tsvector('simple', s.body), 'B') "
                "AS document) AS d) WHERE s.document IS NULL"
            )
            cursor.execute(
                f"INSERT INTO {TABLE} (article_id, published_on, lexemes) "
                "SELECT s.article_id, coalesce((a.published_at AT TIME ZONE 'UTC')::date, '-infinity'), s.lexemes "
                f"FROM {self.STAGE} AS s LEFT JOIN articles_article AS a ON a.id = s.article_id "
                "ON CONFLICT (article_id) DO UPDATE SET published_on = EXCLUDED.published_on, lexemes = EXCLUDED.lexemes"
            )
            cursor.execute(
                f"INSERT INTO {DOCUMENTS} (article_id, document) SELECT article_id, document FROM {self.STAGE} "
                "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document"
            )
            cursor.execute(f"DELETE FROM {self.STAGE}")  # an outer transaction may write again

    def add(self, documents, published_at):
        made, others = [], []
        with connection.cursor() as cursor:
            if documents and self._parses_as_vectors(cursor):
                for doc in documents:
                    (made if len(doc) > 4 and doc[4] is not None else others).append(doc)
            else:
                others = documents
            if made:
                made.sort(key=lambda doc: doc[0])
                # The date as the trigger on the article table keeps it: UTC, -infinity when unpublished.
                with cursor.copy(f"COPY {TABLE} (article_id, published_on, lexemes) FROM STDIN") as copy:
                    for pk, _, _, _, (_, lexemes) in made:
                        when = published_at.get(pk)
                        copy.write_row((pk, when.astimezone(datetime.UTC).date() if when else "-infinity", lexemes))
                # After their index rows, which the foreign key asks for.
                with cursor.copy(f"COPY {DOCUMENTS} (article_id, document) FROM STDIN") as copy:
                    for pk, _, _, _, (document, _) in made:
                        copy.write_row((pk, document))
        self.write(others)

    _parser_checked: dict[tuple, bool] = {}

    def _parses_as_vectors(self, cursor) -> bool:
        """Whether this database builds from tokens the vectors ``vectors()`` makes (once per database).

        It does wherever its text parser classes CJK ideographs as letters, as every libc does; if
        one did not, the documents would be built there from their tokens.
        """
        settings = connection.settings_dict
        key = (settings["HOST"], settings["PORT"], settings["NAME"])
        if key not in self._parser_checked:
            title, body, grams = self.PROBE
            document, lexemes = vectors(title, body, grams)
            cursor.execute(
                "SELECT d.document = %s::tsvector AND strip(d.document || array_to_tsvector(%s::text[])) = %s::tsvector "
                "FROM (SELECT setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') "
                "AS document) AS d",
                [document, grams, lexemes, title, body],
            )
            self._parser_checked[key] = cursor.fetchone()[0]
        return self._parser_checked[key]

    def delete(self, ids):
        """Remove these articles' index rows, and with them (the foreign key) their documents."""
        if ids:
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [list(ids)])
