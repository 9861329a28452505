"""Which articles a user may see and change in the admin: one rule for every view that reaches them.

- 编辑 and 主编 (``articles.review_article``): every article.
- 记者: the articles that carry a byline of their own person (``Person.user``); of those they change
  only their drafts.
- anyone else (staff without a role, a reporter whose account is linked to no person): none.

The article admin (list, form, history, revert, recover, preview, bulk actions), the byline and
correction admins, the page form's list of articles and every autocomplete that offers articles all
filter through ``visible`` and ``changeable``, so no view shows or writes an article this rule does
not allow. Bylines decide who owns an article, so a byline can only be put on, moved to or taken off
an article its user may change.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import Article, Byline

_EVERYTHING = Q()


def is_editor(user) -> bool:
    return user.has_perm("articles.review_article")


def is_chief(user) -> bool:
    return user.has_perm("articles.publish_article")


def _rule(user, *, change: bool, prefix: str) -> Q | None:
    """The articles ``user`` may see (or change), as a condition on ``prefix`` + article fields; None: none."""
    needed = ["articles.change_article"] if change else ["articles.view_article", "articles.change_article"]
    if not user.is_authenticated or not any(user.has_perm(perm) for perm in needed):
        return None
    if is_editor(user):
        return _EVERYTHING
    own = Q(**{f"{prefix}pk__in": Byline.objects.filter(person__user=user).values("article_id")})
    return own & Q(**{f"{prefix}status": Article.Status.DRAFT}) if change else own


def _apply(queryset: QuerySet, rule: Q | None) -> QuerySet:
    if rule is None:
        return queryset.none()
    return queryset if rule is _EVERYTHING else queryset.filter(rule)


def visible(user, queryset: QuerySet | None = None, *, article: str = "") -> QuerySet:
    """``queryset`` (articles, or rows of another model whose article is at ``article``) limited to what ``user`` may see."""
    queryset = Article.objects.all() if queryset is None else queryset
    return _apply(queryset, _rule(user, change=False, prefix=f"{article}__" if article else ""))


def changeable(user, queryset: QuerySet | None = None, *, article: str = "") -> QuerySet:
    """``queryset`` limited to the articles (or rows of articles) ``user`` may change."""
    queryset = Article.objects.all() if queryset is None else queryset
    return _apply(queryset, _rule(user, change=True, prefix=f"{article}__" if article else ""))


def may_change(user, article: Article | None) -> bool:
    """Whether ``user`` may change ``article`` as it is stored now (an unsaved article: whether they may write any)."""
    if article is None or article.pk is None:
        return _rule(user, change=True, prefix="") is not None
    return changeable(user, Article.objects.filter(pk=article.pk)).exists()


def may_recover(user) -> bool:
    """Bringing back a deleted article (django-reversion's recover views): editors and chief editors."""
    return user.has_perm("articles.add_article") and is_editor(user)
