"""A PostgreSQL database with N articles (default 1,000,000) for the site, search and admin benchmarks.

    .venv/bin/python bench/build_site_db.py [--articles N] [--drop]

Creates ``newsroom_bench`` (dropped first), migrates it and fills it with COPY: ~100 articles a
day over the years before today (12 a page, 8 pages an issue), 97 % published, bylines
(1-3 each, a few prolific reporters), tags (3 each, a few very common), and the search index
built from the same rjieba tokens ``articles.search`` writes. Text comes from the seed pages
through bench/generate.py. The database is several GB: drop it with ``--drop`` when done
(never commit it; it lives only in the local PostgreSQL server).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _benchdb  # noqa: E402
from generate import PageWriter, load_pool  # noqa: E402

from articles import search  # noqa: E402
from articles.search import bigrams, tokenize  # noqa: E402

DATABASE = _benchdb.SITE
PER_PAGE, PAGES_PER_ISSUE = 12, 8
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红辉鹏飞凌云海燕晓楠雪琳婷俊峰"
KINDS = ["news"] * 90 + ["photo"] * 6 + ["commentary"] * 2 + ["advertisement", "notice"]
ROLES = ["reporter", "correspondent", "photographer"]


def log(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:7.1f} s] {message}", flush=True)


def zipf_choice(rng: random.Random, items: list, skew: float = 1.1):
    """Mostly the first few items, sometimes any: prolific reporters and common tags."""
    index = int(len(items) * (rng.random() ** (skew * 3)))
    return items[min(index, len(items) - 1)]


def _name_grams(name: str) -> frozenset[str]:
    """What the index matches of a person's or a tag's name (as ``articles.search.document`` adds it)."""
    return frozenset(search.document("", "", "", "", [name])[2])


def build(articles: int, seed: int = 5) -> None:
    started = time.perf_counter()
    rng = random.Random(seed)
    pool = load_pool(ROOT / "seeds")
    writer = PageWriter(pool, rng)
    sentences = []
    for _ in range(20_000):
        text = writer.vary(rng.choice(pool.sentences))
        sentences.append((text, " ".join(tokenize(text)), frozenset(bigrams(text))))
    headlines = []
    for _ in range(60_000):
        text = writer.headline()
        headlines.append((text, " ".join(tokenize(text)), frozenset(bigrams(text))))
    log("text pools ready", started)

    _benchdb.create(DATABASE)
    log(f"database {DATABASE} created and migrated", started)
    conn = _benchdb.connect(DATABASE)
    conn.execute("SET session_replication_role = replica")  # no FK triggers while loading
    content_type = conn.execute(
        "SELECT id FROM django_content_type WHERE app_label = 'articles' AND model = 'article'"
    ).fetchone()[0]
    sections = [row[0] for row in conn.execute("SELECT id FROM articles_section ORDER BY id")]

    pages = -(-articles // PER_PAGE)
    issues = -(-pages // PAGES_PER_ISSUE)
    first_day = datetime.date.today() - datetime.timedelta(days=issues + 1)
    with conn.cursor().copy("COPY articles_issue (id, printed_on) FROM STDIN") as copy:
        for issue in range(1, issues + 1):
            copy.write_row((issue, first_day + datetime.timedelta(days=issue)))
    with conn.cursor().copy("COPY articles_page (id, issue_id, number, label, name, source_name) FROM STDIN") as copy:
        for page in range(1, pages + 1):
            number = (page - 1) % PAGES_PER_ISSUE + 1
            copy.write_row((page, (page - 1) // PAGES_PER_ISSUE + 1, number, f"{number:02d}版", "", f"{page}.txt"))
    log(f"{issues:,} issues, {pages:,} pages", started)

    people = []
    names = set()
    while len(names) < 3000:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        names.add(name)
    with conn.cursor().copy("COPY articles_person (id, name, slug, bio) FROM STDIN") as copy:
        for pk, name in enumerate(sorted(names), start=1):
            copy.write_row((pk, name, f"person-{pk}", ""))
            people.append(pk)
    rng.shuffle(people)
    tag_words = sorted({w for words in pool.vocabulary.values() for w in words if len(w) >= 2})
    rng.shuffle(tag_words)
    tags = list(range(1, min(5000, len(tag_words)) + 1))
    with conn.cursor().copy("COPY taggit_tag (id, name, slug) FROM STDIN") as copy:
        for pk in tags:
            copy.write_row((pk, tag_words[pk - 1], f"tag-{pk}"))
    log(f"{len(people):,} people, {len(tags):,} tags", started)

    # Bylines and tags are chosen first (their own generator: the same choices as when they were
    # chosen after the articles), so that each article's search document holds their names.
    rng_b = random.Random(seed + 1)
    bylines = []
    for pk in range(1, articles + 1):
        chosen = []
        for order in range(rng_b.choice((1, 2, 2, 3))):
            person = zipf_choice(rng_b, people)
            role = ROLES[min(order, 2)] if order else "reporter"
            if (person, role) not in chosen:
                chosen.append((person, role))
                bylines.append((pk, person, role, len(chosen) - 1))
    tag_links = [(pk, tag) for pk in range(1, articles + 1) for tag in {zipf_choice(rng_b, tags) for _ in range(3)}]
    person_names = dict(zip(range(1, len(names) + 1), sorted(names), strict=True))
    name_grams = {("person", pk): _name_grams(name) for pk, name in person_names.items()}
    name_grams.update({("tag", pk): _name_grams(tag_words[pk - 1]) for pk in tags})
    next_byline = next_tag = 0  # both lists are in article order

    def grams_of_names(pk: int) -> list[frozenset[str]]:
        nonlocal next_byline, next_tag
        found = []
        while next_byline < len(bylines) and bylines[next_byline][0] == pk:
            found.append(name_grams[("person", bylines[next_byline][1])])
            next_byline += 1
        while next_tag < len(tag_links) and tag_links[next_tag][0] == pk:
            found.append(name_grams[("tag", tag_links[next_tag][1])])
            next_tag += 1
        return found

    log(f"{len(bylines):,} bylines and {len(tag_links):,} tag links chosen", started)

    columns = (
        "id, kind, kicker, headline, subheadline, series, dateline, body, section_id, page_id, position, "
        "continued_to, continued_from, status, published_at, bylines_text, warnings, duplicates_dropped, "
        "source_lines, imported_hash, is_edited, reviewed_at, created_at, updated_at, printed_on, page_number"
    )
    tz = datetime.timezone(datetime.timedelta(hours=8))
    warnings_sample = [json.dumps(["没有署名"], ensure_ascii=False), json.dumps(["标题是推测的"], ensure_ascii=False)]
    search_source = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed after the last pass)
    with conn.cursor().copy(f"COPY articles_article ({columns}) FROM STDIN") as copy:
        for pk in range(1, articles + 1):
            page = (pk - 1) // PER_PAGE + 1
            issue = (page - 1) // PAGES_PER_ISSUE + 1
            position = (pk - 1) % PER_PAGE + 1
            day = first_day + datetime.timedelta(days=issue)
            published_at = datetime.datetime(day.year, day.month, day.day, 6, tzinfo=tz) + datetime.timedelta(
                minutes=((page - 1) % PAGES_PER_ISSUE) * PER_PAGE + position
            )
            roll = rng.random()
            status = "published" if roll < 0.97 else ("review" if roll < 0.99 else "draft")
            headline, title_tokens, grams = rng.choice(headlines)
            paragraphs = [[rng.choice(sentences) for _ in range(rng.randint(2, 5))] for _ in range(3)]
            body = "\n\n".join("".join(text for text, _, _ in paragraph) for paragraph in paragraphs)
            body_tokens = " ".join(tokens for paragraph in paragraphs for _, tokens, _ in paragraph)
            # Sentences end in punctuation, so the article's bigrams are those of its parts.
            grams = grams.union(*(g for paragraph in paragraphs for _, _, g in paragraph), *grams_of_names(pk))
            search_source.write(f"{pk}\t{title_tokens}\t{body_tokens}\t{{{','.join(grams)}}}\n")
            copy.write_row(
                (
                    pk,
                    rng.choice(KINDS),
                    "",
                    headline[:300],
                    "",
                    "",
                    "株洲日报讯",
                    body,
                    rng.choice(sections),
                    page,
                    position,
                    "",
                    "",
                    status,
                    published_at if status == "published" else None,
                    "",
                    rng.choice(warnings_sample) if rng.random() < 0.15 else "[]",
                    0,
                    "[]",
                    "",
                    rng.random() < 0.05,
                    published_at if status == "published" and rng.random() < 0.5 else None,
                    published_at,
                    published_at,
                    day,
                    (page - 1) % PAGES_PER_ISSUE + 1,
                )
            )
            if pk % 200_000 == 0:
                log(f"{pk:,} articles", started)
    log("articles copied", started)
    with conn.cursor().copy('COPY articles_byline (article_id, person_id, role, "order") FROM STDIN') as copy:
        for row in bylines:
            copy.write_row(row)
    log("bylines copied", started)
    with conn.cursor().copy("COPY taggit_taggeditem (object_id, content_type_id, tag_id) FROM STDIN") as copy:
        for pk, tag in tag_links:
            copy.write_row((pk, content_type, tag))
    log("tag links copied", started)

    # The search index as index_articles() writes it (articles.search): headline words A and body
    # words B in ``document`` (a table of its own); every word and bigram, and the names' tokens and
    # bigrams, stripped in ``lexemes``; the publication date.
    conn.execute("DROP INDEX IF EXISTS articles_search_lexemes")
    conn.execute("CREATE UNLOGGED TABLE bench_search_source (article_id bigint, title text, body text, grams text[])")
    search_source.seek(0)
    with conn.cursor().copy("COPY bench_search_source (article_id, title, body, grams) FROM STDIN") as copy:
        while data := search_source.read(1 << 20):
            copy.write(data)
    search_source.close()
    conn.execute(
        "WITH built AS MATERIALIZED (SELECT s.article_id, "
        "coalesce((a.published_at AT TIME ZONE 'UTC')::date, '-infinity') AS published_on, d.document, "
        "strip(d.document || array_to_tsvector(s.grams)) AS lexemes "
        "FROM bench_search_source AS s JOIN articles_article AS a ON a.id = s.article_id, "
        "LATERAL (SELECT setweight(to_tsvector('simple', s.title), 'A') "
        "|| setweight(to_tsvector('simple', s.body), 'B') AS document) AS d), "
        "indexed AS (INSERT INTO articles_search (article_id, published_on, lexemes) "
        "SELECT article_id, published_on, lexemes FROM built) "
        "INSERT INTO articles_search_document (article_id, document) SELECT article_id, document FROM built "
        "ORDER BY article_id"
    )
    conn.execute("DROP TABLE bench_search_source")
    log("search documents written", started)
    conn.execute("SET maintenance_work_mem = '512MB'")
    conn.execute("CREATE INDEX articles_search_lexemes ON articles_search USING gin (lexemes, published_on)")
    log("search index built", started)
    for table in ["articles_issue", "articles_page", "articles_person", "taggit_tag", "articles_article"]:
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    conn.execute("SET session_replication_role = DEFAULT")
    conn.execute("VACUUM ANALYZE")
    log("vacuumed and analysed", started)
    size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
    print(f"{DATABASE}: {articles:,} articles, {size}; drop it with: .venv/bin/python bench/build_site_db.py --drop")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--drop", action="store_true", help=f"drop {DATABASE} and exit")
    args = parser.parse_args()
    if args.drop:
        _benchdb.drop(DATABASE)
        print(f"dropped {DATABASE}")
        return
    build(args.articles)


if __name__ == "__main__":
    main()
