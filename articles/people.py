"""Finding people who are probably one person spelled two ways (成姣兰 / 成娇兰).

A pair is a likely duplicate when the names are one character apart (one
character replaced, added or dropped) and both people have shared a byline
with the same third person: a reporter's usual photographer or correspondent
is strong evidence that two spellings are one reporter. People who appear
together on one article are two people, and are never paired.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db.models import Count

from .models import Byline, Person


@dataclass(frozen=True)
class LikelyDuplicate:
    first: Person  # the one with more bylines: the suggested canonical spelling
    second: Person
    shared: tuple[Person, ...]  # people both have shared a byline with


def one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


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
