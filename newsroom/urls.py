from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from articles import desk_views
from articles.sitemaps import sitemaps
from newsroom.health import healthz

urlpatterns = [
    # The desk (工作台) is the admin's home page for editors; its own pages live under admin/desk/.
    path("admin/", admin.site.admin_view(desk_views.home)),
    path("admin/desk/", include("articles.desk_urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # Browsers and crawlers ask for /favicon.ico whatever the pages link to.
    path("favicon.ico", RedirectView.as_view(url=static("articles/favicon.ico"), permanent=True)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps, "template_name": "articles/sitemap.xml"},
        name="sitemap",
    ),
    path("", include("articles.urls")),
]


def media(request, path):
    """Uploaded photos, from wherever MEDIA_ROOT is now (the demo; in production the proxy serves them)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.NEWSROOM_SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    urlpatterns.insert(0, re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media, name="media"))

# Readers' error pages in Chinese (templates 400/403/404/500.html); the API's errors as JSON (newsroom/errors.py).
handler400 = "newsroom.errors.bad_request"
handler403 = "newsroom.errors.permission_denied"
handler404 = "newsroom.errors.page_not_found"
handler500 = "newsroom.errors.server_error"
