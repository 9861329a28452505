"""Jumped articles: the two halves joined, and pages numbered from the jump lines that name them.

``▶ 下转 02版`` ends the first half of an article on one page; ``(上接01版)`` opens its second half on
another, under the same headline. Whichever half is imported second makes the link. A page still
without a number takes the one the other half's jump line gives it: the page of a ``下转 02版``
article's second half is page 2, the page of an ``上接01版`` article's first half is page 1.
"""

from __future__ import annotations

from django.db.models import Q

from articles.models import Article, Page

from .identity import normalize_headline
from .parsing.pagehead import number_of


def _jump_target(label: str) -> int | None:
    return number_of(label) if label else None


def link_continuations(written: list[tuple[Page | None, Article]]) -> None:
    """Join the jumped articles among ``written`` (``(page, article)`` just stored) with their other halves.

    The headline decides when a page has several jumps.
    """
    written = [(page, article) for page, article in written if page is not None]
    jumping = [(page, a) for page, a in written if a.continued_from or a.continued_to]
    if not jumping:
        return
    issues = {page.issue_id for page, _ in jumping}
    mine = {a.pk for _, a in written}
    others = [
        a
        for a in Article.objects.filter(page__issue__in=issues)
        .filter(Q(continued_to__gt="") | Q(continued_from__gt=""))
        .select_related("page")
        if a.pk not in mine
    ] + [a for _, a in jumping]
    changed, renumbered = [], {}
    for page, tail in jumping:
        if not tail.continued_from:
            continue
        heads = [
            h
            for h in others
            if h.pk != tail.pk
            and h.continued_to
            and h.page.issue_id == page.issue_id
            and h.page_id != page.pk
            and _names(tail.continued_from, h.page)
            and _names(h.continued_to, page)
        ]
        head = _single_match(tail, heads)
        if head is None:
            continue
        if tail.continues_id != head.pk and not tail.is_edited:
            tail.continues = head
            changed.append(tail)
        _numbers_from(head, page, tail, renumbered)
    for page, tail in [
        (a.page, a)
        for a in others
        if a.continued_from and a.pk not in mine and a.continues_id is None and not a.is_edited
    ]:
        heads = [
            h
            for p, h in jumping
            if h.continued_to
            and p.pk != page.pk
            and p.issue_id == page.issue_id
            and _names(tail.continued_from, p)
            and _names(h.continued_to, page)
        ]
        head = _single_match(tail, heads)
        if head is not None:
            tail.continues = head
            changed.append(tail)
            _numbers_from(head, page, tail, renumbered)
    Article.objects.bulk_update(changed, ["continues"])
    for page, number in renumbered.values():
        if not Page.objects.filter(issue_id=page.issue_id, number=number).exists():
            page.number = number
            page.save(update_fields=["number"])


def _numbers_from(head: Article, tail_page: Page, tail: Article, renumbered: dict) -> None:
    """The numbers the two halves' jump lines give their pages, for pages that have none."""
    for target, label in ((tail_page, head.continued_to), (head.page, tail.continued_from)):
        number = _jump_target(label)
        if target.number is None and number and target.pk not in renumbered:
            renumbered[target.pk] = (target, number)


def _names(label: str, page: Page) -> bool:
    """Whether a jump line's ``02版`` can mean this page: its number or label, or a page with no number yet."""
    if page.label and page.label == label:
        return True
    number = _jump_target(label)
    return page.number is None or (number is not None and page.number == number)


def _single_match(article: Article, candidates: list[Article]) -> Article | None:
    same_title = [c for c in candidates if normalize_headline(c.headline) == normalize_headline(article.headline)]
    match = same_title or candidates
    return match[0] if len(match) == 1 else None
