"""A warning an editor dismissed stays dismissed when the same page is imported again; a new or changed one shows."""

import io
import shutil

import pytest
from django.core.management import call_command

from articles import review
from articles.models import Article, WarningNote
from tests.conftest import SEEDS_DIR

pytestmark = pytest.mark.django_db

SEED = "001_d2a89e1a3a1b2016.txt"
VARIANT = "署名“成炫兰”可能是已知人员“成姣兰”的误写(两人都与王海艳共同署名),请核对;确认后可在人员中合并。"
BROKEN = "段落在句中断开(可能不完整):…街道)、村(社区)党组织"


def _import(path):
    call_command("import_pages", str(path), stdout=io.StringIO())


def _revised(path, *replacements):
    text = (SEEDS_DIR / SEED).read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_a_dismissed_warning_stays_dismissed_on_reimport_and_a_changed_one_shows(tmp_path):
    _import(SEEDS_DIR / "000_a19f70ba52195d0f.txt")  # 成姣兰 and 王海艳 sign together
    page = tmp_path / SEED
    shutil.copy(SEEDS_DIR / SEED, page)
    _import(page)
    shanghui = Article.objects.get(headline="我市五家商会获评全国“四好”商会")
    xuncha = Article.objects.get(headline="十三届市委第二轮巡察启动")
    assert shanghui.warnings == [VARIANT] and xuncha.warnings == [BROKEN]
    assert review.dismiss(article=shanghui, text=VARIANT, reason="两人不是同一人", by=None) == 1
    assert review.dismiss(article=xuncha, text=BROKEN, reason="原版转下版", by=None) == 1

    # The page again, corrected in both stories: both are updated, the same warnings stay dismissed.
    _revised(
        page,
        ("近日,全国工商联发布", "日前,全国工商联发布"),
        ("今年3月至5月,市委巡察机构", "今年3月至5月,市委巡察机构依规"),
    )
    _import(page)
    shanghui.refresh_from_db()
    xuncha.refresh_from_db()
    assert shanghui.body.startswith("日前") and "市委巡察机构依规" in xuncha.body
    assert shanghui.warnings == [] and xuncha.warnings == []

    # Broken elsewhere: a changed warning is a new one and shows; the dismissed variant stays dismissed.
    _revised(page, ("近日,全国工商联发布", "日前,全国工商联发布"), ("村(社区)党组织\n", "村(社区)党\n"))
    _import(page)
    shanghui.refresh_from_db()
    xuncha.refresh_from_db()
    assert shanghui.warnings == []
    assert xuncha.warnings == ["段落在句中断开(可能不完整):…镇(街道)、村(社区)党"]
    assert WarningNote.objects.count() == 2


def test_a_warning_is_the_same_by_kind_and_subject_not_by_its_words():
    assert review.warning_key(VARIANT) == review.warning_key(VARIANT.replace("王海艳", "王海艳、李四"))
    assert review.warning_key(VARIANT) != review.warning_key(VARIANT.replace("成炫兰", "成妓兰"))
    old = "可能与已入库的稿件重复:《全市商协会人民调解组织集中成立授牌》(编号 12)"
    assert review.warning_key(old) == review.warning_key(old.replace("集中成立授牌", "成立"))
    assert review.warning_key(old) != review.warning_key(old.replace("12", "13"))
    assert review.warning_key(BROKEN) != review.warning_key(BROKEN[:-1])
