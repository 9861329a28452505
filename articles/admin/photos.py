"""The photos inline of the article form: several files chosen (or dropped) at once into one row.

Every file is checked and cleaned by ``articles.photos.prepare`` while the form is validated, so a
refused file (named in the message) leaves the whole form unsaved and nothing in storage.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from importers.widgets import ChineseFileInput

from .. import access, photos, renditions
from ..models import Photo
from .search import CappedSearchMixin


class MultipleFileInput(ChineseFileInput):
    allow_multiple_selected = True


class PhotoFilesField(forms.FileField):
    """One or more files; cleans to a list of ``photos.Prepared`` (empty when none was chosen)."""

    widget = MultipleFileInput(attrs={"accept": photos.ACCEPT_ATTRIBUTE})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        prepared, errors = [], []
        for upload in files:
            try:
                prepared.append(photos.prepare(upload))
            except ValidationError as error:
                errors += [f"{upload.name}:{message}" for message in error.messages]
        if errors:
            raise ValidationError(errors)
        return prepared

    def has_changed(self, initial, data):
        return bool(data)

    def bound_data(self, data, initial):
        return initial


class PhotoForm(forms.ModelForm):
    upload = PhotoFilesField(
        label=_("图片文件"),
        required=False,
        help_text=_("可一次选多张(JPEG、PNG、WebP);已有的图片选一张即替换。"),
    )

    class Meta:
        model = Photo
        fields = ["caption", "credit", "order"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 2, "cols": 40})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False

    def clean_order(self):
        return self.cleaned_data.get("order") or 0

    def clean(self):
        cleaned = super().clean()
        prepared = cleaned.get("upload") or []
        if self.instance.pk is None:
            if not prepared and self.has_changed() and not self.cleaned_data.get("DELETE"):
                self.add_error("upload", _("请选择图片文件。"))
        elif len(prepared) > 1:
            self.add_error("upload", _("替换已有图片时只能选一张。"))
        elif prepared:
            self.instance.image = prepared[0].content
        return cleaned


class PhotoFormSet(BaseInlineFormSet):
    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        total = self.add_prefix(TOTAL_FORM_COUNT)
        if self.is_bound and total not in self.data:
            # A form sent without the photos rows (a script, an older page) leaves the photos as they are.
            self.data = self.data.copy()
            self.data[total] = self.data[self.add_prefix(INITIAL_FORM_COUNT)] = "0"

    def save_new_objects(self, commit=True):
        """A new row makes one photo per file, numbered on after the article's last one."""
        self.new_objects = []
        last = None
        for form in self.extra_forms:
            if not form.has_changed() or (self.can_delete and self._should_delete_form(form)):
                continue
            if last is None:
                last = self.instance.photos.aggregate(last=Max("order"))["last"] or 0
            first = form.cleaned_data.get("order") or last + 1
            for n, prepared in enumerate(form.cleaned_data["upload"]):
                photo = Photo(
                    article=self.instance,
                    image=prepared.content,
                    width=prepared.width,
                    height=prepared.height,
                    caption=form.cleaned_data.get("caption", ""),
                    credit=form.cleaned_data.get("credit", ""),
                    order=first + n,
                )
                if commit:
                    photo.save()
                self.new_objects.append(photo)
                last = max(last, photo.order)
        return self.new_objects


class PhotoInline(admin.TabularInline):
    model = Photo
    form = PhotoForm
    formset = PhotoFormSet
    fields = ["preview", "upload", "caption", "credit", "order"]
    readonly_fields = ["preview"]
    extra = 1
    verbose_name = _("图片")
    verbose_name_plural = _("图片(可一次选多张;说明、摄影留空时取稿件署名中的摄影者)")

    @admin.display(description=_("预览"))
    def preview(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener"><img src="{}" alt="" width="120" height="80"></a><br>{}×{}',
            photo.image.url,
            renditions.url(photo, "thumb"),
            photo.width,
            photo.height,
        )


@admin.register(Photo)
class PhotoAdmin(CappedSearchMixin, admin.ModelAdmin):
    """Every photo of the articles the user may see, newest first; a photo is added (and its file
    checked) on its article's form."""

    def get_queryset(self, request):
        return access.visible(request.user, super().get_queryset(request), article="article")

    list_display = ["thumbnail", "caption", "credit", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["caption", "credit", "article__headline"]
    fields = ["preview", "article", "caption", "credit", "order"]
    readonly_fields = ["preview", "article"]
    ordering = ["-id"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("预览"))
    def preview(self, photo):
        return PhotoInline.preview(self, photo)

    @admin.display(description=_("图片"))
    def thumbnail(self, photo):
        return PhotoInline.preview(self, photo)
