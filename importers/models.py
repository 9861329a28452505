"""Provenance: every page dump imported, kept verbatim, and the runs that imported them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import processes


class ImportRunQuerySet(models.QuerySet):
    def mark_interrupted(self) -> int:
        """Runs still "running" whose process is gone (killed, crashed, a web worker ended) become "interrupted".

        Only this host's processes can be asked (``processes.gone``); a run of another host is marked by
        that host's next import or admin page. The files a run stored before it stopped stay stored.
        """
        running = self.filter(status=ImportRun.Status.RUNNING).exclude(process="")
        gone = [pk for pk, process in running.values_list("pk", "process") if processes.gone(process)]
        return self.filter(pk__in=gone).interrupt() if gone else 0

    def interrupt(self) -> int:
        """These runs, if still running, did not finish: "interrupted", with how many files they stored."""
        runs = list(self.filter(status=ImportRun.Status.RUNNING))
        for run in runs:
            run.status = ImportRun.Status.INTERRUPTED
            run.finished_at = timezone.now()
            run.counts = {**(run.counts or {}), "stored": run.sources.count()}
            run.errors = [*(run.errors or []), {"path": "", "error": INTERRUPTED_MESSAGE}]
            run.save(update_fields=["status", "finished_at", "counts", "errors"])
        return len(runs)


INTERRUPTED_MESSAGE = "导入进程已结束,本批次没有做完:已写入的文件保留,其余未导入;重新运行同样的导入即可补全。"


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("进行中")
        DONE = "done", _("完成")
        FAILED = "failed", _("有失败")
        INTERRUPTED = "interrupted", _("中断")

    started_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("操作人")
    )
    origin = models.CharField(_("来源"), max_length=20, default="command", help_text=_("command 或 admin。"))
    options = models.JSONField(_("选项"), default=dict, blank=True)
    counts = models.JSONField(_("统计"), default=dict, blank=True)
    errors = models.JSONField(_("错误"), default=list, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.RUNNING)
    process = models.CharField(
        _("进程"), max_length=200, blank=True, editable=False, help_text=_("运行本批次的进程(主机:进程号:启动时刻)。")
    )

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")

    def __str__(self):
        # Asia/Shanghai, as the start time is shown beside it (a UTC title read 14:24 for a run at 22:24).
        return f"#{self.pk} {timezone.localtime(self.started_at):%Y-%m-%d %H:%M}" if self.started_at else f"#{self.pk}"


class RawSource(models.Model):
    """One page dump exactly as it arrived."""

    file_name = models.CharField(_("文件名"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    encoding = models.CharField(_("编码"), max_length=20)
    raw = models.BinaryField(_("原始字节"))
    text = models.TextField(_("解码文本"))
    size = models.PositiveIntegerField(_("字节数"), default=0)
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="sources", verbose_name=_("导入批次")
    )
    page = models.ForeignKey(
        "articles.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name=_("版面"),
    )
    counts = models.JSONField(_("统计"), default=dict, blank=True)
    warnings = models.JSONField(_("提示"), default=list, blank=True)
    furniture = models.JSONField(_("版面元素"), default=list, blank=True)
    unassigned = models.JSONField(_("未归属的行"), default=list, blank=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("原始版面文件")
        verbose_name_plural = _("原始版面文件")

    def __str__(self):
        return self.file_name


class Place(models.Model):
    """A place of the paper's area; stories naming it get it as a tag."""

    name = models.CharField(
        _("地名"), max_length=50, unique=True, help_text=_("如“荷塘区”“雷打石镇”。稿件正文提到它,导入时就加为标签。")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("地名")
        verbose_name_plural = _("地名(标签用)")

    def __str__(self):
        return self.name


class TagRule(models.Model):
    """An editor's word for the importer's tags: never a tag, or a tag to prefer over new words."""

    class Rule(models.TextChoices):
        STOP = "stop", _("不作标签")
        PREFER = "prefer", _("优先作标签")

    word = models.CharField(_("词语"), max_length=50, unique=True)
    rule = models.CharField(_("规则"), max_length=10, choices=Rule.choices, default=Rule.STOP)

    class Meta:
        ordering = ["rule", "word"]
        verbose_name = _("标签规则")
        verbose_name_plural = _("标签规则(停用词/优先词)")

    def __str__(self):
        return f"{self.word}({self.get_rule_display()})"


class ImportedRevision(models.Model):
    """A re-import's change to a published article, waiting for an editor: readers keep the published
    text until an editor accepts it (``importers.revisions.accept``)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审")
        ACCEPTED = "accepted", _("已采用")
        REJECTED = "rejected", _("已放弃")

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="imported_revisions", verbose_name=_("稿件")
    )
    source = models.ForeignKey(
        RawSource, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("来源文件")
    )
    fields = models.JSONField(_("导入的内容"), default=dict, help_text=_("采用后写入稿件的字段。"))
    diff = models.TextField(_("改动"), blank=True, help_text=_("已发布的文字与导入文字的差异。"))
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("处理人"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("待审修订")
        verbose_name_plural = _("待审修订")

    def __str__(self):
        return f"{self.article_id}: {self.get_status_display()}"
