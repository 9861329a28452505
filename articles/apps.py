from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("稿件")

    def ready(self):
        from taggit.models import Tag, TaggedItem

        from newsroom import pagecache

        from . import desk_admin, page_files, photos

        pagecache.follow(*self.get_models(), Tag, TaggedItem)
        photos.connect()
        page_files.connect()
        desk_admin.register()
