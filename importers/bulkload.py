"""Loading many new pages at once: ``import_pages --batch N``, for archives of thousands of pages.

``load_batch`` stores a run of *new* pages (file never imported, page not yet stored) in one
transaction and a fixed number of queries, where ``load_page`` spends twenty-odd round trips
on each file. What it stores is what ``load_page`` would store file after file: the same
issues, pages, raw sources, people and tags (created once, counted for the first file that
names them), articles, bylines, tag links, sidebars, continuations, search index and warnings.
Each file is still all or nothing: if the batch fails, it is rolled back whole and the caller
loads its files one by one with ``load_page``, which names the file that fails.

The writer only writes: each article's stored body, duplicate-check shingles and search
document come made (``importers.prepared``, in the parsing workers of ``--jobs`` runs), and the
many rows (raw sources, articles, bylines, tag links) go in through ``importers.bulkinsert``
(``COPY`` on PostgreSQL).

Two differences, both in the editors' warnings: within one batch the possible-misspelling
check sees the bylines of the whole batch, and the duplicate check compares a file with the
files before it in the batch as ``load_page`` would, from one query for the whole batch.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles import search
from articles.models import Article, Byline, Issue, Page, PageCredit, Person, Section
from newsroom import pagecache

from . import bulkinsert
from .loading import (
    _DUPLICATE_CANDIDATE_LIMIT,
    _DUPLICATE_WINDOW,
    _PUBLISHABLE,
    _REPEATING_KINDS,
    _ROLES,
    LoadCache,
    LoadResult,
    _all_names,
    _content_hash,
    _decode,
    _fit,
    _furniture_dict,
    _index_new_documents,
    _item_fields,
    _link_continuations,
    _page_key,
    _resolve_people,
    _resolve_tags,
    _section_resolver,
    _variant_warnings,
    byline_credits,
    duplicate_matches,
    duplicate_warning,
    import_key,
    normalize_headline,
    page_number,
    publication_time,
)
from .models import ImportRun, RawSource
from .prepared import PreparedItem, prepare

logger = logging.getLogger(__name__)


@dataclass
class PageFile:
    parsed: object  # ParsedPage
    raw: bytes
    file_name: str
    prepared: list[PreparedItem] | None = None  # prepare(parsed), when a parsing worker made it


def batchable(files: list[PageFile]) -> int:
    """How many files at the head of ``files`` ``load_batch`` can take: new pages, each once."""
    shas = [hashlib.sha256(f.raw).hexdigest() for f in files]
    known = set(RawSource.objects.filter(sha256__in=shas).values_list("sha256", flat=True))
    dates = {f.parsed.issue_date for f in files if f.parsed.issue_date}
    stored_pages = set()
    for issue_date, number, source_name in Page.objects.filter(issue__printed_on__in=dates).values_list(
        "issue__printed_on", "number", "source_name"
    ):
        stored_pages.add((issue_date, "n", number))
        stored_pages.add((issue_date, "s", source_name))
    seen_shas, count = set(), 0
    for f, sha in zip(files, shas, strict=True):
        date = f.parsed.issue_date
        number = page_number(f.parsed.page.label)
        keys = {(date, "s", _fit(f.file_name, Page, "source_name"))}
        if number is not None:
            keys.add((date, "n", number))
        if date is None or sha in known or sha in seen_shas or keys & stored_pages:
            break
        seen_shas.add(sha)
        stored_pages |= keys
        count += 1
    return count


@transaction.atomic
def load_batch(
    files: list[PageFile],
    *,
    run: ImportRun | None = None,
    publish: bool = False,
    section: Section | str | None = None,
    cache: LoadCache | None = None,
) -> list[LoadResult]:
    """Store new pages (``batchable`` says which) in one transaction; one ``LoadResult`` per file."""
    cache = cache or LoadCache()
    now = timezone.now()
    resolve_section = _section_resolver(section, cache.section_list())
    _gather_search_entries()

    # Issues and pages
    dates = sorted({f.parsed.issue_date for f in files})
    issues = {i.printed_on: i for i in Issue.objects.filter(printed_on__in=dates)}
    new_issues = Issue.objects.bulk_create([Issue(printed_on=d) for d in dates if d not in issues])
    issues.update((i.printed_on, i) for i in new_issues)
    pages = Page.objects.bulk_create(
        [
            Page(
                issue=issues[f.parsed.issue_date],
                number=page_number(f.parsed.page.label),
                label=_fit(f.parsed.page.label, Page, "label"),
                name=_fit(f.parsed.page.name, Page, "name"),
                source_name=_fit(f.file_name, Page, "source_name"),
            )
            for f in files
        ]
    )

    # People and tags: created once, counted as created for the first file that names them
    names_by_file = [_all_names(f.parsed) for f in files]
    people_before = Person.objects.aggregate(last=Max("pk"))["last"] or 0
    tags_before = Tag.objects.aggregate(last=Max("pk"))["last"] or 0
    people, _ = _resolve_people(list(dict.fromkeys(n for names in names_by_file for n in names)))
    tag_names_by_file = [
        list(dict.fromkeys(_fit(t.strip(), Tag, "name") for item in f.parsed.items for t in item.tags if t.strip()))
        for f in files
    ]
    tags, _ = _resolve_tags(t for names in tag_names_by_file for t in names)
    counted_people, counted_tags = set(), set()

    results = []
    sources = []
    for f, page, names, tag_names in zip(files, pages, names_by_file, tag_names_by_file, strict=True):
        result = LoadResult(source=None, issue=issues[f.parsed.issue_date], page=page, page_created=True)
        result.warnings.extend(f.parsed.warnings)
        _count_first_use(result.people, [people[n] for n in names], people_before, counted_people)
        _count_first_use(result.tags, [tags[t] for t in tag_names], tags_before, counted_tags)
        result.articles.created = len(f.parsed.items)
        results.append(result)
        sources.append(
            RawSource(
                file_name=f.file_name,
                sha256=hashlib.sha256(f.raw).hexdigest(),
                encoding=f.parsed.encoding or "",
                raw=f.raw,
                text=_decode(f.raw, f.parsed.encoding),
                size=len(f.raw),
                run=run,
                page=page,
                furniture=[_furniture_dict(x) for x in f.parsed.furniture],
                unassigned=list(f.parsed.unassigned),
                counts=result.counts(),
                warnings=result.warnings,
            )
        )
    bulkinsert.insert(sources)
    for result, source in zip(results, sources, strict=True):
        result.source = source

    # Page staff
    credits = []
    for f, page in zip(files, pages, strict=True):
        seen = set()
        for credit in f.parsed.page.staff:
            person = people.get(credit.name.strip())
            key = (person.pk if person else None, credit.role)
            if person is None or credit.role not in _ROLES or key in seen:
                continue
            seen.add(key)
            credits.append(PageCredit(page=page, person=person, role=credit.role, order=len(seen) - 1))
    PageCredit.objects.bulk_create(credits)

    # Articles, as load_page builds new ones
    written_by_file: list[list[tuple[Article, object]]] = []
    ready: list[tuple[Article, PreparedItem, dict]] = []
    for f, result in zip(files, results, strict=True):
        page_key = _page_key(f.parsed, f.file_name)
        occurrences: dict[str, int] = defaultdict(int)
        written = []
        prepared_items = f.prepared or prepare(f.parsed)
        for position, (item, prepared) in enumerate(zip(f.parsed.items, prepared_items, strict=True), start=1):
            normalized = normalize_headline(item.headline)
            occurrences[normalized] += 1
            fields = _item_fields(item, body=prepared.body)
            target = resolve_section(item.section or f.parsed.page.name)
            article = Article(
                import_key=import_key(f.parsed.issue_date, page_key, item.headline, occurrences[normalized]),
                **fields,
            )
            article.section = target
            article.page = result.page
            article.copy_print_order()
            article.position = position
            article.source = result.source
            article.imported_hash = _content_hash(
                fields, item, target.pk if target else None, result.page.pk, position
            )
            article.warnings = list(dict.fromkeys(item.warnings))
            if publish and article.status in _PUBLISHABLE:
                article.status = Article.Status.PUBLISHED
                article.published_at = publication_time(f.parsed.issue_date, now)
            written.append((article, item))
            ready.append((article, prepared, fields))
        written_by_file.append(written)
    bulkinsert.insert([a for written in written_by_file for a, _ in written])

    content_type = ContentType.objects.get_for_model(Article)
    bylines, links, parents = [], [], []
    indexed_names: dict[int, list[str]] = {}  # what the search index holds besides the text
    for written in written_by_file:
        heads = {normalize_headline(a.headline): a for a, _ in written}
        for article, item in written:
            credits = byline_credits(item, people)
            bylines += [(article.pk, person.pk, role, order) for order, (person, role) in enumerate(credits)]
            names = dict.fromkeys(_fit(t.strip(), Tag, "name") for t in item.tags if t.strip())
            links += [(tags[n].pk, content_type.pk, article.pk) for n in names]
            indexed_names[article.pk] = [person.name for person, _ in credits] + list(names)
            if item.parent_headline:
                parent = heads.get(normalize_headline(item.parent_headline))
                if parent is not None and parent.pk != article.pk:
                    article.parent = parent
                    parents.append(article)
    bulkinsert.insert_rows(Byline, ["article_id", "person_id", "role", "order"], bylines)
    bulkinsert.insert_rows(TaggedItem, ["tag_id", "content_type_id", "object_id"], links)
    Article.objects.bulk_update(parents, ["parent"])
    for result, written in zip(results, written_by_file, strict=True):
        _link_continuations(result, written)
    pagecache.content_changed()  # COPY sends no signals
    batch_result = LoadResult(source=None)
    documents = [
        (
            article.pk,
            *(
                prepared.document
                if prepared.matches(fields, indexed_names[article.pk])
                else search.document(
                    article.kicker, article.headline, article.subheadline, article.body, indexed_names[article.pk]
                )
            ),
        )
        for article, prepared, fields in ready
    ]
    samples = {article.pk: prepared.shingles for article, prepared, _ in ready}
    match_duplicates = _duplicate_check(files, results, written_by_file, cache, samples)
    # The duplicate check is Python alone: it runs while the database stores the search documents.
    with futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="duplicate-check") as alongside:
        duplicates = alongside.submit(match_duplicates)
        _index_new_documents(documents, {a.pk: a.published_at for a, _, _ in ready}, batch_result)
    for result in results:
        result.warnings.extend(batch_result.warnings)

    # Which file first brought in each person, so a file sees only people and bylines stored before it.
    first_file: dict[int, int] = {}
    for position, names in enumerate(names_by_file):
        for name in names:
            pk = people[name].pk
            if pk > people_before:
                first_file.setdefault(pk, position)
    _add_warnings(results, written_by_file, first_file, duplicates.result())
    if batch_result.warnings:
        RawSource.objects.bulk_update([r.source for r in results], ["warnings"])
    return results


# New entries of the search index's GIN wait in its pending list until the list outgrows
# gin_pending_list_limit (4 MB by default); the insert that finds it full then merges it into the
# index, sorting it in work_mem (4 MB). A merge costs less per entry the more it holds: a batch
# import lets the list grow larger, and merges the rest when it is done (finish_search_index), so
# that searches never read a long pending list afterwards.
_PENDING_LIST = "32MB"
_MERGE_MEMORY = "64MB"


def _gather_search_entries() -> None:
    """Larger, fewer merges of the search index's new entries, for this transaction (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL gin_pending_list_limit = '{_PENDING_LIST}'")
            cursor.execute(f"SET LOCAL work_mem = '{_MERGE_MEMORY}'")


def finish_search_index() -> None:
    """Once a batch import is done: merge the search index's pending entries into the index, and
    refresh the statistics that searches are planned with (``TableStatistics`` leaves them out).

    Needs the ownership of the index (as VACUUM does); without it, autovacuum or later inserts do both.
    """
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{_MERGE_MEMORY}'")
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [f"{search.TABLE}_lexemes"])
            cursor.execute(f"ANALYZE {connection.ops.quote_name(search.TABLE)}")
    except DatabaseError:
        logger.info("the search index's pending entries were left to autovacuum", exc_info=True)


class TableStatistics:
    """ANALYZE the tables an import fills each time the articles have doubled since the last time.

    PostgreSQL plans from its statistics, and a session keeps the plans of its statements and of
    the triggers it fires. Where autovacuum is off or lags behind a bulk load, a plan made while a
    table was empty (a sequential scan) stays while the table grows, and every new row pays for
    the whole table: the import slows down with every page. Analyzing at 500, 1,000, 2,000...
    articles keeps the plans right for a few seconds over 100,000 articles; a large archive is
    analyzed again only once an import has doubled it.

    The search index is left out: the import never reads it, and its statistics (word frequencies
    over large tsvectors) cost more than all the other tables' together; ``finish_search_index``
    refreshes them once at the end.
    """

    FIRST = 500

    def __init__(self):
        self.next_at: int | None = None
        self.written = 0

    def add(self, articles: int) -> bool:
        """Count newly written articles; ANALYZE when they reach the next threshold (True if it did)."""
        if connection.vendor != "postgresql" or articles <= 0:
            return False
        if self.next_at is None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Article._meta.db_table])
                stored = cursor.fetchone()[0]
            self.next_at = max(self.FIRST, int(stored))
        self.written += articles
        if self.written < self.next_at:
            return False
        quote = connection.ops.quote_name
        tables = [model._meta.db_table for model in (Article, Byline, TaggedItem, RawSource, Page, Issue, Person)]
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(quote(t) for t in [*tables, Tag._meta.db_table])}")
        self.next_at = 2 * self.written
        return True


def _count_first_use(counts, objects, new_after: int, counted: set) -> None:
    """Counts as load_page makes them: created for the first file that brings a new object in."""
    for pk in dict.fromkeys(o.pk for o in objects):
        if pk > new_after and pk not in counted:
            counts.created += 1
        else:
            counts.unchanged += 1
        counted.add(pk)


class _Candidates:
    """Which stored articles a file's articles are compared with, as ``load_page`` picks them:
    the newest ``_DUPLICATE_CANDIDATE_LIMIT`` stored before the file's first article, from other
    pages and files, that were stored recently, printed within days of the file, or share a headline.

    ``rows`` are ``(pk, updated_at, page_id, source file name, printed_on, created_at)``, newest first.
    """

    def __init__(self, rows: list[tuple], index, *, since):
        self.rows, self.index, self.since = rows, index, since
        self.descending = [-row[0] for row in rows]  # ascending, for bisect
        self.pks = [row[0] for row in rows]
        self.all_recent = all(row[5] >= since for row in rows)
        self.by_page: dict[int, list[int]] = defaultdict(list)
        self.by_source: dict[str, list[int]] = defaultdict(list)
        for position, (_, _, page_id, source_name, _, _) in enumerate(rows):
            self.by_page[page_id].append(position)
            self.by_source[source_name].append(position)

    def allowed(self, f: PageFile, page_pk: int, articles: list[Article]) -> set[int]:
        first = min(a.pk for a in articles)
        start = bisect.bisect_right(self.descending, -first)  # rows[start:] were stored before `first`
        excluded = [p for p in (*self.by_page.get(page_pk, ()), *self.by_source.get(f.file_name, ())) if p >= start]
        if self.all_recent and not excluded:
            # A bulk import: every row qualifies, the window is the next rows in order.
            return set(self.pks[start : start + _DUPLICATE_CANDIDATE_LIMIT])
        low, high = f.parsed.issue_date - _DUPLICATE_WINDOW, f.parsed.issue_date + _DUPLICATE_WINDOW
        own_headlines = {a.headline for a in articles}
        allowed = set()
        for pk, _, page_id, source_name, printed_on, created_at in self.rows[start:]:
            if page_id == page_pk or source_name == f.file_name:
                continue
            entry = self.index.entries.get(pk)
            if (
                created_at >= self.since
                or (printed_on and low <= printed_on <= high)
                or (entry is not None and entry[3] in own_headlines)
            ):
                allowed.add(pk)
                if len(allowed) >= _DUPLICATE_CANDIDATE_LIMIT:
                    break
        return allowed


def _duplicate_check(
    files, results, written_by_file, cache: LoadCache, samples: dict[int, frozenset]
) -> Callable[[], dict[int, list[str]]]:
    """Possible duplicates, as load_page finds them after each file: the stored candidates are read
    here, and the comparison is returned to be run, with no database, as ``{article pk: [warning]}``."""
    index = cache.shingles
    batch_pks = {a.pk for written in written_by_file for a, _ in written}
    dates = [f.parsed.issue_date for f in files]
    nearby = Q(created_at__gte=timezone.now() - _DUPLICATE_WINDOW) | Q(
        page__issue__printed_on__range=(min(dates) - _DUPLICATE_WINDOW, max(dates) + _DUPLICATE_WINDOW)
    )
    headlines = [a.headline for written in written_by_file for a, _ in written]
    rows = list(
        Article.objects.filter(Q(headline__in=headlines) | nearby)
        .exclude(kind__in=_REPEATING_KINDS)
        .order_by("-pk")
        .values_list("pk", "updated_at", "page_id", "source__file_name", "page__issue__printed_on", "created_at")[
            : _DUPLICATE_CANDIDATE_LIMIT + len(batch_pks)
        ]
    )
    index.refresh({pk: stamp for pk, stamp, *_ in rows if pk not in batch_pks})
    candidates = _Candidates(rows, index, since=timezone.now() - _DUPLICATE_WINDOW)

    def compare() -> dict[int, list[str]]:
        found: dict[int, list[str]] = defaultdict(list)
        for f, result, written in zip(files, results, written_by_file, strict=True):
            articles = [a for a, _ in written if a.kind not in _REPEATING_KINDS]
            if not articles:
                continue
            allowed = candidates.allowed(f, result.page.pk, articles)
            for article in articles:
                sample = samples[article.pk]
                for pk in sorted(duplicate_matches(index, article, allowed=allowed, sample=sample))[:3]:
                    found[article.pk].append(duplicate_warning(index, pk))
                index.add(article.pk, article.updated_at, article.headline, article.body, sample=sample)
        return found

    return compare


def _add_warnings(results, written_by_file, first_file: dict[int, int], extra: dict[int, list[str]]) -> None:
    """The duplicate check's warnings (``extra``) and possible misspelled names, as load_page adds them."""
    all_written = [a for written in written_by_file for a, _ in written]
    file_of = {a.pk: position for position, written in enumerate(written_by_file) for a, _ in written}

    def visible(article_pk, variant_pk, other_pk):
        here = file_of[article_pk]
        return first_file.get(variant_pk, -1) <= here and file_of.get(other_pk, -1) <= here

    for article_pk, message in _variant_warnings(all_written, visible=visible):
        extra[article_pk].append(message)
    changed = []
    for article in all_written:
        messages = [m for m in extra.get(article.pk, []) if m not in article.warnings]
        if messages:
            article.warnings = [*article.warnings, *messages]
            changed.append(article)
    Article.objects.bulk_update(changed, ["warnings"])
    for result, written in zip(results, written_by_file, strict=True):
        for article, _ in written:
            if article.warnings:
                result.article_warnings.setdefault(article.headline, []).extend(article.warnings)
