"""Admin searches stop where readers' searches stop (``search.MAX_QUERY_CHARS``, ``search.MAX_QUERY_TERMS``).

Django's admin search turns every word into one condition per search field (a join for some), so a
search of thousands of words is a statement the database works on for many seconds while a web
worker waits. Every admin with ``search_fields`` mixes this in (a test walks the admin site), so the
lists and the autocompletes, which both search through ``get_search_results``, use at most the first
``MAX_QUERY_TERMS`` words of the first ``MAX_QUERY_CHARS`` characters.
"""

from django.contrib import messages
from django.utils.text import smart_split
from django.utils.translation import gettext as _

from ..search import MAX_QUERY_CHARS, MAX_QUERY_TERMS


def capped_admin_search(search_term: str) -> tuple[str, bool]:
    """The part of an admin search that is searched, and whether that is less than was asked."""
    term = (search_term or "").strip()
    words = list(smart_split(term[:MAX_QUERY_CHARS]))
    if len(term) <= MAX_QUERY_CHARS and len(words) <= MAX_QUERY_TERMS:
        return term, False
    return " ".join(words[:MAX_QUERY_TERMS]), True


class CappedSearchMixin:
    def get_search_results(self, request, queryset, search_term):
        term, capped = capped_admin_search(search_term)
        if capped and (getattr(request, "resolver_match", None) and request.resolver_match.url_name or "").endswith(
            "_changelist"
        ):
            messages.warning(
                request,
                _("搜索词太长:只按前 %(terms)d 个词(最多 %(chars)d 个字)搜索:%(term)s")
                % {"terms": MAX_QUERY_TERMS, "chars": MAX_QUERY_CHARS, "term": term},
            )
        return super().get_search_results(request, queryset, term)
