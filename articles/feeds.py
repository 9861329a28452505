"""RSS 2.0 and Atom feeds: the latest articles, and those of a section, a person or a tag."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape, linebreaks
from taggit.models import Tag

from .body import PARAGRAPH
from .models import Article, Person, Section

ITEMS = 30


class LatestFeed(Feed):
    language = "zh-cn"

    def title(self, obj=None):
        return f"{settings.NEWSROOM_SITE_NAME} · {self.heading(obj)}"

    def description(self, obj=None):
        return f"{settings.NEWSROOM_SITE_NAME}{self.heading(obj)}"

    subtitle = description

    def heading(self, obj):
        return "最新稿件"

    def link(self, obj=None):
        return reverse("articles:home")

    def articles(self, obj):
        return Article.objects.listed()

    def items(self, obj=None):
        return self.articles(obj).with_related().order_by("-published_at", "-pk")[:ITEMS]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Enclosures are given whole addresses (a photo stored on disk has a path; in object storage, an address).
        for item in feed.items:
            item["enclosures"] = [
                Enclosure(request.build_absolute_uri(e.url), e.length, e.mime_type) for e in item["enclosures"]
            ]
        return feed

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # Readers render descriptions as HTML: the text is escaped, never trusted.
        lead = [block.text for block in item.blocks if block.kind == PARAGRAPH][:2]
        summary = " ".join(part for part in (item.kicker, item.subheadline) if part)
        return "".join(linebreaks(escape(text)) for text in ([summary] if summary else []) + lead)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return " ".join(byline.person.name for byline in item.bylines.all()) or None

    def item_enclosures(self, item):
        """The lead photo (the first), as uploaded: RSS takes one enclosure an item, with its length and type."""
        photo = next(iter(item.photos.all()), None)
        if photo is None or not photo.size:
            return []
        return [Enclosure(photo.image.url, str(photo.size), photo.content_type)]

    def item_categories(self, item):
        names = [item.section.name] if item.section else []
        return names + [tag.name for tag in item.tags.all()]


class _OneObjectFeed(LatestFeed):
    """The articles of one section, person or tag (by its slug)."""

    model = Section
    # Like the person and tag pages: nothing public to show, no feed (a draft's author stays unknown).
    needs_articles = False

    def get_object(self, request, slug):
        obj = get_object_or_404(self.model, slug=slug)
        if self.needs_articles and not self.articles(obj).exists():
            raise Http404("没有已发布的稿件")
        return obj

    def heading(self, obj):
        return obj.name

    def link(self, obj):
        return obj.get_absolute_url()


class SectionFeed(_OneObjectFeed):
    def articles(self, obj):
        return Article.objects.listed().in_section(obj)


class PersonFeed(_OneObjectFeed):
    model, needs_articles = Person, True

    def articles(self, obj):
        return Article.objects.listed().by_person(obj)


class TagFeed(_OneObjectFeed):
    model, needs_articles = Tag, True

    def heading(self, obj):
        return f"标签:{obj.name}"

    def link(self, obj):
        return reverse("articles:tag", kwargs={"slug": obj.slug})

    def articles(self, obj):
        return Article.objects.listed().filter(tags=obj)


class LatestAtomFeed(LatestFeed):
    feed_type = Atom1Feed


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed


class PersonAtomFeed(PersonFeed):
    feed_type = Atom1Feed


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed
