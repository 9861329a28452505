"""版面图 in the admin: an editor uploads a page's PDF (or a scan), sees where its articles were placed, corrects an area.

The upload is checked, rendered and read by ``articles.page_files`` while the form is validated, so a
refused file leaves nothing stored; once saved, the message says how many of the page's articles were
placed. An area changed or added by hand is marked as the editor's and kept when the page is placed again.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .. import page_files
from ..models import Article, ArticleArea, PageImage
from .search import CappedSearchMixin


class PageImageForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("版面文件"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": page_files.ACCEPT_ATTRIBUTE}),
        help_text=_("本版的 PDF(生成版面图,并按文字位置自动定位各稿件),或 JPEG、PNG 扫描图(区域需手工填写)。"),
    )

    class Meta:
        model = PageImage
        fields = ["page"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            if self.instance.pk is None:
                raise ValidationError(_("请选择版面文件。"))
            return None
        try:
            return page_files.prepare(upload)
        except ValidationError as error:
            raise ValidationError([f"{upload.name}:{message}" for message in error.messages]) from error


class AreaForm(forms.ModelForm):
    class Meta:
        model = ArticleArea
        fields = ["article", "x", "y", "width", "height"]

    def clean(self):
        cleaned = super().clean()
        x, y, width, height = (cleaned.get(name) for name in ("x", "y", "width", "height"))
        if None in (x, y, width, height):
            return cleaned
        if min(x, y) < 0 or width <= 0 or height <= 0 or x + width > 1.000001 or y + height > 1.000001:
            raise ValidationError(_("区域须在版面之内:左、上 ≥ 0,宽、高 > 0,左+宽、上+高 ≤ 1。"))
        return cleaned


class ArticleAreaInline(admin.TabularInline):
    model = ArticleArea
    form = AreaForm
    fields = ["article", "x", "y", "width", "height", "placed_by", "score"]
    readonly_fields = ["placed_by", "score"]
    extra = 0
    verbose_name_plural = _("稿件区域(比例 0–1;改动过的区域标为“编辑”,重新定位时保留)")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only the page's own articles can have an area on it.
        field = formset.form.base_fields["article"]
        field.queryset = Article.objects.filter(page_id=obj.page_id) if obj else Article.objects.none()
        return formset


@admin.register(PageImage)
class PageImageAdmin(CappedSearchMixin, admin.ModelAdmin):
    form = PageImageForm
    inlines = [ArticleAreaInline]
    list_display = ["page", "placed", "pdf_link", "uploaded_at"]
    list_select_related = ["page__issue"]
    search_fields = ["page__name", "page__label"]
    date_hierarchy = "page__issue__printed_on"
    autocomplete_fields = ["page"]
    readonly_fields = ["preview"]
    actions = ["place_again"]
    ordering = ["-page__issue__printed_on", "page__number", "pk"]

    def get_fields(self, request, obj=None):
        return ["page", "upload", "preview"] if obj else ["page", "upload"]

    def get_readonly_fields(self, request, obj=None):
        return ["page", "preview"] if obj else []

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(n_areas=Count("areas", distinct=True), n_articles=Count("page__articles", distinct=True))
        )

    @admin.display(description=_("已定位"))
    def placed(self, obj):
        return f"{obj.n_areas}/{obj.n_articles}"

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        return format_html('<a href="{}">PDF</a>', obj.pdf.url) if obj.pdf else "—"

    @admin.display(description=_("版面图与区域"))
    def preview(self, obj):
        if not obj.pk or not obj.image:
            return "—"
        areas = obj.areas.select_related("article")
        boxes = format_html_join(
            "",
            '<span title="{}" style="position:absolute;{};outline:2px solid {};background:rgba(200,30,30,.08)">'
            '<small style="background:#fff">{}</small></span>',
            (
                (a.article.headline, a.style, "#0a6" if a.placed_by == ArticleArea.PlacedBy.EDITOR else "#c33", n)
                for n, a in enumerate(areas, start=1)
            ),
        )
        return format_html(
            '<div style="position:relative;width:600px;max-width:100%"><img src="{}" alt="" width="{}" height="{}" '
            'style="display:block;width:100%;height:auto">{}</div>',
            obj.image.url,
            obj.width,
            obj.height,
            boxes,
        )

    def save_model(self, request, obj, form, change):
        prepared = form.cleaned_data.get("upload")
        if prepared is None:
            super().save_model(request, obj, form, change)
            return
        report = page_files.attach(obj, prepared)
        request._page_areas_replaced = True
        self.message_user(
            request,
            report.message(),
            messages.SUCCESS if not (report.unplaced or report.font_warning) else messages.WARNING,
        )

    def save_formset(self, request, form, formset, change):
        if getattr(request, "_page_areas_replaced", False):
            # The areas were placed anew from the new file: the rows on the form are gone.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        for area_form in formset.forms:
            if area_form.has_changed() and not formset._should_delete_form(area_form):
                area_form.instance.placed_by = ArticleArea.PlacedBy.EDITOR
        super().save_formset(request, form, formset, change)

    @admin.action(description=_("按 PDF 文字重新定位所选版面的稿件(保留编辑画的区域)"), permissions=["change"])
    def place_again(self, request, queryset):
        for page_image in queryset.select_related("page"):
            report = page_files.place(page_image)
            self.message_user(request, f"{page_image.page}:{report.message()}")


@admin.register(ArticleArea)
class ArticleAreaAdmin(CappedSearchMixin, admin.ModelAdmin):
    """Every area, to find those placed by hand or with little of their text found; areas are added on their 版面图."""

    form = AreaForm
    list_display = ["article", "page_image", "placed_by", "score"]
    list_filter = ["placed_by"]
    list_select_related = ["article", "page_image__page__issue"]
    search_fields = ["article__headline"]
    fields = ["page_image", "article", "x", "y", "width", "height", "placed_by", "score"]
    readonly_fields = ["page_image", "article", "placed_by", "score"]
    ordering = ["-pk"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        obj.placed_by = ArticleArea.PlacedBy.EDITOR
        super().save_model(request, obj, form, change)
