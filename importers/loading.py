"""Store parsed pages: the only part of the importer that writes the newsroom's tables.

``load_pages(files)`` is the one loader, for one file or ten thousand: each call is one
transaction, and reports per file what it created, updated, left unchanged or skipped (as
openstates' importer counts insert / update / noop). A failing call stores nothing; the
runner then loads its files one call each, so the file at fault is named and the others are
kept. Re-running is safe: a file imported before (same SHA-256) writes nothing; a changed
dump of a stored page (under any file name: ``importers.identity``) finds the page and its
articles, leaves the unchanged ones alone, updates the changed ones, and never overwrites an
article an editor has touched (``is_edited``). A change to a published article waits for an
editor as an ``ImportedRevision`` unless the import publishes (``--publish``, a chief editor's
choice in the admin).

The work is set-based: issues, pages, raw sources, people, tags, articles, bylines, tag links
and search documents go in a few statements per call whatever the number of files (``COPY``
on PostgreSQL, ``importers.bulkinsert``). Warnings that need the stored articles are in
``importers.load_warnings``; names become people in ``articles.people``.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from concurrent import futures
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles import people as people_module
from articles import review, search
from articles.body import render_body
from articles.models import Article, Byline, Issue, Page, PageCredit, Person, Role, Section
from newsroom import pagecache

from . import bulkinsert, identity, jumps, load_warnings, revisions, tuning
from .identity import normalize_headline, printed_number
from .models import ImportRun, RawSource
from .prepared import UNTITLED, PreparedItem, prepare

logger = logging.getLogger(__name__)

_ROLES = set(Role.values)
_KINDS = set(Article.Kind.values)
# --publish never brings back what an editor archived.
_PUBLISHABLE = {Article.Status.DRAFT, Article.Status.REVIEW}
# A printed edition goes online in the morning of its date.
_EDITION_ONLINE_AT = datetime.time(6, 0)


@dataclass
class PageFile:
    parsed: object  # ParsedPage
    raw: bytes
    file_name: str
    prepared: list[PreparedItem] | None = None  # prepare(parsed), when a parsing worker made it


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)

    def add(self, other: Counts) -> None:
        for name, count in other.as_dict().items():
            setattr(self, name, getattr(self, name) + count)


@dataclass
class LoadResult:
    source: RawSource | None
    unchanged: bool = False
    issue: Issue | None = None
    page: Page | None = None
    articles: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    tags: Counts = field(default_factory=Counts)
    warnings: list[str] = field(default_factory=list)
    article_warnings: dict[str, list[str]] = field(default_factory=dict)  # headline -> warnings, written articles
    page_created: bool = False
    revisions: int = 0  # changes to published articles waiting for an editor

    @property
    def warning_count(self) -> int:
        return len(self.warnings) + sum(len(w) for w in self.article_warnings.values())

    def counts(self) -> dict[str, dict[str, int]]:
        return {"articles": self.articles.as_dict(), "people": self.people.as_dict(), "tags": self.tags.as_dict()}


class LoadCache:
    """What one import run reuses from call to call: the sections and the duplicate index."""

    def __init__(self):
        self.sections: list[Section] | None = None
        self.shingles = load_warnings.ShingleIndex()

    def section_list(self) -> list[Section]:
        if self.sections is None:
            self.sections = list(Section.objects.all())
        return self.sections


def load_page(parsed, *, raw: bytes, file_name: str, **options) -> LoadResult:
    """One file: ``load_pages`` of one."""
    return load_pages([PageFile(parsed, raw, file_name)], **options)[0]


@transaction.atomic
def load_pages(
    files: list[PageFile],
    *,
    run: ImportRun | None = None,
    publish: bool = False,
    section: Section | str | None = None,
    cache: LoadCache | None = None,
) -> list[LoadResult]:
    """Store page dumps in one transaction; one ``LoadResult`` per file, in order.

    Two dumps of one page (or the same bytes twice) are stored one after the other, the second
    finding what the first stored, as if the files had been loaded one call each.
    """
    cache = cache or LoadCache()
    tuning.gather_search_entries()
    results: list[LoadResult | None] = [None] * len(files)
    waiting = list(range(len(files)))
    while waiting:
        waiting = _load_round(files, waiting, results, run=run, publish=publish, section=section, cache=cache)
    return results


# One round: files of distinct pages and bytes


@dataclass
class _File:
    """A file of a round as it goes through the steps."""

    index: int
    page_file: PageFile
    sha256: str
    result: LoadResult
    stored_page: Page | None = None
    names: list[str] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)
    plans: list[_Plan] = field(default_factory=list)
    stored: list[Article] = field(default_factory=list)

    @property
    def parsed(self):
        return self.page_file.parsed


@dataclass
class _Plan:
    """What becomes of one printed item: ``create``, ``update``, ``revise``, ``unchanged`` or ``skip``."""

    action: str
    item: object
    prepared: PreparedItem
    fields: dict
    section: Section | None
    position: int
    article: Article | None = None
    digest: str = ""
    indexed_names: list[str] = field(default_factory=list)  # what the search index holds besides the text
    occurrence: int = 1  # the how-many-th item of its dump with this headline
    keys: frozenset = frozenset()  # the import keys this item is found by on its next import


def _load_round(files, waiting, results, *, run, publish, section, cache) -> list[int]:
    now = timezone.now()
    resolve_section = _section_resolver(section, cache.section_list())
    shas = {i: hashlib.sha256(files[i].raw).hexdigest() for i in waiting}
    known = {
        s.sha256: s for s in RawSource.objects.filter(sha256__in=set(shas.values())).select_related("page__issue")
    }
    round_, later, seen_shas, seen_keys = [], [], set(), set()
    for i in waiting:
        f = files[i]
        if shas[i] in known:
            results[i] = _unchanged_result(f.parsed, known[shas[i]])
            if publish:  # the file's changes still waiting for an editor: a chief editor's import publishes them
                accepted = revisions.accept_from(known[shas[i]], by=run.user if run else None)
                results[i].articles.updated, results[i].articles.unchanged = accepted, len(f.parsed.items) - accepted
            continue
        key = identity.page_key(f.parsed, f.file_name)
        if shas[i] in seen_shas or (f.parsed.issue_date and key in seen_keys):
            later.append(i)
            continue
        seen_shas.add(shas[i])
        seen_keys.add(key)
        round_.append(_File(i, f, shas[i], LoadResult(source=None)))
    if not round_:
        return later
    for entry, page in zip(
        round_, identity.find_pages([(e.parsed, e.page_file.file_name) for e in round_]), strict=True
    ):
        entry.stored_page = page
    stored_pages = defaultdict(list)
    for entry in round_:
        if entry.stored_page is not None:
            stored_pages[entry.stored_page.pk].append(entry)
    for entries in stored_pages.values():  # two dumps the round found to be one page: the second waits
        for entry in entries[1:]:
            round_.remove(entry)
            later.append(entry.index)
    later.sort()

    _store_pages(round_)
    _plan_articles(round_, publish=publish, resolve_section=resolve_section)
    people, created_people = people_module.resolve_names(n for e in round_ for n in e.names)
    tags, created_tags = _resolve_tags(t for e in round_ for t in e.tag_names)
    _count_first_use(round_, people, created_people, tags, created_tags)
    _store_sources(round_, run)
    _store_page_credits(round_, people)
    written = _store_articles(round_, people, tags, publish=publish, now=now)
    revisions.supersede([plan.article.pk for e in round_ for plan in e.plans if plan.action == "update"])
    revisions.propose(
        [
            (plan.article, revisions.with_credits(plan.fields, plan.item), plan.digest, e.result.source)
            for e in round_
            for plan in e.plans
            if plan.action == "revise"
        ]
    )
    _link_sidebars(round_)
    jumps.link_continuations(
        [(e.result.page, plan.article) for e in round_ for plan in e.plans if plan.action in ("create", "update")]
    )
    _index(round_, written)
    _report_stale(round_)
    _add_warnings(round_, people, created_people, cache)
    changed = []  # warnings found since the raw sources were stored
    for entry in round_:
        if entry.result.source.warnings != entry.result.warnings:
            entry.result.source.warnings = list(entry.result.warnings)
            changed.append(entry.result.source)
    RawSource.objects.bulk_update(changed, ["warnings"])
    for entry in round_:
        results[entry.index] = entry.result
    return later


def _unchanged_result(parsed, source: RawSource) -> LoadResult:
    tags = {tag for item in parsed.items for tag in item.tags}
    result = LoadResult(source=source, unchanged=True, page=source.page)
    result.issue = source.page.issue if source.page_id else None
    result.articles.unchanged = len(parsed.items)
    result.people.unchanged = len(_all_names(parsed))
    result.tags.unchanged = len(tags)
    return result


# Issues and pages


def _store_pages(round_: list[_File]) -> None:
    dated = [e for e in round_ if e.parsed.issue_date is not None]
    for entry in round_:
        entry.result.warnings.extend(entry.parsed.warnings)
        if entry.parsed.issue_date is None:
            entry.result.warnings.append(
                "没有找到出版日期:未建期次和版面,稿件不挂版面。导入时可用 --issue-date 指定出版日期。"
            )
    dates = sorted({e.parsed.issue_date for e in dated})
    issues = {i.printed_on: i for i in Issue.objects.filter(printed_on__in=dates)}
    issues.update(
        (i.printed_on, i) for i in Issue.objects.bulk_create([Issue(printed_on=d) for d in dates if d not in issues])
    )
    new_pages = []
    # A page's file name is unique in its issue: a new page keeps none that another page of the issue has.
    source_names = set(
        Page.objects.filter(
            issue__printed_on__in=dates,
            source_name__in={_fit(e.page_file.file_name, Page, "source_name") for e in dated if e.stored_page is None},
        ).values_list("issue__printed_on", "source_name")
    )
    for entry in dated:
        parsed, result = entry.parsed, entry.result
        result.issue = issues[parsed.issue_date]
        if entry.stored_page is not None:
            result.page = entry.stored_page
            _refresh_page(result.page, parsed)
            continue
        source_name = _fit(entry.page_file.file_name, Page, "source_name")
        if (parsed.issue_date, source_name) in source_names:
            source_name = ""  # the page is found again by its number or name
        source_names.add((parsed.issue_date, source_name))
        result.page = Page(
            issue=result.issue,
            number=printed_number(parsed),
            label=_fit(parsed.page.label, Page, "label"),
            name=_fit(parsed.page.name, Page, "name"),
            source_name=source_name,
        )
        result.page_created = True
        new_pages.append(result.page)
    Page.objects.bulk_create(new_pages)


def _refresh_page(page: Page, parsed) -> None:
    """A stored page takes the number, label and name its new dump prints."""
    changed = []
    number = printed_number(parsed)
    if number and page.number != number and not Page.objects.filter(issue=page.issue, number=number).exists():
        page.number = number
        changed.append("number")
    for attr in ("label", "name"):
        value = _fit(getattr(parsed.page, attr), Page, attr)
        if value and getattr(page, attr) != value:
            setattr(page, attr, value)
            changed.append(attr)
    if changed:
        page.save(update_fields=changed)


def _store_page_credits(round_: list[_File], people: dict[str, Person]) -> None:
    pages = [e.result.page for e in round_ if e.result.page is not None]
    stored: dict[int, list] = defaultdict(list)
    for page_id, person_id, role, order in (
        PageCredit.objects.filter(page__in=[p for p in pages if not _is_new(p, round_)])
        .order_by("page_id", "order", "pk")
        .values_list("page_id", "person_id", "role", "order")
    ):
        stored[page_id].append((person_id, role, order))
    replaced, credits = [], []
    for entry in round_:
        page = entry.result.page
        if page is None:
            continue
        mine, seen = [], set()
        for credit in entry.parsed.page.staff:
            person = people.get(credit.name.strip())
            key = (person.pk if person else None, credit.role)
            if person is None or credit.role not in _ROLES or key in seen:
                continue
            seen.add(key)
            mine.append(PageCredit(page=page, person=person, role=credit.role, order=len(mine)))
        if stored[page.pk] == [(c.person.pk, c.role, c.order) for c in mine]:
            continue  # a re-import of the same staff writes nothing
        if stored[page.pk]:
            replaced.append(page.pk)
        credits += mine
    if replaced:
        PageCredit.objects.filter(page_id__in=replaced).delete()
    PageCredit.objects.bulk_create(credits)


def _is_new(page: Page, round_: list[_File]) -> bool:
    return any(e.result.page is page and e.result.page_created for e in round_)


# Raw sources


def _store_sources(round_: list[_File], run: ImportRun | None) -> None:
    sources = []
    for entry in round_:
        f, parsed = entry.page_file, entry.parsed
        entry.result.source = RawSource(
            file_name=f.file_name,
            sha256=entry.sha256,
            encoding=parsed.encoding or "",
            raw=f.raw,
            text=_decode(f.raw, parsed.encoding),
            size=len(f.raw),
            run=run,
            page=entry.result.page,
            furniture=[_furniture_dict(x) for x in parsed.furniture],
            unassigned=list(parsed.unassigned),
            counts=entry.result.counts(),
            warnings=list(entry.result.warnings),
        )
        sources.append(entry.result.source)
    bulkinsert.insert(sources)


def _decode(raw: bytes, encoding: str) -> str:
    try:
        text = raw.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("utf-8", errors="replace")
    return text.replace("\x00", "")  # PostgreSQL text cannot hold NUL; the bytes keep it


def _furniture_dict(furniture) -> dict:
    data = {"kind": furniture.kind, "text": furniture.text, "line": furniture.line}
    if furniture.people:
        data["people"] = [{"name": p.name, "role": p.role} for p in furniture.people]
    if furniture.continued_to:
        data["continued_to"] = furniture.continued_to
    return data


# People and tags


def _all_names(parsed) -> list[str]:
    credits = [c for item in parsed.items for c in item.people]
    credits += list(parsed.page.staff)
    return list(dict.fromkeys(c.name.strip() for c in credits if c.name and c.name.strip()))


def _item_tags(parsed) -> list[str]:
    return list(dict.fromkeys(_fit(t.strip(), Tag, "name") for item in parsed.items for t in item.tags if t.strip()))


def _count_first_use(round_, people, created_people, tags, created_tags) -> None:
    """Counts as if the files were loaded one by one: created for the first file that brings a new one in."""
    counted_people, counted_tags = set(), set()
    for entry in round_:
        for counts, objects, created, counted in (
            (entry.result.people, [people[n] for n in entry.names], created_people, counted_people),
            (entry.result.tags, [tags[t] for t in entry.tag_names], created_tags, counted_tags),
        ):
            for pk in dict.fromkeys(o.pk for o in objects):
                if pk in created and pk not in counted:
                    counts.created += 1
                else:
                    counts.unchanged += 1
                counted.add(pk)


def _resolve_tags(names: Iterable[str]) -> tuple[dict[str, Tag], set[int]]:
    names = list(dict.fromkeys(names))
    found = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    new_names = [name for name in names if name not in found]
    if not new_names:
        return found, set()
    # Slugs as Tag.save() makes them (``name``, then ``name_1``...), but in one insert.
    # Cut before numbering, so ``_1`` still fits the column.
    bases = {name: (Tag().slugify(name) or "tag")[:90] for name in new_names}
    slugs = people_module.free_slugs(Tag.objects.all(), bases, lambda base, n: f"{base}_{n}")
    new_tags = [Tag(name=name, slug=_fit(slug, Tag, "slug")) for name, slug in slugs.items()]
    created = Tag.objects.bulk_create(new_tags)
    found.update((tag.name, tag) for tag in created)
    return found, {tag.pk for tag in created}


# Articles


def import_key(issue_date: datetime.date | None, page_key: str, headline: str, occurrence: int) -> str:
    """Natural key of an article: unique, stable for the article's page and headline."""
    parts = [issue_date.isoformat() if issue_date else "-", page_key, normalize_headline(headline)]
    if occurrence > 1:
        parts.append(str(occurrence))
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def _page_ident(page: Page | None, file_name: str) -> str:
    if page is None:
        return f"file:{file_name}"
    if page.number:
        return f"page:{page.number}"
    if page.name:
        return f"name:{page.name}"
    return f"file:{page.source_name or file_name}"


def _section_resolver(override: Section | str | None, sections: list[Section]):
    by_name = {s.name: s for s in sections}
    by_name.update({s.slug: s for s in sections if s.slug not in by_name})
    default = next((s for s in sections if s.is_default), None)
    if isinstance(override, str):
        if override.strip() not in by_name:
            raise ValueError(f"没有名为“{override}”的栏目")
        override = by_name[override.strip()]
    # A header such as 综合·城区 names a real section inside a generic word.
    specific_first = sorted(sections, key=lambda s: (s.is_default, s.order))

    def resolve(name: str) -> Section | None:
        if override is not None:
            return override
        name = (name or "").strip()
        if name in by_name:
            return by_name[name]
        if name:
            for candidate in specific_first:
                if candidate.name in name:
                    return candidate
        return default

    return resolve


def item_fields(item, *, body: str | None = None) -> dict:
    """The article's fields from the item; ``body`` is ``render_body(item.blocks)`` when already made."""
    kind = item.kind if item.kind in _KINDS else Article.Kind.NEWS
    headline = item.headline.strip() or UNTITLED
    return {
        "kind": kind,
        "kicker": _fit(item.kicker, Article, "kicker"),
        "headline": _fit(headline, Article, "headline"),
        "subheadline": _fit(item.subheadline, Article, "subheadline"),
        "series": _fit(item.series, Article, "series"),
        "dateline": _fit(item.dateline, Article, "dateline"),
        "body": render_body(item.blocks) if body is None else body,
        "continued_to": _fit(item.continued_to, Article, "continued_to"),
        "continued_from": _fit(item.continued_from, Article, "continued_from"),
        "bylines_text": "\n".join(item.bylines),
        "duplicates_dropped": min(item.duplicates_dropped, 32767),
        "source_lines": list(item.lines),
    }


def _content_hash(fields: dict, item, section_id, page_id, position: int) -> str:
    """What a re-import compares: everything the page dump decides about the article.

    Not its tags: the parser prefers the tags already in use, so the same text is tagged anew as the
    archive grows; an article changed for what it prints gets the tags of the new dump.
    """
    data = {
        **fields,
        "people": [[c.name, c.role] for c in item.people],
        "warnings": list(item.warnings),
        "parent": item.parent_headline,
        "section": section_id,
        "page": page_id,
        "position": position,
    }
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def publication_time(issue_date: datetime.date | None, now: datetime.datetime) -> datetime.datetime:
    """When `--publish` puts an imported article online: its edition's morning for a past
    edition (an archive keeps its dates), otherwise now."""
    if issue_date is None:
        return now
    morning = timezone.make_aware(datetime.datetime.combine(issue_date, _EDITION_ONLINE_AT))
    return min(morning, now)


def stored_articles(pages: list[Page], *, lock: bool) -> dict[int, list[Article]]:
    """The stored articles of each page, in print order (locked until the commit when ``lock``)."""
    if not pages:
        return {}
    rows = Article.objects.filter(page__in=pages).order_by("page_id", "position", "pk")
    if lock:
        # An editor's save that lands meanwhile waits, or is seen (is_edited).
        rows = (
            rows.select_for_update(of=("self",))
            if connection.features.has_select_for_update_of
            else rows.select_for_update()
        )
    found: dict[int, list[Article]] = defaultdict(list)
    for article in rows:
        found[article.page_id].append(article)
    return found


def plan_items(
    parsed,
    prepared: list[PreparedItem],
    *,
    page: Page | None,
    file_name: str,
    stored: list[Article],
    publish: bool,
    resolve_section,
    pending: set[tuple[int, str]] = frozenset(),
) -> list[_Plan]:
    """What becomes of each item of a dump, given the stored articles of its page; writes nothing.

    ``pending``: ``(article pk, content hash)`` of the changes already waiting for an editor.
    """
    fields_of = [item_fields(item, body=p.body) for item, p in zip(parsed.items, prepared, strict=True)]
    idents = {_page_ident(page, file_name), f"file:{file_name}"} | ({f"file:{page.source_name}"} if page else set())
    occurrences: dict[str, int] = defaultdict(int)
    keys, numbers = [], []
    for fields in fields_of:
        occurrences[normalize_headline(fields["headline"])] += 1
        numbers.append(n := occurrences[normalize_headline(fields["headline"])])
        keys.append({import_key(parsed.issue_date, ident, fields["headline"], n) for ident in idents})
    matches = identity.match_articles([(f["headline"], f["body"]) for f in fields_of], stored, keys=keys)
    plans = []
    for position, (item, ready, fields, article, n, item_keys) in enumerate(
        zip(parsed.items, prepared, fields_of, matches, numbers, keys, strict=True), start=1
    ):
        target = resolve_section(item.section or parsed.page.name)
        page_id = page.pk if page is not None else None
        digest = _content_hash(fields, item, target.pk if target else None, page_id, position)
        if article is None:
            action = "create"
        elif article.is_edited:
            action = "skip"
        elif article.imported_hash == digest or ((article.pk, digest) in pending and not publish):
            action = "unchanged"  # published, a chief editor's import puts the change waiting online
        elif article.status == Article.Status.PUBLISHED and not publish:
            action = "revise"
        else:
            action = "update"
        plans.append(
            _Plan(
                action, item, ready, fields, target, position, article, digest, occurrence=n, keys=frozenset(item_keys)
            )
        )
    return plans


def _plan_articles(round_: list[_File], *, publish: bool, resolve_section) -> None:
    stored = stored_articles([e.result.page for e in round_ if e.result.page and not e.result.page_created], lock=True)
    pageless = [e for e in round_ if e.result.page is None]
    if pageless:
        keys = {}
        for entry in pageless:
            occurrences: dict[str, int] = defaultdict(int)
            for item in entry.parsed.items:
                headline = _fit(item.headline.strip() or UNTITLED, Article, "headline")  # as item_fields has it
                occurrences[normalize_headline(headline)] += 1
                n = occurrences[normalize_headline(headline)]
                keys[import_key(None, _page_ident(None, entry.page_file.file_name), headline, n)] = entry
        for article in Article.objects.select_for_update().filter(import_key__in=list(keys)).order_by("pk"):
            keys[article.import_key].stored.append(article)
    for entry in round_:
        parsed, result = entry.parsed, entry.result
        if result.page is not None and not result.page_created:
            entry.stored = stored.get(result.page.pk, [])
    pending = revisions.pending([a for entry in round_ for a in entry.stored])
    for entry in round_:
        parsed, result = entry.parsed, entry.result
        entry.names = _all_names(parsed)
        entry.tag_names = _item_tags(parsed)
        prepared = entry.page_file.prepared or prepare(parsed)
        entry.plans = plan_items(
            parsed,
            prepared,
            page=result.page,
            file_name=entry.page_file.file_name,
            stored=entry.stored,
            publish=publish,
            resolve_section=resolve_section,
            pending=pending,
        )
        counts = result.articles
        for plan in entry.plans:
            if plan.action == "create":
                counts.created += 1
            elif plan.action in ("update", "revise"):
                counts.updated += 1
            elif plan.action == "unchanged":
                counts.unchanged += 1
            else:
                counts.skipped += 1
                result.warnings.append(f"《{plan.article.headline}》已由编辑修改,本次导入未覆盖。")
            if plan.action == "revise":
                result.revisions += 1
                result.warnings.append(f"《{plan.article.headline}》已发布,本次导入的改动待编辑审核后生效。")


# What an update writes besides the item's fields.
_PLACED_FIELDS = [
    "section",
    "page",
    "printed_on",
    "page_number",
    "position",
    "source",
    "imported_hash",
    "warnings",
    "updated_at",
    "status",
    "published_at",
]


def _store_articles(round_: list[_File], people, tags, *, publish: bool, now) -> dict[str, list]:
    """Create and update the planned articles, their bylines and tag links; what was written, by action."""
    new, updated = [], []
    for entry in round_:
        result, parsed = entry.result, entry.parsed
        taken = {a.import_key for a in entry.stored if a.import_key}
        # A new article's key is one its own item is found by next time, and no other item's: else
        # two items of one headline could trade articles on the next import.
        claimed = set().union(*(plan.keys for plan in entry.plans))
        for plan in entry.plans:
            if plan.action not in ("create", "update"):
                continue
            article = plan.article
            if article is None:
                ident = _page_ident(result.page, entry.page_file.file_name)
                n = plan.occurrence
                key = import_key(parsed.issue_date, ident, plan.fields["headline"], n)
                while key in taken or (key in claimed and key not in plan.keys):
                    n += 1
                    key = import_key(parsed.issue_date, ident, plan.fields["headline"], n)
                taken.add(key)
                article = plan.article = Article(import_key=key)
                new.append((entry, plan))
            else:
                updated.append((entry, plan))
            for name, value in plan.fields.items():
                setattr(article, name, value)
            article.section = plan.section
            article.page = result.page
            article.copy_print_order()
            article.position = plan.position
            article.source = result.source
            article.imported_hash = plan.digest
            article.warnings = list(dict.fromkeys(plan.item.warnings))
            article.updated_at = now
            if publish and article.status in _PUBLISHABLE:
                article.status = Article.Status.PUBLISHED
                article.published_at = article.published_at or publication_time(parsed.issue_date, now)
    bulkinsert.insert([plan.article for _, plan in new])
    if updated:
        fields = [*updated[0][1].fields, *_PLACED_FIELDS]
        Article.objects.bulk_update([plan.article for _, plan in updated], fields)
    written = new + updated
    updated_pks = [plan.article.pk for _, plan in updated]
    Byline.objects.filter(article_id__in=updated_pks).delete()
    content_type = ContentType.objects.get_for_model(Article)
    TaggedItem.objects.filter(content_type=content_type, object_id__in=updated_pks).delete()
    bylines, links = [], []
    for _, plan in written:
        credits = byline_credits(plan.item, people)
        bylines += [(plan.article.pk, person.pk, role, order) for order, (person, role) in enumerate(credits)]
        names = dict.fromkeys(_fit(t.strip(), Tag, "name") for t in plan.item.tags if t.strip())
        links += [(tags[n].pk, content_type.pk, plan.article.pk) for n in names]
        plan.indexed_names = [person.name for person, _ in credits] + list(names)
    bulkinsert.insert_rows(Byline, ["article_id", "person_id", "role", "order"], bylines)
    bulkinsert.insert_rows(TaggedItem, ["tag_id", "content_type_id", "object_id"], links)
    return {"new": [plan for _, plan in new], "updated": [plan for _, plan in updated]}


def byline_credits(item, people: dict[str, Person]) -> list[tuple[Person, str]]:
    """The item's credits as (person, role), in order, each pair once; unknown roles count as reporter."""
    credits = []
    for credit in item.people:
        person = people.get(credit.name.strip())
        role = credit.role if credit.role in _ROLES else Role.REPORTER
        if person is not None and (person, role) not in credits:
            credits.append((person, role))
    return credits


def _link_sidebars(round_: list[_File]) -> None:
    """A sidebar (链接) belongs to the article on the same page whose headline it names."""
    changed = []
    for entry in round_:
        by_position = {
            plan.position: plan.article for plan in entry.plans if plan.article is not None and plan.action != "revise"
        }
        heads = {normalize_headline(a.headline): a for a in by_position.values()}
        for plan in entry.plans:
            article = by_position.get(plan.position)
            if not plan.item.parent_headline or article is None or article.is_edited:
                continue
            parent = heads.get(normalize_headline(plan.item.parent_headline))
            if parent is not None and parent.pk != article.pk and article.parent_id != parent.pk:
                article.parent = parent
                changed.append(article)
    Article.objects.bulk_update(changed, ["parent"])


def _index(round_: list[_File], written: dict[str, list]) -> None:
    """The search index sees new and changed text, in a savepoint of its own: a failure there never
    costs the articles (``manage.py rebuild_search_index`` brings the index back)."""
    new, updated = written["new"], written["updated"]
    ids = [plan.article.pk for plan in new + updated]
    if ids:
        pagecache.content_changed()  # COPY and bulk writes send no signals
    documents = [
        (
            plan.article.pk,
            *(
                plan.prepared.document
                if plan.prepared.matches(plan.fields, plan.indexed_names)
                else search.document(
                    plan.article.kicker,
                    plan.article.headline,
                    plan.article.subheadline,
                    plan.article.body,
                    plan.indexed_names,
                )
            ),
        )
        for plan in new
    ]
    try:
        with transaction.atomic():
            if documents:
                search.add_documents(documents, {plan.article.pk: plan.article.published_at for plan in new})
            if updated:
                search.index_articles([plan.article.pk for plan in updated])
    except Exception:
        if connection.needs_rollback:
            raise  # the connection itself failed: the whole call rolls back
        logger.warning(
            "search index update failed for %d articles", len(ids), exc_info=logger.isEnabledFor(logging.DEBUG)
        )
        for entry in round_:
            if any(plan.action in ("create", "update") for plan in entry.plans):
                entry.result.warnings.append("搜索索引未能更新(稿件已保存);请运行 manage.py rebuild_search_index。")


def _report_stale(round_: list[_File]) -> None:
    for entry in round_:
        matched = {plan.article.pk for plan in entry.plans if plan.article is not None}
        stale = [a.headline for a in entry.stored if a.pk not in matched and a.import_key][:20]
        if stale:
            titles = "、".join(f"《{h}》" for h in stale)
            entry.result.warnings.append(f"本版以前导入的稿件不在这份文件中(未删除,请核对):{titles}")


def _add_warnings(round_: list[_File], people, created_people: set[int], cache: LoadCache) -> None:
    """Possible duplicates and misspelled names, each file seeing only the files before it."""
    written = [
        (entry, plan.article) for entry in round_ for plan in entry.plans if plan.action in ("create", "update")
    ]
    if not written:
        return
    files = [
        (
            entry.page_file.file_name,
            entry.parsed.issue_date,
            entry.result.page.pk if entry.result.page else None,
            [plan.article for plan in entry.plans if plan.action in ("create", "update")],
            [plan.article.pk for plan in entry.plans if plan.action == "create"],
        )
        for entry in round_
    ]
    samples = {
        plan.article.pk: plan.prepared.shingles
        for entry in round_
        for plan in entry.plans
        if plan.action in ("create", "update") and plan.prepared.body == plan.article.body
    }
    compare = load_warnings.duplicate_check(files, cache.shingles, samples)
    # The duplicate check is Python alone: it runs while the database finds the misspelled names.
    with futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="duplicate-check") as alongside:
        duplicates = alongside.submit(compare)
        position_of = {id(entry): position for position, entry in enumerate(round_)}
        file_of = {article.pk: position_of[id(entry)] for entry, article in written}
        first_file: dict[int, int] = {}
        for position, entry in enumerate(round_):
            for name in entry.names:
                pk = people[name].pk
                if pk in created_people:
                    first_file.setdefault(pk, position)

        def visible(article_pk, variant_pk, other_pk):
            here = file_of[article_pk]
            return first_file.get(variant_pk, -1) <= here and file_of.get(other_pk, -1) <= here

        extra: dict[int, list[str]] = defaultdict(list)
        for article_pk, message in load_warnings.variant_warnings([a for _, a in written], visible=visible):
            extra[article_pk].append(message)
        for article_pk, messages in duplicates.result().items():
            extra[article_pk].extend(messages)
    # What an editor dismissed on an article imported before stays dismissed (articles.review.warning_key).
    dismissed = review.dismissed_keys(
        plan.article.pk for entry in round_ for plan in entry.plans if plan.action == "update"
    )
    changed = []
    for _, article in written:
        messages = [m for m in extra.get(article.pk, []) if m not in article.warnings]
        warnings = review.without_dismissed([*article.warnings, *messages], dismissed.get(article.pk, set()))
        if warnings != article.warnings:
            article.warnings = warnings
            changed.append(article)
    Article.objects.bulk_update(changed, ["warnings"])
    for entry, article in written:
        if article.warnings:
            entry.result.article_warnings.setdefault(article.headline, []).extend(article.warnings)


def _fit(value: str, model, field_name: str) -> str:
    max_length = _max_length(model, field_name)
    value = value or ""
    return value[:max_length] if max_length else value


@functools.cache
def _max_length(model, field_name: str) -> int | None:
    return model._meta.get_field(field_name).max_length
