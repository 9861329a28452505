"""PostgreSQL's search index in two documents and a date (see articles.search); SQLite is unchanged.

One document per article held everything: headline and body words with weights and positions,
and every character bigram of the article. Matching and ranking both read it whole, out of
TOAST. Now each row holds

- ``document``: the words alone (headline A, body B, with positions), read only to rank;
- ``lexemes``: every word and bigram, stripped (no weights or positions), read only to match;
- ``published_on``: the article's publication date (UTC; ``-infinity`` when unpublished), which
  the GIN index carries next to the lexemes (btree_gin) so that the newest matches are found
  without reading older ones. A trigger keeps it equal to the article's whoever writes
  ``published_at``; queries still check status and publication time on the article itself.

The existing documents are converted in SQL (``ts_filter`` keeps the weighted words, ``strip``
all lexemes): one pass over the table and one index build, no re-tokenizing (9.5 minutes at
1,000,000 articles on 2 busy cores). Searches read the old table meanwhile; index writes
(saves in the admin, imports) wait until the new table is in place.
"""

from django.db import migrations

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "SET LOCAL maintenance_work_mem = '512MB'",
    # Searches go on reading the old table while the new one is built; index writes wait.
    "LOCK TABLE articles_search IN SHARE MODE",
    """
    CREATE TABLE articles_search_split AS
    SELECT s.article_id,
           coalesce((a.published_at AT TIME ZONE 'UTC')::date, '-infinity') AS published_on,
           ts_filter(s.document, '{a,b}') AS document,
           strip(s.document) AS lexemes
    FROM articles_search AS s LEFT JOIN articles_article AS a ON a.id = s.article_id
    """,
    "ALTER TABLE articles_search_split ALTER article_id SET NOT NULL, ALTER published_on SET NOT NULL, "
    "ALTER document SET NOT NULL, ALTER lexemes SET NOT NULL",
    "ALTER TABLE articles_search_split ADD CONSTRAINT articles_search_split_pkey PRIMARY KEY (article_id)",
    "CREATE INDEX articles_search_split_lexemes ON articles_search_split USING gin (lexemes, published_on)",
    "DROP TABLE articles_search",
    "ALTER TABLE articles_search_split RENAME TO articles_search",
    "ALTER INDEX articles_search_split_pkey RENAME TO articles_search_pkey",
    "ALTER INDEX articles_search_split_lexemes RENAME TO articles_search_lexemes",
    """
    CREATE FUNCTION articles_search_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE articles_search
        SET published_on = coalesce((NEW.published_at AT TIME ZONE 'UTC')::date, '-infinity')
        WHERE article_id = NEW.id
          AND published_on IS DISTINCT FROM coalesce((NEW.published_at AT TIME ZONE 'UTC')::date, '-infinity');
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER articles_search_follow_article AFTER INSERT OR UPDATE OF published_at ON articles_article "
    "FOR EACH ROW EXECUTE FUNCTION articles_search_follow_article()",
    # Publications during the build: article writes wait for the few seconds of this check.
    "LOCK TABLE articles_article IN SHARE MODE",
    """
    UPDATE articles_search AS s
    SET published_on = coalesce((a.published_at AT TIME ZONE 'UTC')::date, '-infinity')
    FROM articles_article AS a
    WHERE a.id = s.article_id
      AND s.published_on IS DISTINCT FROM coalesce((a.published_at AT TIME ZONE 'UTC')::date, '-infinity')
    """,
    "ANALYZE articles_search",
]

BACKWARDS = [
    "DROP TRIGGER IF EXISTS articles_search_follow_article ON articles_article",
    "DROP FUNCTION IF EXISTS articles_search_follow_article()",
    "SET LOCAL maintenance_work_mem = '512MB'",
    """
    CREATE TABLE articles_search_whole AS
    SELECT article_id, document || lexemes AS document FROM articles_search
    """,
    "DROP TABLE articles_search",
    "ALTER TABLE articles_search_whole RENAME TO articles_search",
    "ALTER TABLE articles_search ALTER article_id SET NOT NULL, ALTER document SET NOT NULL",
    "ALTER TABLE articles_search ADD CONSTRAINT articles_search_pkey PRIMARY KEY (article_id)",
    "CREATE INDEX articles_search_document ON articles_search USING gin (document)",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_article_print_order"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
