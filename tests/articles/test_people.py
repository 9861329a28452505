"""articles.people: names to people, slugs, and one meaning of "one edit apart" for every check."""

import pytest

from articles import people
from articles.models import Person
from tests.factories import PersonAliasFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_names_resolve_to_the_person_the_alias_or_a_new_person():
    known = PersonFactory(name="成姣兰", slug="chengjiaolan")
    PersonAliasFactory(person=known, name="成娇兰")

    found, created = people.resolve_names(["成姣兰", "成娇兰", " 曾小明 ", "曾小明"])

    assert found["成姣兰"] == found["成娇兰"] == known
    new = Person.objects.get(name="曾小明")
    assert found[" 曾小明 "] == found["曾小明"] == new and created == {new.pk}
    assert new.slug == "zengxiaoming"


def test_spelling_variants_are_one_character_replaced_added_or_dropped():
    for name in ("成姣兰", "王海", "王海艳", "李四"):
        PersonFactory(name=name)

    assert [n for _, n in people.spelling_variants(["成炫兰"])["成炫兰"]] == ["成姣兰"]
    assert [n for _, n in people.spelling_variants(["王海艳"])["王海艳"]] == ["王海"]  # dropped
    assert [n for _, n in people.spelling_variants(["王海"])["王海"]] == ["王海艳"]  # added at the end
    assert [n for _, n in people.spelling_variants(["海艳"])["海艳"]] == ["王海艳"]  # added at the start


def test_spelling_variants_read_like_wildcards_in_names_as_characters():
    """``_`` and ``%`` in a name are characters, not the database's wildcards: each variant found once, by pk."""
    underscore, percent = PersonFactory(name="王_"), PersonFactory(name="王%艳")
    longer = PersonFactory(name="王海艳")
    PersonFactory(name="王海燕子")

    assert people.spelling_variants(["王海"])["王海"] == [(underscore.pk, "王_"), (longer.pk, "王海艳")]
    assert people.spelling_variants(["王%"])["王%"] == [(underscore.pk, "王_"), (percent.pk, "王%艳")]
    assert people.spelling_variants(["_%"]) == {"_%": []}


def test_unique_slugs_skip_the_taken_ones():
    PersonFactory(name="张伟", slug="zhangwei")
    assert people.unique_slugs(["章伟", "张炜"]) == {"章伟": "zhangwei-2", "张炜": "zhangwei-3"}
