"""The importer's words (item kinds) as editors read them: ``{{ item.kind|kind_label }}`` -> 消息."""

from django import template

register = template.Library()


@register.filter
def kind_label(kind: str) -> str:
    from articles.models import Article

    return str(Article.Kind(kind).label) if kind in Article.Kind.values else kind
