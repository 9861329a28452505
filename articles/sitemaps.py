"""``/sitemap.xml``: the sections with articles and the articles readers' lists show (``listed()``);
recent articles carry Google News fields."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from .models import Article, Section

# News sitemaps should only list what appeared in the last two days.
NEWS_WINDOW = datetime.timedelta(days=2)


class SectionSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.6

    def items(self):
        return Section.objects.listed()


class ArticleSitemap(Sitemap):
    limit = 5000
    priority = 0.8

    def items(self):
        return Article.objects.listed().select_related("section", "page__issue").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        recent = timezone.now() - NEWS_WINDOW
        for url in urls:
            article = url["item"]
            if article.published_at >= recent:
                url["news"] = {
                    "name": settings.NEWSROOM_SITE_NAME,
                    "language": "zh-cn",
                    "publication_date": article.published_at,
                    "title": article.headline,
                }
        return urls


sitemaps = {"sections": SectionSitemap, "articles": ArticleSitemap}
