from django.urls import path, register_converter

from . import api, feeds, views


class FixedDigitsConverter:
    """A zero-padded number of fixed width, so dates read 2024/01/23 in every address."""

    width = 2

    @property
    def regex(self):
        return f"[0-9]{{{self.width}}}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):0{self.width}d}"


class YearConverter(FixedDigitsConverter):
    width = 4


register_converter(YearConverter, "yyyy")
register_converter(FixedDigitsConverter, "dd")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<yyyy:year>/<dd:month>/<dd:day>/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/", views.article_redirect, name="article_short"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
    path("search/", views.search, name="search"),
    path("epaper/", views.epaper, name="epaper"),
    path("epaper/<yyyy:year>/<dd:month>/<dd:day>/", views.issue_detail, name="issue"),
    path("epaper/<yyyy:year>/<dd:month>/<dd:day>/pages/<int:page_id>/", views.page_detail, name="page"),
    path("feeds/latest/", feeds.LatestFeed(), name="feed_latest"),
    path("feeds/latest/atom/", feeds.LatestAtomFeed(), name="feed_latest_atom"),
    path("feeds/sections/<slug:slug>/", feeds.SectionFeed(), name="feed_section"),
    path("feeds/sections/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="feed_section_atom"),
    path("feeds/people/<slug:slug>/", feeds.PersonFeed(), name="feed_person"),
    path("feeds/people/<slug:slug>/atom/", feeds.PersonAtomFeed(), name="feed_person_atom"),
    path("feeds/tags/<str:slug>/", feeds.TagFeed(), name="feed_tag"),
    path("feeds/tags/<str:slug>/atom/", feeds.TagAtomFeed(), name="feed_tag_atom"),
    path("api/articles/", api.article_list, name="api_article_list"),
    path("api/articles/<int:pk>/", api.article_detail, name="api_article_detail"),
    path("robots.txt", views.robots_txt, name="robots"),
]
