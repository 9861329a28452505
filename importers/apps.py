from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "importers"
    verbose_name = _("导入")
