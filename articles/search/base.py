"""What the two backends share: the index table's name and what each of them provides.

A backend (``sqlite.SQLiteBackend``, ``postgres.PostgresBackend``) has

- ``expression(terms, grams)``: the query in its own syntax, matching all ``terms`` or all ``grams``;
- ``matcher(terms, grams)``: a shorter expression with the same matches, for finding them
  (``expression`` ranks), or None;
- ``matches``: SQL selecting (as ``id``) the articles an expression (its one parameter) matches;
- ``ranked(queryset, expression, window, match=None)``: ``(id, rank)`` of the ``window`` newest
  matches (of ``match``, by default ``expression``) in ``queryset``, best first, equal ranks newest first;
- ``write(documents)``, ``add(documents, published_at)`` and ``delete(ids)`` for the index.
"""

TABLE = "articles_search"
