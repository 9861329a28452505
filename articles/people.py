"""How a printed name becomes a Person, and which two people are probably one spelled two ways.

Everything that turns names into people lives here: the URL slug (``pinyin_slug``), resolving
printed names to people (exact name, else an editors' alias, else a new person:
``resolve_names``), and "one edit apart" (one character replaced, added or dropped), which
both the importer's warning for a byline (``spelling_variants``) and the editors' list of
likely duplicates (``likely_duplicates``) use.

A pair is a likely duplicate when the names are one edit apart and both people have shared a
byline with the same third person: a reporter's usual photographer or correspondent is strong
evidence that two spellings are one reporter. People who appear together on one article are
two people, and are never paired.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils.text import slugify
from pypinyin import lazy_pinyin

from .models import Byline, Person, PersonAlias

# Surnames read differently from the same character in ordinary words (曾经 ceng, 曾 as a surname zeng).
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "查": "zha", "区": "ou", "乐": "yue", "覃": "qin",
    "翟": "zhai", "缪": "miao", "盖": "ge", "朴": "piao", "尉": "yu", "种": "chong", "召": "shao", "秘": "bi",
    "宿": "su", "员": "yun", "繁": "po", "句": "gou", "牟": "mou", "洗": "xian", "冼": "xian", "褚": "chu",
}  # fmt: skip
_NAME_LENGTH = Person._meta.get_field("name").max_length


def pinyin_slug(name: str) -> str:
    """``成姣兰`` -> ``chengjiaolan``, ``曾小明`` -> ``zengxiaoming``: ASCII, for URLs; ``person`` when nothing is left."""
    name = name.replace(" ", "").replace("\u3000", "")
    syllables = lazy_pinyin(name)
    if name and name[0] in _SURNAME_READINGS and syllables:
        syllables[0] = _SURNAME_READINGS[name[0]]
    return slugify("".join(syllables))[:100].strip("-") or "person"


def unique_slugs(names: Iterable[str], *, exclude_pk: int | None = None) -> dict[str, str]:
    """A free slug for each name: its pinyin, then ``-2``, ``-3``... past the slugs already taken."""
    people = Person.objects.exclude(pk=exclude_pk)
    return free_slugs(people, {name: pinyin_slug(name) for name in names}, lambda base, n: f"{base}-{n + 1}")


def free_slugs(rows: QuerySet, bases: dict[str, str], numbered: Callable[[str, int], str]) -> dict[str, str]:
    """For each key, ``bases[key]`` or else ``numbered(base, 1)``, ``numbered(base, 2)``... not yet in ``rows``' slugs
    nor given to an earlier key: one query however many. People and the importer's new tags use it."""
    prefix_match = Q()
    for base in set(bases.values()):
        prefix_match |= Q(slug__startswith=base)
    taken = set(rows.filter(prefix_match).values_list("slug", flat=True))
    slugs = {}
    for key, base in bases.items():
        slug, n = base, 0
        while slug in taken:
            n += 1
            slug = numbered(base, n)
        taken.add(slug)
        slugs[key] = slug
    return slugs


def stored_name(name: str) -> str:
    """A printed name as the column keeps it: trimmed, cut to its length."""
    return name.strip()[:_NAME_LENGTH]


def known_names(names: Iterable[str]) -> set[str]:
    """Which of ``names`` are people's names or editors' aliases already."""
    names = {stored_name(n) for n in names}
    return set(Person.objects.filter(name__in=names).values_list("name", flat=True)) | set(
        PersonAlias.objects.filter(name__in=names).values_list("name", flat=True)
    )


def resolve_names(printed: Iterable[str]) -> tuple[dict[str, Person], set[int]]:
    """Each printed name to its Person: exact name, else an editors' alias, else a new person.

    Returns ``{printed name: person}`` and the primary keys of the people created. Names are
    looked up as the column stores them, so an absurdly long name is found again on re-import
    instead of being created twice.
    """
    printed = [name for name in dict.fromkeys(printed) if name and name.strip()]
    fitted = {name: stored_name(name) for name in printed}
    names = list(dict.fromkeys(fitted.values()))
    found = {person.name: person for person in Person.objects.filter(name__in=names)}
    missing = [name for name in names if name not in found]
    if missing:
        for alias in PersonAlias.objects.filter(name__in=missing).select_related("person"):
            found[alias.name] = alias.person
    new_names = [name for name in names if name not in found]
    created: set[int] = set()
    if new_names:
        slugs = unique_slugs(new_names)
        people = Person.objects.bulk_create([Person(name=name, slug=slugs[name]) for name in new_names])
        found.update(zip(new_names, people, strict=True))
        created = {person.pk for person in people}
    return {name: found[fitted[name]] for name in printed}, created


def one_edit_apart(a: str, b: str) -> bool:
    """One character replaced, added or dropped: 成姣兰/成娇兰, 王海艳/王海."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def spelling_variants(names: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """For each name (two characters or more), the stored people whose names are one edit apart: ``(pk, name)``."""
    names = {name for name in names if len(name) >= 2}
    if not names:
        return {}
    patterns, dropped = set(), set()
    for name in names:
        for i in range(len(name)):
            patterns.add(_like(name[:i]) + "_" + _like(name[i + 1 :]))  # one character replaced
        for i in range(len(name) + 1):
            patterns.add(_like(name[:i]) + "_" + _like(name[i:]))  # one added
        if len(name) > 2:
            dropped.update(name[:i] + name[i + 1 :] for i in range(len(name)))  # one dropped
    by_key: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for pk, other in _people_like(sorted(patterns), sorted(dropped)):
        for key in set(_keys(other)):
            by_key[key].append((pk, other))
    variants = {}
    for name in names:
        candidates = {found for key in set(_keys(name)) for found in by_key.get(key, ())}
        variants[name] = sorted(found for found in candidates if one_edit_apart(name, found[1]))
    return variants


def _like(text: str) -> str:
    """``text`` as a LIKE pattern that matches it alone (escape character ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _people_like(patterns: list[str], names: list[str], chunk: int = 400) -> list[tuple[int, str]]:
    """``(pk, name)`` of the people whose name matches one of the LIKE ``patterns`` or is one of ``names``.

    One statement of two arrays on PostgreSQL; elsewhere, statements of at most ``chunk`` patterns or names.
    """
    table, found = connection.ops.quote_name(Person._meta.db_table), set()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT id, name FROM {table} WHERE name LIKE ANY(%s) OR name = ANY(%s)", [patterns, names]
            )
            return cursor.fetchall()
        for start in range(0, len(names), chunk):
            some = names[start : start + chunk]
            cursor.execute(f"SELECT id, name FROM {table} WHERE name IN ({', '.join(['%s'] * len(some))})", some)
            found.update(cursor.fetchall())
        for start in range(0, len(patterns), chunk):
            some = patterns[start : start + chunk]
            where = " OR ".join(["name LIKE %s ESCAPE '\\'"] * len(some))
            cursor.execute(f"SELECT id, name FROM {table} WHERE {where}", some)
            found.update(cursor.fetchall())
    return list(found)


@dataclass(frozen=True)
class LikelyDuplicate:
    first: Person  # the one with more bylines: the suggested canonical spelling
    second: Person
    shared: tuple[Person, ...]  # people both have shared a byline with


def _keys(name: str):
    """Names one edit apart share at least one key (the wildcard or the deletion form)."""
    yield ("deleted", name)
    for i in range(len(name)):
        yield ("wildcard", name[:i] + "\0" + name[i + 1 :])
        yield ("deleted", name[:i] + name[i + 1 :])


def likely_duplicates(limit: int = 200) -> list[LikelyDuplicate]:
    co_people: dict[int, set[int]] = defaultdict(set)
    by_article: dict[int, list[int]] = defaultdict(list)
    for article_id, person_id in Byline.objects.values_list("article_id", "person_id").distinct():
        by_article[article_id].append(person_id)
    for person_ids in by_article.values():
        for person_id in person_ids:
            co_people[person_id].update(person_ids)

    names = dict(Person.objects.filter(pk__in=co_people).values_list("pk", "name"))
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pk, name in names.items():
        for key in set(_keys(name)):
            buckets[key].append(pk)

    found: dict[tuple[int, int], set[int]] = {}
    for members in buckets.values():
        for a, b in combinations(sorted(members), 2):
            if (a, b) in found or b in co_people[a] or not one_edit_apart(names[a], names[b]):
                continue
            shared = (co_people[a] & co_people[b]) - {a, b}
            if shared:
                found[(a, b)] = shared

    wanted = {pk for pair in found for pk in pair} | {pk for shared in found.values() for pk in shared}
    people = Person.objects.annotate(n_bylines=Count("bylines")).in_bulk(wanted)
    pairs = []
    for (a, b), shared in found.items():
        first, second = sorted((people[a], people[b]), key=lambda p: (-p.n_bylines, p.pk))
        pairs.append(LikelyDuplicate(first, second, tuple(sorted((people[pk] for pk in shared), key=str))))
    pairs.sort(key=lambda pair: (-len(pair.shared), pair.first.name))
    return pairs[:limit]
