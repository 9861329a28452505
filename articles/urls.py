from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("epaper/<int:year>/<int:month>/<int:day>/", views.issue_detail, name="issue"),
    path("epaper/<int:year>/<int:month>/<int:day>/pages/<int:page_id>/", views.page_detail, name="page"),
]
