"""What loading a dump would do, said before anything is written: the dry run's and the upload's plan.

For each printed item: *new*, *updated* (with a diff; *in review* when the article is published and
the change would wait for an editor), *unchanged*, *skipped* (an editor changed the stored article),
or *likely the same* as an article stored from another page or file (new, but check first). The
plan reads what ``load_pages`` reads (``importers.identity`` finds the page and its articles) and
decides as it decides (``loading.plan_items``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.models import Article, Page

from . import load_warnings, loading, revisions
from .identity import find_pages
from .prepared import prepare


@dataclass(frozen=True)
class ArticlePlan:
    position: int
    headline: str
    status: str  # new, updated, unchanged, skipped, likely_same
    article_pk: int | None = None
    diff: str = ""
    in_review: bool = False  # an update of a published article: it waits for an editor
    same_as: tuple[tuple[int, str], ...] = ()  # (pk, headline) of stored articles it likely repeats

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status] + ("(已发布,导入后待审)" if self.in_review else "")

    def as_dict(self) -> dict:
        return {
            "position": self.position,
            "headline": self.headline,
            "status": self.status,
            "article": self.article_pk,
            "diff": self.diff,
            "in_review": self.in_review,
            "same_as": [{"article": pk, "headline": headline} for pk, headline in self.same_as],
        }


@dataclass
class PagePlan:
    page: Page | None  # the stored page the dump is, None for a new page
    articles: list[ArticlePlan] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for a in self.articles if a.status == status)

    def summary(self) -> str:
        where = f"已有版面 {self.page}" if self.page is not None else "新版面"
        counts = "、".join(
            f"{label} {self.count(status)}"
            for status, label in STATUS_LABELS.items()
            if self.count(status) or status in ("new", "updated", "unchanged")
        )
        return f"{where}:{counts}"

    def as_dict(self) -> dict:
        return {
            "page": {"id": self.page.pk, "heading": str(self.page)} if self.page is not None else None,
            "articles": [a.as_dict() for a in self.articles],
        }


STATUS_LABELS = {
    "new": "新稿",
    "updated": "更新",
    "unchanged": "未变",
    "skipped": "编辑改过,不覆盖",
    "likely_same": "疑似已有",
}


def preview(parsed, *, file_name: str, publish: bool = False, section=None) -> PagePlan:
    """The plan for one parsed dump (parsed for readers, as the load stores it)."""
    cache = loading.LoadCache()
    resolve_section = loading._section_resolver(section, cache.section_list())
    page = find_pages([(parsed, file_name)])[0]
    stored = loading.stored_articles([page], lock=False).get(page.pk, []) if page is not None else []
    prepared = prepare(parsed)
    plans = loading.plan_items(
        parsed,
        prepared,
        page=page,
        file_name=file_name,
        stored=stored,
        publish=publish,
        resolve_section=resolve_section,
        pending=revisions.pending(stored),
    )
    likely = _likely_the_same(parsed, file_name, page, [p for p in plans if p.action == "create"])
    articles = []
    for plan in plans:
        headline = plan.fields["headline"]
        if plan.action == "create":
            same = likely.get(plan.position, ())
            status = "likely_same" if same else "new"
            articles.append(ArticlePlan(plan.position, headline, status, same_as=same))
        elif plan.action in ("update", "revise"):
            diff = revisions.diff(plan.article, plan.fields) or "(文字未变;署名、标签、栏目或版内位置有变)"
            articles.append(
                ArticlePlan(
                    plan.position, headline, "updated", plan.article.pk, diff, in_review=plan.action == "revise"
                )
            )
        else:
            articles.append(ArticlePlan(plan.position, headline, plan.action, plan.article.pk))
    return PagePlan(page, articles)


def _likely_the_same(parsed, file_name: str, page: Page | None, plans) -> dict[int, tuple]:
    """New items that repeat an article stored from another page or file: position -> ((pk, headline), ...)."""
    plans = [p for p in plans if p.fields["kind"] not in load_warnings.REPEATING_KINDS]
    if not plans:
        return {}
    index = load_warnings.ShingleIndex()
    found = load_warnings.candidates(
        index, dates=[parsed.issue_date], headlines={p.fields["headline"] for p in plans}, exclude=set()
    )
    allowed = found.allowed(
        file_name=file_name,
        issue_date=parsed.issue_date,
        page_pk=page.pk if page is not None else None,
        first_new=None,
        headlines={p.fields["headline"] for p in plans},
    )
    same = {}
    for plan in plans:
        pks = load_warnings.duplicate_matches(
            index, plan.fields["headline"], plan.fields["body"], allowed=allowed, sample=plan.prepared.shingles
        )
        if pks:
            headlines = dict(Article.objects.filter(pk__in=pks).values_list("pk", "headline"))
            same[plan.position] = tuple(sorted(headlines.items()))[:3]
    return same
