"""Store a parsed page: the only part of the importer that touches the database.

``load_page`` is idempotent. The raw bytes are keyed by their SHA-256, so a
file imported before is reported as unchanged and nothing is written. A
changed file of the same page finds its articles again by ``import_key``
(issue date + page + normalized headline): unchanged articles stay as they
are, changed ones are updated, and an article an editor has touched
(``is_edited``) is never overwritten. Warnings that need the stored articles
(possible duplicates, possible misspelled names) are computed here too.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Q
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.text import slugify
from pypinyin import lazy_pinyin
from taggit.models import Tag, TaggedItem

from articles.body import render_body
from articles.models import Article, Byline, Issue, Page, PageCredit, Person, PersonAlias, Role, Section
from articles.search import add_documents, index_articles
from newsroom import pagecache

from .models import ImportRun, RawSource
from .prepared import UNTITLED, shingles

if TYPE_CHECKING:
    from .parsing.model import ParsedItem, ParsedPage

logger = logging.getLogger(__name__)

# Kinds that are printed again and again by design: never "possible duplicates".
_REPEATING_KINDS = {Article.Kind.ADVERTISEMENT, Article.Kind.PSA, Article.Kind.NOTICE}
_DUPLICATE_WINDOW = datetime.timedelta(days=3)
_DUPLICATE_CANDIDATE_LIMIT = 3000
_MIN_SHINGLES = 8
_DUPLICATE_OVERLAP = 0.7
_PAGE_NUMBER = re.compile(r"^\s*0*(\d{1,3})\s*版\s*$")
_ROLES = set(Role.values)
# --publish never brings back what an editor archived.
_PUBLISHABLE = {Article.Status.DRAFT, Article.Status.REVIEW}


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
        }

    def add(self, other: Counts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.skipped += other.skipped


@dataclass
class LoadResult:
    source: RawSource
    unchanged: bool = False
    issue: Issue | None = None
    page: Page | None = None
    articles: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    tags: Counts = field(default_factory=Counts)
    warnings: list[str] = field(default_factory=list)
    article_warnings: dict[str, list[str]] = field(default_factory=dict)  # headline -> warnings, written articles
    page_created: bool = False

    @property
    def warning_count(self) -> int:
        return len(self.warnings) + sum(len(w) for w in self.article_warnings.values())

    def counts(self) -> dict[str, dict[str, int]]:
        return {"articles": self.articles.as_dict(), "people": self.people.as_dict(), "tags": self.tags.as_dict()}


@contextlib.contextmanager
def relaxed_commit():
    """On PostgreSQL, commit without waiting for the disk while an import runs.

    Each file still commits atomically, or not at all; a crash of the server can lose only
    the last fraction of a second of commits, and re-running the import restores them
    (imports are idempotent). Far fewer waits for fsync make a bulk import several times faster.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    ours = connections[DEFAULT_DB_ALIAS]  # this thread's

    def relax(sender, connection, **kwargs):
        if connection is ours:  # a connection opened again after a drop (importers.retry) is relaxed too
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO off")

    relax(None, ours)
    connection_created.connect(relax, weak=False)
    try:
        yield
    finally:
        connection_created.disconnect(relax)
        with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


class LoadCache:
    """What one import run reuses from file to file: the sections and the duplicate index.

    Pass the same cache to every ``load_page`` of a run; without one, each call starts afresh.
    """

    def __init__(self):
        self.sections: list[Section] | None = None
        self.shingles = _ShingleIndex()

    def section_list(self) -> list[Section]:
        if self.sections is None:
            self.sections = list(Section.objects.all())
        return self.sections


@transaction.atomic
def load_page(
    parsed: ParsedPage,
    *,
    raw: bytes,
    file_name: str,
    run: ImportRun | None = None,
    publish: bool = False,
    section: Section | str | None = None,
    cache: LoadCache | None = None,
) -> LoadResult:
    """Store one parsed page dump; see the module docstring for what "idempotent" means here."""
    cache = cache or LoadCache()
    sha256 = hashlib.sha256(raw).hexdigest()
    known = RawSource.objects.filter(sha256=sha256).first()
    if known is not None:
        return _unchanged_result(parsed, known)

    result = LoadResult(
        source=RawSource.objects.create(
            file_name=file_name,
            sha256=sha256,
            encoding=parsed.encoding or "",
            raw=raw,
            text=_decode(raw, parsed.encoding),
            size=len(raw),
            run=run,
            furniture=[_furniture_dict(f) for f in parsed.furniture],
            unassigned=list(parsed.unassigned),
        )
    )
    result.warnings.extend(parsed.warnings)
    if parsed.issue_date is not None:
        result.issue, _ = Issue.objects.get_or_create(printed_on=parsed.issue_date)
        result.page, result.page_created = _page(parsed, result.issue, file_name)
    else:
        result.warnings.append("没有找到出版日期:未建期次和版面,稿件不挂版面。导入时可用 --issue-date 指定出版日期。")

    people, result.people = _resolve_people(_all_names(parsed))
    if result.page is not None:
        _replace_page_credits(result.page, parsed, people)
    _load_articles(parsed, result, people, publish=publish, section=section, file_name=file_name, cache=cache)

    source = result.source
    source.page = result.page
    source.counts = result.counts()
    source.warnings = result.warnings
    source.save(update_fields=["page", "counts", "warnings"])
    return result


def _unchanged_result(parsed: ParsedPage, source: RawSource) -> LoadResult:
    names = _all_names(parsed)
    tags = {tag for item in parsed.items for tag in item.tags}
    result = LoadResult(source=source, unchanged=True, page=source.page)
    result.issue = source.page.issue if source.page_id else None
    result.articles.unchanged = len(parsed.items)
    result.people.unchanged = len(names)
    result.tags.unchanged = len(tags)
    return result


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


# Issue and page


def page_number(label: str) -> int | None:
    """``02版`` -> 2; labels of other shapes (``A2版``) have no number."""
    match = _PAGE_NUMBER.match(label or "")
    return int(match.group(1)) if match else None


def _page(parsed: ParsedPage, issue: Issue, file_name: str) -> tuple[Page, bool]:
    label = parsed.page.label
    number = page_number(label)
    page = None
    if number is not None:
        page = Page.objects.filter(issue=issue, number=number).first()
    if page is None:
        page = Page.objects.filter(issue=issue, source_name=file_name).first()
    if page is None:
        page = Page.objects.create(
            issue=issue,
            number=number,
            label=_fit(label, Page, "label"),
            name=_fit(parsed.page.name, Page, "name"),
            source_name=_fit(file_name, Page, "source_name"),
        )
        return page, True
    changed = []
    for attr, value in (("number", number), ("label", label), ("name", parsed.page.name)):
        if value and getattr(page, attr) != value:
            setattr(page, attr, _fit(value, Page, attr) if isinstance(value, str) else value)
            changed.append(attr)
    if not page.source_name:
        page.source_name = _fit(file_name, Page, "source_name")
        changed.append("source_name")
    if changed:
        page.save(update_fields=changed)
    return page, False


def _replace_page_credits(page: Page, parsed: ParsedPage, people: dict[str, Person]) -> None:
    credits, seen = [], set()
    for credit in parsed.page.staff:
        person = people.get(credit.name.strip())
        key = (person.pk if person else None, credit.role)
        if person is None or credit.role not in _ROLES or key in seen:
            continue
        seen.add(key)
        credits.append(PageCredit(page=page, person=person, role=credit.role, order=len(credits)))
    stored = list(page.credits.order_by("order", "pk").values_list("person_id", "role", "order"))
    if stored == [(c.person.pk, c.role, c.order) for c in credits]:
        return  # a re-import of the same staff writes nothing
    page.credits.all().delete()
    PageCredit.objects.bulk_create(credits)


# People


def _all_names(parsed: ParsedPage) -> list[str]:
    credits = [c for item in parsed.items for c in item.people]
    credits += list(parsed.page.staff)
    return list(dict.fromkeys(c.name.strip() for c in credits if c.name and c.name.strip()))


# Surnames read differently from the same character in ordinary words (曾经 ceng, 曾 as a surname zeng).
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "查": "zha", "区": "ou", "乐": "yue", "覃": "qin",
    "翟": "zhai", "缪": "miao", "盖": "ge", "朴": "piao", "尉": "yu", "种": "chong", "召": "shao", "秘": "bi",
    "宿": "su", "员": "yun", "繁": "po", "句": "gou", "牟": "mou", "洗": "xian", "冼": "xian", "褚": "chu",
}  # fmt: skip


def pinyin_slug(name: str) -> str:
    """``成姣兰`` -> ``chengjiaolan``, ``曾小明`` -> ``zengxiaoming``: ASCII, for URLs; ``person`` when nothing is left."""
    name = name.replace(" ", "").replace("\u3000", "")
    syllables = lazy_pinyin(name)
    if name and name[0] in _SURNAME_READINGS and syllables:
        syllables[0] = _SURNAME_READINGS[name[0]]
    return slugify("".join(syllables))[:100].strip("-") or "person"


def _resolve_people(printed: list[str]) -> tuple[dict[str, Person], Counts]:
    """Each printed name to its Person: exact name, else an editors' alias, else a new person.

    Names are looked up as the column stores them (cut to its length), so an absurdly long
    name is found again on re-import instead of being created twice.
    """
    fitted = {name: _fit(name, Person, "name") for name in printed}
    found, counts = _resolve_fitted_people(list(dict.fromkeys(fitted.values())))
    return {name: found[fitted[name]] for name in printed}, counts


def _resolve_fitted_people(names: list[str]) -> tuple[dict[str, Person], Counts]:
    counts = Counts()
    found = {person.name: person for person in Person.objects.filter(name__in=names)}
    missing = [name for name in names if name not in found]
    if missing:
        for alias in PersonAlias.objects.filter(name__in=missing).select_related("person"):
            found[alias.name] = alias.person
    new_names = [name for name in names if name not in found]
    counts.unchanged = len({person.pk for person in found.values()})
    if new_names:
        slugs = _unique_slugs(new_names)
        created = Person.objects.bulk_create(
            [Person(name=_fit(name, Person, "name"), slug=slugs[name]) for name in new_names]
        )
        found.update(zip(new_names, created, strict=True))
        counts.created = len(created)
    return found, counts


def _unique_slugs(names: list[str]) -> dict[str, str]:
    bases = {name: pinyin_slug(name) for name in names}
    prefix_match = Q()
    for base in set(bases.values()):
        prefix_match |= Q(slug__startswith=base)
    taken = set(Person.objects.filter(prefix_match).values_list("slug", flat=True))
    slugs = {}
    for name, base in bases.items():
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


# Tags


def _resolve_tags(names: Iterable[str]) -> tuple[dict[str, Tag], Counts]:
    names = list(dict.fromkeys(_fit(name.strip(), Tag, "name") for name in names if name and name.strip()))
    counts = Counts()
    found = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    counts.unchanged = len(found)
    new_names = [name for name in names if name not in found]
    if new_names:
        # Slugs as Tag.save() makes them (``name``, then ``name_1``...), but in one insert.
        # Cut before numbering, so ``_1`` still fits the column.
        bases = {name: (Tag().slugify(name) or "tag")[:90] for name in new_names}
        prefix_match = Q()
        for base in set(bases.values()):
            prefix_match |= Q(slug__startswith=base)
        taken = set(Tag.objects.filter(prefix_match).values_list("slug", flat=True))
        new_tags = []
        for name, base in bases.items():
            slug, i = base, 0
            while slug in taken:
                i += 1
                slug = f"{base}_{i}"
            taken.add(slug)
            new_tags.append(Tag(name=name, slug=_fit(slug, Tag, "slug")))
        found.update((tag.name, tag) for tag in Tag.objects.bulk_create(new_tags))
        counts.created = len(new_tags)
    return found, counts


# Articles


@functools.lru_cache(maxsize=16384)  # a load asks for each headline several times (keys, duplicates, sidebars)
def normalize_headline(text: str) -> str:
    """What two printings of one headline share: no spaces, no punctuation, NFKC."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] in "PSZ")).lower()


def import_key(issue_date: datetime.date | None, page_key: str, headline: str, occurrence: int) -> str:
    """Natural key of an article: stable across re-imports of a changed dump of the same page."""
    parts = [issue_date.isoformat() if issue_date else "-", page_key, normalize_headline(headline)]
    if occurrence > 1:
        parts.append(str(occurrence))
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def _page_key(parsed: ParsedPage, file_name: str) -> str:
    number = page_number(parsed.page.label)
    return f"page:{number}" if number is not None else f"file:{file_name}"


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


def _item_fields(item: ParsedItem, *, body: str | None = None) -> dict:
    """The article's fields from the item; ``body`` is ``render_body(item.blocks)`` when already made."""
    kind = item.kind if item.kind in Article.Kind.values else Article.Kind.NEWS
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


def _content_hash(fields: dict, item: ParsedItem, section_id, page_id, position: int) -> str:
    """What a re-import compares: everything the page dump decides about the article."""
    data = {
        **fields,
        "people": [[c.name, c.role] for c in item.people],
        "tags": list(item.tags),
        "warnings": list(item.warnings),
        "parent": item.parent_headline,
        "section": section_id,
        "page": page_id,
        "position": position,
    }
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


# A printed edition goes online in the morning of its date.
_EDITION_ONLINE_AT = datetime.time(6, 0)


def publication_time(issue_date: datetime.date | None, now: datetime.datetime) -> datetime.datetime:
    """When `--publish` puts an imported article online: its edition's morning for a past
    edition (an archive keeps its dates), otherwise now."""
    if issue_date is None:
        return now
    morning = timezone.make_aware(datetime.datetime.combine(issue_date, _EDITION_ONLINE_AT))
    return min(morning, now)


def _load_articles(
    parsed: ParsedPage,
    result: LoadResult,
    people: dict[str, Person],
    *,
    publish: bool,
    section: Section | str | None,
    file_name: str,
    cache: LoadCache,
) -> None:
    now = timezone.now()
    resolve_section = _section_resolver(section, cache.section_list())
    page_key = _page_key(parsed, file_name)
    occurrences: dict[str, int] = defaultdict(int)
    keyed: list[tuple[str, ParsedItem]] = []
    for item in parsed.items:
        normalized = normalize_headline(item.headline)
        occurrences[normalized] += 1
        keyed.append((import_key(parsed.issue_date, page_key, item.headline, occurrences[normalized]), item))
    # Locked until this file commits: an editor's save that lands meanwhile waits, or is seen (is_edited).
    stored = Article.objects.select_for_update().filter(import_key__in=[key for key, _ in keyed]).order_by("pk")
    existing = {a.import_key: a for a in stored}
    tags, result.tags = _resolve_tags(tag for _, item in keyed for tag in item.tags)

    to_create: list[tuple[Article, ParsedItem]] = []
    to_update: list[tuple[Article, ParsedItem]] = []
    by_item: dict[int, Article] = {}  # position on the page -> the article stored for it
    for position, (key, item) in enumerate(keyed, start=1):
        fields = _item_fields(item)
        target_section = resolve_section(item.section or parsed.page.name)
        page_id = result.page.pk if result.page else None
        digest = _content_hash(fields, item, target_section.pk if target_section else None, page_id, position)
        article = existing.get(key)
        if article is not None and article.is_edited:
            result.articles.skipped += 1
            result.warnings.append(f"《{article.headline}》已由编辑修改,本次导入未覆盖。")
            by_item[position] = article
            continue
        if article is not None and article.imported_hash == digest:
            result.articles.unchanged += 1
            by_item[position] = article
            continue
        if article is None:
            article = Article(import_key=key)
            to_create.append((article, item))
        else:
            to_update.append((article, item))
        for name, value in fields.items():
            setattr(article, name, value)
        article.section = target_section
        article.page = result.page
        article.position = position
        article.source = result.source
        article.imported_hash = digest
        article.warnings = list(dict.fromkeys(item.warnings))
        if publish and article.status in _PUBLISHABLE:
            article.status = Article.Status.PUBLISHED
            article.published_at = article.published_at or publication_time(parsed.issue_date, now)
        by_item[position] = article

    Article.objects.bulk_create([article for article, _ in to_create])
    for article, _ in to_update:
        article.save()
    result.articles.created = len(to_create)
    result.articles.updated = len(to_update)

    written = to_create + to_update
    _replace_bylines(written, people, updated=[a.pk for a, _ in to_update])
    _replace_tags(written, tags, updated=[a.pk for a, _ in to_update])
    _link_sidebars(parsed, by_item)
    _link_continuations(result, written)
    pagecache.content_changed()  # bulk_create sends no signals
    _index([article.pk for article, _ in written], result)  # the public search sees new and changed text
    if existing or not result.page_created:
        _report_stale(result, {key for key, _ in keyed})
    _add_stored_warnings(result, written, file_name, cache.shingles)


def _index(ids: list[int], result: LoadResult) -> None:
    """Update the search index in a savepoint of its own: a failure there never costs the articles.

    The articles stay stored and reachable; ``manage.py rebuild_search_index`` brings the index back.
    """
    _guarded_index(lambda: index_articles(ids), len(ids), result)


def _index_new_documents(documents: list[tuple], published_at: dict, result: LoadResult) -> None:
    """``_index`` for articles just created, whose documents are already made (``importers.prepared``)."""
    _guarded_index(lambda: add_documents(documents, published_at), len(documents), result)


def _guarded_index(write, count: int, result: LoadResult) -> None:
    try:
        with transaction.atomic():
            write()
    except Exception:
        if connection.needs_rollback:
            raise  # the connection itself failed: the whole file rolls back
        logger.warning(
            "search index update failed for %d articles", count, exc_info=logger.isEnabledFor(logging.DEBUG)
        )
        result.warnings.append("搜索索引未能更新(稿件已保存);请运行 manage.py rebuild_search_index。")


def byline_credits(item: ParsedItem, people: dict[str, Person]) -> list[tuple[Person, str]]:
    """The item's credits as (person, role), in order, each pair once; unknown roles count as reporter."""
    credits = []
    for credit in item.people:
        person = people.get(credit.name.strip())
        role = credit.role if credit.role in _ROLES else Role.REPORTER
        if person is not None and (person, role) not in credits:
            credits.append((person, role))
    return credits


def _replace_bylines(written, people: dict[str, Person], *, updated: list[int]) -> None:
    Byline.objects.filter(article_id__in=updated).delete()
    bylines = [
        Byline(article=article, person=person, role=role, order=order)
        for article, item in written
        for order, (person, role) in enumerate(byline_credits(item, people))
    ]
    Byline.objects.bulk_create(bylines)


def _replace_tags(written, tags: dict[str, Tag], *, updated: list[int]) -> None:
    content_type = ContentType.objects.get_for_model(Article)
    TaggedItem.objects.filter(content_type=content_type, object_id__in=updated).delete()
    links = []
    for article, item in written:
        names = dict.fromkeys(_fit(tag.strip(), Tag, "name") for tag in item.tags if tag.strip())
        links += [TaggedItem(content_type=content_type, object_id=article.pk, tag=tags[name]) for name in names]
    TaggedItem.objects.bulk_create(links)


def _link_sidebars(parsed: ParsedPage, by_item: dict[int, Article]) -> None:
    """A sidebar (链接) belongs to the article on the same page whose headline it names."""
    heads = {normalize_headline(a.headline): a for a in by_item.values()}
    changed = []
    for position, item in enumerate(parsed.items, start=1):
        article = by_item.get(position)
        if not item.parent_headline or article is None or article.is_edited:
            continue
        parent = heads.get(normalize_headline(item.parent_headline))
        if parent is not None and parent.pk != article.pk and article.parent_id != parent.pk:
            article.parent = parent
            changed.append(article)
    Article.objects.bulk_update(changed, ["parent"])


def _link_continuations(result: LoadResult, written) -> None:
    """Join the two halves of a jumped article (``下转 02版`` on one page, ``上接 01版`` on the other).

    Whichever half is imported second makes the link; the headline decides when a page has several jumps.
    """
    page = result.page
    if page is None or not page.label:
        return
    tails = [a for a, _ in written if a.continued_from]
    heads = [a for a, _ in written if a.continued_to]
    changed = []
    if tails:
        stored_heads = list(
            Article.objects.filter(
                page__issue=page.issue,
                page__label__in={a.continued_from for a in tails},
                continued_to=page.label,
            ).select_related("page")
        )
        for tail in tails:
            candidates = [h for h in stored_heads if h.page.label == tail.continued_from]
            match = _single_match(tail, candidates)
            if match is not None:
                tail.continues = match
                changed.append(tail)
    if heads:
        stored_tails = Article.objects.filter(
            page__issue=page.issue,
            page__label__in={a.continued_to for a in heads},
            continued_from=page.label,
            continues__isnull=True,
            is_edited=False,
        ).select_related("page")
        for tail in stored_tails:
            match = _single_match(tail, [h for h in heads if h.continued_to == tail.page.label])
            if match is not None:
                tail.continues = match
                changed.append(tail)
    Article.objects.bulk_update(changed, ["continues"])


def _single_match(article: Article, candidates: list[Article]) -> Article | None:
    same_title = [c for c in candidates if normalize_headline(c.headline) == normalize_headline(article.headline)]
    match = same_title or candidates
    return match[0] if len(match) == 1 else None


def _report_stale(result: LoadResult, keys: set[str]) -> None:
    if result.page is None:
        return
    stale = (
        Article.objects.filter(page=result.page)
        .exclude(import_key__in=keys)
        .exclude(import_key__isnull=True)
        .values_list("headline", flat=True)
    )
    stale = list(stale[:20])
    if stale:
        titles = "、".join(f"《{h}》" for h in stale)
        result.warnings.append(f"本版以前导入的稿件不在这份文件中(未删除,请核对):{titles}")


# Warnings that need the stored articles


def _add_stored_warnings(result: LoadResult, written, file_name: str, shingles: _ShingleIndex) -> None:
    extra: dict[int, list[str]] = defaultdict(list)
    for article_pk, message in _duplicate_warnings(result, [a for a, _ in written], file_name, shingles):
        extra[article_pk].append(message)
    for article_pk, message in _variant_warnings([a for a, _ in written]):
        extra[article_pk].append(message)
    changed = []
    for article, _ in written:
        messages = [m for m in extra.get(article.pk, []) if m not in article.warnings]
        if messages:
            article.warnings = [*article.warnings, *messages]
            changed.append(article)
    Article.objects.bulk_update(changed, ["warnings"])
    for article, _ in written:
        if article.warnings:
            result.article_warnings.setdefault(article.headline, []).extend(article.warnings)


class _ShingleIndex:
    """Headlines and body shingles of stored articles, indexed once and reused by the files of a run.

    An entry is keyed by the article's ``updated_at``, so an article changed since is read again.
    """

    def __init__(self, limit: int = _DUPLICATE_CANDIDATE_LIMIT + 1000):
        self.limit = limit
        self.entries: dict[int, tuple] = {}  # pk -> (updated_at, normalized headline, shingles, headline)
        # shingle -> pks; lists, not sets: most shingles belong to one article, and a list is a quarter the size
        self.postings: dict[int, list[int]] = {}
        self.headlines: dict[str, set[int]] = defaultdict(set)

    def refresh(self, stamps: dict[int, datetime.datetime]) -> None:
        stale = [pk for pk, stamp in stamps.items() if self.entries.get(pk, (None,))[0] != stamp]
        for start in range(0, len(stale), 1000):
            rows = Article.objects.filter(pk__in=stale[start : start + 1000]).values_list(
                "pk", "updated_at", "headline", "body"
            )
            for pk, stamp, headline, body in rows:
                self.add(pk, stamp, headline, body)
        if len(self.entries) > self.limit:
            for pk in [pk for pk in self.entries if pk not in stamps][: len(self.entries) - self.limit]:
                self.remove(pk)

    def add(self, pk: int, stamp, headline: str, body: str, *, sample: frozenset[int] | None = None) -> None:
        """Index an article; ``sample`` is ``shingles(body)`` when already made."""
        self.remove(pk)
        normalized = normalize_headline(headline)
        sample = shingles(body) if sample is None else sample
        self.entries[pk] = (stamp, normalized, sample, headline)
        if len(normalized) >= 4:
            self.headlines[normalized].add(pk)
        postings = self.postings
        for value in sample:
            found = postings.get(value)
            if found is None:
                postings[value] = [pk]
            else:
                found.append(pk)

    def remove(self, pk: int) -> None:
        entry = self.entries.pop(pk, None)
        if entry is None:
            return
        _, normalized, sample, _ = entry
        # Empty postings are dropped, or a run of 100,000 articles would keep millions of them.
        found = self.headlines.get(normalized)
        if found is not None:
            found.discard(pk)
            if not found:
                del self.headlines[normalized]
        postings = self.postings
        for value in sample:
            found = postings.get(value)
            if found is None:
                continue
            if len(found) == 1:
                if found[0] == pk:
                    del postings[value]
            elif pk in found:
                found.remove(pk)


def _duplicate_warnings(result: LoadResult, articles: list[Article], file_name: str, index: _ShingleIndex):
    """Same normalized headline, or most of the body, as an article stored from another source."""
    articles = [a for a in articles if a.kind not in _REPEATING_KINDS]
    if not articles:
        return
    issue_date = result.issue.printed_on if result.issue else None
    # Only nearby articles are compared: same few days in print, or stored recently.
    nearby = Q(created_at__gte=timezone.now() - _DUPLICATE_WINDOW)
    if issue_date:
        nearby |= Q(page__issue__printed_on__range=(issue_date - _DUPLICATE_WINDOW, issue_date + _DUPLICATE_WINDOW))
    candidates = (
        Article.objects.filter(Q(headline__in=[a.headline for a in articles]) | nearby)
        .exclude(pk__in=[a.pk for a in articles])
        .exclude(kind__in=_REPEATING_KINDS)
        .exclude(source__file_name=file_name)
        .order_by("-pk")
        .values_list("pk", "updated_at", "page_id")[:_DUPLICATE_CANDIDATE_LIMIT]
    )
    stamps = {}
    for pk, stamp, page_id in candidates:
        if result.page is None or page_id != result.page.pk:
            stamps[pk] = stamp
    index.refresh(stamps)
    for article in articles:
        for pk in sorted(duplicate_matches(index, article, allowed=stamps))[:3]:
            yield article.pk, duplicate_warning(index, pk)
        # Later files of the run compare against this one without reading it back.
        index.add(article.pk, article.updated_at, article.headline, article.body)


def duplicate_matches(index, article, *, allowed, sample: frozenset[int] | None = None) -> set[int]:
    """Stored articles (among ``allowed``) with the same headline or most of the same body.

    ``sample`` is ``shingles(article.body)`` when already made.
    """
    matches = {pk for pk in index.headlines.get(normalize_headline(article.headline), ()) if pk in allowed}
    sample = shingles(article.body) if sample is None else sample
    if len(sample) < _MIN_SHINGLES:
        return matches
    postings = index.postings
    overlap = Counter(chain.from_iterable(postings[value] for value in sample if value in postings))
    # Most of at least _MIN_SHINGLES shingles: fewer shared than this can never match.
    least = _MIN_SHINGLES * _DUPLICATE_OVERLAP
    for pk, shared in overlap.items():
        if shared >= least and pk in allowed and pk not in matches:
            smaller = min(len(sample), len(index.entries[pk][2]))
            if smaller >= _MIN_SHINGLES and shared / smaller >= _DUPLICATE_OVERLAP:
                matches.add(pk)
    return matches


def duplicate_warning(index, pk: int) -> str:
    return f"可能与已入库的稿件重复:《{index.entries[pk][3]}》(编号 {pk})"


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _variant_warnings(articles: list[Article], *, visible=None):
    """A name one character away from a known person who shares a co-byline: likely an extraction error.

    e.g. 成炫兰 (correspondent 王海艳) next to the known 成姣兰 (correspondent 王海艳).
    ``visible(article_pk, variant_pk, other_article_pk)`` may hide what the article's file could
    not have seen yet (importers.bulkload loads several files at once).
    """
    article_people: dict[int, dict[int, str]] = defaultdict(dict)
    for article_pk, person_pk, name in Byline.objects.filter(article__in=articles).values_list(
        "article_id", "person_id", "person__name"
    ):
        article_people[article_pk][person_pk] = name
    names = {name for people in article_people.values() for name in people.values() if len(name) >= 2}
    if not names:
        return
    pattern = Q()
    for name in names:
        for i in range(len(name)):
            pattern |= Q(name__startswith=name[:i], name__endswith=name[i + 1 :], name_length=len(name))
    variants = list(Person.objects.annotate(name_length=Length("name")).filter(pattern).values_list("pk", "name"))
    variants_of: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name in names:
        variants_of[name] = [(pk, other) for pk, other in variants if _one_apart(name, other)]
    variant_pks = {pk for found in variants_of.values() for pk, _ in found}
    if not variant_pks:
        return
    # (variant, co-bylined person) -> the articles they share: each of ``articles``, and one
    # stand-in (None) for any number of others. Only the pairs the articles ask about are looked up,
    # each until a first shared article: what is read grows with the archive only for a pair that
    # never shared one.
    co_bylines: dict[int, dict[int, list[int | None]]] = defaultdict(lambda: defaultdict(list))
    asked = set()
    for people in article_people.values():
        for person_pk, name in people.items():
            for variant_pk, _ in variants_of.get(name, []):
                if variant_pk not in people:
                    asked.update((variant_pk, co_pk) for co_pk in people if co_pk != person_pk)
    for article_pk, people in article_people.items():
        for variant_pk in variant_pks.intersection(people):
            for co_pk in people:
                if (variant_pk, co_pk) in asked:
                    co_bylines[variant_pk][co_pk].append(article_pk)
    for variant_pk, co_pk in _bylined_together_elsewhere(sorted(asked), list(article_people)):
        co_bylines[variant_pk][co_pk].append(None)
    visible = visible or (lambda article_pk, variant_pk, other_pk: True)
    for article_pk, people in article_people.items():
        for person_pk, name in people.items():
            others = {pk: n for pk, n in people.items() if pk != person_pk}
            for variant_pk, variant_name in variants_of.get(name, []):
                if variant_pk in people:
                    continue
                shared = [
                    others[co]
                    for co, seen_on in co_bylines[variant_pk].items()
                    if co in others and any(s != article_pk and visible(article_pk, variant_pk, s) for s in seen_on)
                ]
                if shared:
                    yield (
                        article_pk,
                        f"署名“{name}”可能是已知人员“{variant_name}”的误写(两人都与{'、'.join(sorted(shared))}共同署名),"
                        "请核对;确认后可在人员中合并。",
                    )


def _bylined_together_elsewhere(pairs: list[tuple[int, int]], articles: list[int], chunk: int = 500):
    """The ``(person, other person)`` pairs bylined together on an article not among ``articles``."""
    table = connection.ops.quote_name(Byline._meta.db_table)
    excluded = articles or [0]
    for start in range(0, len(pairs), chunk):
        part = pairs[start : start + chunk]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT p.column1, p.column2 FROM (VALUES {', '.join(['(%s, %s)'] * len(part))}) AS p "
                f"WHERE EXISTS (SELECT 1 FROM {table} AS a JOIN {table} AS b ON b.article_id = a.article_id "
                "WHERE a.person_id = p.column1 AND b.person_id = p.column2 "
                f"AND a.article_id NOT IN ({', '.join(['%s'] * len(excluded))}))",
                [*chain.from_iterable(part), *excluded],
            )
            yield from cursor.fetchall()


def _fit(value: str, model, field_name: str) -> str:
    max_length = model._meta.get_field(field_name).max_length
    value = value or ""
    return value[:max_length] if max_length else value
