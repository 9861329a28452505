"""Import warnings an editor deals with: each points at the field it is about, and leaves the article's open
warnings when dismissed with a reason or when the change that fixes it is made.

``Article.warnings`` holds what is still open (the review queue's 有提示 filter reads it); a warning dealt
with moves to ``WarningNote`` (who, when, 已忽略 or 已修正, and why) with an entry in the admin's history,
in one transaction. Three ways out, all through ``resolve``:

- ``dismiss``: an editor says why the warning does not apply (the reason is required);
- ``fixed_by_edit``: the article form changed the field a warning is about (a headline warning by a
  new headline, a byline warning by changed bylines);
- ``merged_people``: after 成炫兰 is merged into 成姣兰, the variant warnings naming 成炫兰 are settled.

A dismissed warning stays dismissed: when the same page is imported again, ``without_dismissed`` drops the
warnings an editor dismissed on that article before (the same ``warning_key``: kind and subject); a new
or changed warning is open again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import workflow
from .models import Article, WarningNote


@dataclass(frozen=True)
class Target:
    """Where in the article form a warning's fix is made: a field name (or ``bylines``) and its label."""

    field: str
    label: str

    @property
    def anchor(self) -> str:
        return "bylines-group" if self.field == "bylines" else f"id_{self.field}"


# The importer's warnings say what they are about in their first words (importers/loading.py,
# importers/parsing/): the first rule that matches names the field.
_TARGETS = [
    (re.compile(r"署名|人员|记者|通讯员|作者"), Target("bylines", "署名")),
    (re.compile(r"标题|引题|副题"), Target("headline", "主标题")),
    (re.compile(r"出版日期|版次|版面"), Target("page", "版面")),
    (re.compile(r"栏目"), Target("section", "栏目")),
]
_BODY = Target("body", "正文")
_VARIANT = re.compile(r"署名“(?P<name>[^”]+)”可能是已知人员“(?P<known>[^”]+)”的误写")
# importers.load_warnings.duplicate_warning
_DUPLICATE = re.compile(r"^可能与已入库的稿件重复:《.*》\(编号 (?P<pk>\d+)\)$", re.S)


def target(warning: str) -> Target:
    """The field a warning is about; the body when it names none."""
    for pattern, found in _TARGETS:
        if pattern.search(warning):
            return found
    return _BODY


def warning_key(warning: str) -> tuple[str, ...]:
    """What a warning is about, its kind and subject: two texts with the same key are the same warning.

    A misspelled-name warning is about the two names (not the co-bylines it lists), a possible duplicate
    about the stored article (not its headline at the time); any other warning is its own words.
    """
    if match := _VARIANT.search(warning):
        return ("variant", match["name"], match["known"])
    if match := _DUPLICATE.match(warning):
        return ("duplicate", match["pk"])
    return ("text", warning)


def dismissed_keys(article_pks: Iterable[int]) -> dict[int, set[tuple[str, ...]]]:
    """``{article pk: keys of the warnings dismissed on it}``, in one query."""
    found: dict[int, set[tuple[str, ...]]] = {}
    pks = list(article_pks)
    if not pks:
        return found
    notes = WarningNote.objects.filter(article_id__in=pks, outcome=WarningNote.Outcome.DISMISSED)
    for article_pk, text in notes.values_list("article_id", "text"):
        found.setdefault(article_pk, set()).add(warning_key(text))
    return found


def without_dismissed(warnings: Iterable[str], dismissed: set[tuple[str, ...]]) -> list[str]:
    """``warnings`` but those an editor already dismissed (``dismissed_keys`` of the article)."""
    return [text for text in warnings if warning_key(text) not in dismissed]


def with_targets(warnings: Iterable[str]) -> list[tuple[str, Target]]:
    return [(warning, target(warning)) for warning in warnings or ()]


@transaction.atomic
def resolve(*, article: Article, texts: Iterable[str], outcome: str, reason: str, by) -> int:
    """Move ``texts`` from the article's open warnings to its notes; returns how many were open."""
    locked = Article.objects.select_for_update().filter(pk=article.pk).values_list("warnings", flat=True).first()
    open_ = list(locked or [])
    done = [text for text in dict.fromkeys(texts) if text in open_]
    if not done:
        return 0
    remaining = [text for text in open_ if text not in done]
    # update(): not a save, so neither updated_at nor is_edited moves (a dismissal is no edit of the text).
    Article.objects.filter(pk=article.pk).update(warnings=remaining)
    article.warnings = remaining
    now = timezone.now()
    WarningNote.objects.bulk_create(
        [WarningNote(article=article, text=text, outcome=outcome, reason=reason, by=by, at=now) for text in done]
    )
    verb = _("忽略导入提示") if outcome == WarningNote.Outcome.DISMISSED else _("导入提示已修正")
    workflow.audit(Article.objects.filter(pk=article.pk), by=by, message=f"{verb}:{';'.join(done)}({reason})")
    return len(done)


def dismiss(*, article: Article, text: str, reason: str, by) -> int:
    reason = (reason or "").strip()
    if not reason:
        raise ValueError(_("请写明忽略这条提示的理由。"))
    return resolve(article=article, texts=[text], outcome=WarningNote.Outcome.DISMISSED, reason=reason, by=by)


def fixed_by_edit(*, article: Article, changed: Iterable[str], by) -> int:
    """The warnings about a field the editor just changed (``changed``: form field names, ``bylines``)."""
    changed = set(changed)
    if "kicker" in changed or "subheadline" in changed:
        changed.add("headline")
    texts = [text for text, where in with_targets(article.warnings) if where.field in changed]
    if not texts:
        return 0
    labels = "、".join(dict.fromkeys(target(text).label for text in texts))
    return resolve(article=article, texts=texts, outcome=WarningNote.Outcome.FIXED, reason=_("修改了") + labels, by=by)


def merged_people(*, names: Iterable[str], into, by) -> int:
    """After ``names`` were merged into ``into``: the warnings that asked whether they are the same person."""
    names = set(names)
    settled = 0
    # JSON text is compared in Python: SQLite stores it with \\u escapes, so LIKE on Chinese finds nothing.
    for article in Article.objects.filter(bylines__person=into).exclude(warnings=[]).distinct():
        texts = [
            text
            for text in article.warnings
            if (match := _VARIANT.search(text)) and {match["name"], match["known"]} & names
        ]
        if texts:
            reason = _("已把 %(names)s 合并到 %(into)s") % {"names": "、".join(sorted(names)), "into": into.name}
            settled += resolve(article=article, texts=texts, outcome=WarningNote.Outcome.FIXED, reason=reason, by=by)
    return settled
