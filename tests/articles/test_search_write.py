"""write_documents(): what the import and index_articles() store, on both databases."""

import pytest
from django.db import connection, transaction

from articles import search
from articles.search.postgres import DOCUMENTS
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db


def found(query):
    from articles.models import Article

    return [a.headline for a in search.search(Article.objects.published(), query)]


def test_documents_written_in_one_transaction_twice_are_all_stored_and_the_latest_wins():
    first = story(headline="民营经济商会调解", body="株洲日报讯 全市商会人民调解组织成立。")
    second = story(headline="荷塘区社区议事", body="株洲日报讯 社区居民议事会开到家门口。")
    with transaction.atomic():
        search.write_documents([(first.pk, *search.document("", "旧标题", "", "旧正文讲的是水利。"))])
        search.write_documents(
            [
                (first.pk, *search.document("", first.headline, "", first.body)),
                (second.pk, *search.document("", second.headline, "", second.body)),
            ]
        )
    assert found("商会") == ["民营经济商会调解"]
    assert found("议事") == ["荷塘区社区议事"]
    assert found("水利") == []


def test_an_article_without_bigrams_or_body_is_stored():
    article = story(headline="GDP", body="")
    search.write_documents([(article.pk, *search.document("", "GDP", "", ""))])
    assert found("gdp") == ["GDP"]


postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's tsvectors")


def built_by_the_database(title, body, grams):
    """``document`` and ``lexemes`` as write_documents() has PostgreSQL build them from the tokens."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.document::text, strip(d.document || array_to_tsvector(%s::text[]))::text FROM (SELECT "
            "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') AS document) AS d",
            [grams, title, body],
        )
        return cursor.fetchone()


def as_stored(literals):
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector::text, %s::tsvector::text", list(literals))
        return cursor.fetchone()


def seed_documents():
    from articles.body import render_body
    from importers.parsing import parse_page
    from tests.conftest import SEED_FILES

    for path in SEED_FILES:
        for item in parse_page(path.read_bytes(), source=str(path)).items:
            yield search.document(item.kicker, item.headline, item.subheadline, render_body(item.blocks))


@postgres_only
def test_vectors_made_in_python_are_the_ones_the_database_builds_for_every_seed_article():
    documents = list(seed_documents())
    assert len(documents) > 40
    for title, body, grams in documents:
        literals = search.vectors(title, body, grams)
        assert literals is not None, (title, body)
        assert as_stored(literals) == built_by_the_database(title, body, grams), (title, body)


@postgres_only
@pytest.mark.parametrize(
    "title, body",
    [
        ("", ""),
        ("gdp", ""),
        ("", "株洲 株洲"),
        ("株洲 株洲 日报", "株洲 日报 商会 株洲"),
        ("2023年 g20 1e5 0x1f 123abc 00012", "1e5 g20 一 龥 㐀 䶵"),
        # Words repeated past the positions a lexeme keeps (255 in one text, 256 in both).
        (" ".join(["株洲"] * 300), " ".join(["株洲", "日报"] * 300)),
        (" ".join(["株洲"] * 100 + ["日报"]), " ".join(["株洲"] * 200)),
        # Texts past the last position (16383): later words share it.
        ("商会", " ".join(f"w{n % 500}" for n in range(17000))),
        (" ".join(f"t{n % 300}" for n in range(16500)), "t1 t2 新词 t1"),
    ],
)
def test_vectors_follow_the_database_at_the_edges(title, body):
    grams = search.bigrams(title.replace(" ", "") + body.replace(" ", ""))[:50]
    assert as_stored(search.vectors(title, body, grams)) == built_by_the_database(title, body, grams)


@pytest.mark.parametrize("token", ["a_b", "ａｂ", "²", "é", "ß", "x" * 2047, "鿿", "\U00020000"])
def test_a_token_vectors_does_not_parse_as_postgresql_does_leaves_the_building_to_the_database(token):
    assert search.vectors(f"株洲 {token}", "日报", ["株洲"]) is None
    assert search.vectors("株洲", f"日报 {token}", ["株洲"]) is None


def test_documents_written_with_or_without_their_vectors_are_stored_alike():
    first = story(headline="民营经济商会调解", body="株洲日报讯 全市商会人民调解组织成立。")
    second = story(headline="Ⅱ号线 ａｂ", body="株洲日报讯 社区居民议事会开到家门口。")
    documents = [(a.pk, *search.document("", a.headline, "", a.body)) for a in (first, second)]
    search.write_documents(documents)
    built = stored_index()
    search.write_documents([(*doc, search.vectors(*doc[1:])) for doc in documents])
    assert stored_index() == built
    assert search.vectors(*documents[1][1:]) is None
    assert found("商会") == ["民营经济商会调解"]
    assert found("议事") == ["Ⅱ号线 ａｂ"]


def stored_index():
    """Every row of the index, with its ranked document (on PostgreSQL in a table of its own)."""
    select = f"SELECT rowid, title, body, grams FROM {search.TABLE} ORDER BY 1"
    if connection.vendor == "postgresql":
        select = (
            "SELECT s.article_id, s.published_on::text, d.document::text, s.lexemes::text "
            f"FROM {search.TABLE} AS s FULL JOIN {DOCUMENTS} AS d USING (article_id) ORDER BY 1"
        )
    with connection.cursor() as cursor:
        cursor.execute(select)
        return cursor.fetchall()


@pytest.mark.parametrize("with_vectors", [True, False])
def test_documents_of_new_articles_are_stored_as_write_documents_stores_them(with_vectors):
    """add_documents() (the batch import's path: no staging, no conflict check) against write_documents()."""
    import datetime

    from articles.models import Article

    late_evening = datetime.datetime(2023, 1, 22, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    articles = [
        story(headline="民营经济商会调解", body="株洲日报讯 全市商会人民调解组织成立。", index=False),
        story(headline="荷塘区社区议事", body="株洲日报讯 社区居民议事会。", published_at=late_evening, index=False),
        story(headline="未发布的稿件商会", body="草稿", status=Article.Status.DRAFT, index=False),
        story(headline="Ⅱ号线 ａｂ", body="株洲日报讯 地铁。", index=False),  # no vectors made in Python
    ]
    documents = [(a.pk, *search.document("", a.headline, "", a.body)) for a in articles]
    if with_vectors:
        documents = [(*doc, search.vectors(*doc[1:])) for doc in documents]
    search.write_documents(documents)
    written = stored_index()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {search.TABLE}")

    with transaction.atomic():
        search.add_documents(documents, {a.pk: a.published_at for a in articles})

    assert stored_index() == written
    assert found("商会") == ["民营经济商会调解"]  # the draft is indexed, not public
    assert found("议事") == ["荷塘区社区议事"]
