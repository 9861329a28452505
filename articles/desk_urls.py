"""The desk's addresses under /admin/desk/, each behind the admin's login (``admin.site.admin_view``)."""

from django.contrib import admin
from django.urls import path

from . import desk_views

app_name = "desk"

_view = admin.site.admin_view

urlpatterns = [
    path("publish/", _view(desk_views.publish), name="publish"),
    path("pages/<int:page_id>/", _view(desk_views.page_review_view), name="page_review"),
    path("articles/<int:article_id>/dismiss/", _view(desk_views.dismiss_warning), name="dismiss_warning"),
]
