"""The seeds imported with the sections a fresh database gets (migrations 0005, 0014, 0021, 0024): each story
where an editor of 株洲日报 would file it, and the keywords editors change in the admin decide."""

import importlib
import io

import pytest
from django.core.management import call_command

from articles.models import Article, Section
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db


def sections_of(*names: str) -> dict[str, str]:
    seeds = [path for path in SEED_FILES if path.name.startswith(names)]
    call_command("import_pages", *map(str, seeds), stdout=io.StringIO())
    rows = Article.objects.values_list("kicker", "headline", "subheadline", "section__name")
    return {kicker + headline + subheadline: section for kicker, headline, subheadline, section in rows}


def filed(found: dict[str, str], words: str) -> str:
    (title,) = [title for title in found if words in title]
    return found[title]


def test_the_seeds_go_where_an_editor_files_them():
    found = sections_of("000_", "001_", "002_")
    # a commentary goes to 评论 whatever it is about
    assert filed(found, "根植人民团结干") == "评论"
    # the party secretary's meetings are 时政, not 经济 for the banks they name
    for words in (
        "曹慧泉会见部分金融机构负责人",
        "曹慧泉调研全市项目建设工作",
        "曹慧泉主持召开党建引领基层治理座谈会",
    ):
        assert filed(found, words) == "时政", words
    assert filed(found, "巡察启动") == "时政"
    assert filed(found, "纾困小微企业") == "经济"
    # the page header `综合·城区` decides for its page, even for a story about loans
    assert filed(found, "金融支持实体经济持续加力") == "城区"
    assert filed(found, "“三重”招考") == "城区"  # 荷塘区, no header


def test_keywords_editors_change_decide_the_next_import():
    # 研究生考场 is 社会 by 教育; an editor who wants exams in 文化 (for the sake of the test) says so
    society = Section.objects.get(name="社会")
    society.keywords = society.keywords.replace("教育", "")
    society.save()
    culture = Section.objects.get(name="文化")
    culture.keywords += " 考场 考生"
    culture.save()
    assert filed(sections_of("001_"), "研究生将分核酸阴性、阳性考场") == "文化"


def test_migration_0021_widens_only_the_lists_editors_left_alone():
    from django.apps import apps

    migration = importlib.import_module("articles.migrations.0021_section_keywords_city")
    assert {"市民", "商圈", "步行街"} <= set(Section.objects.get(name="城区").keyword_list)
    assert "气象台" in Section.objects.get(name="社会").keyword_list
    assert "气象" not in Section.objects.get(name="社会").keyword_list
    Section.objects.filter(name="城区").update(keywords=migration.DISTRICT_BEFORE)
    Section.objects.filter(name="社会").update(keywords="社会 民警 气象")  # an editor's own list
    migration.widen(apps, None)
    assert "市民" in Section.objects.get(name="城区").keyword_list
    assert Section.objects.get(name="社会").keywords == "社会 民警 气象"
    migration.narrow(apps, None)
    assert Section.objects.get(name="城区").keywords == migration.DISTRICT_BEFORE


def test_migration_0024_widens_only_the_lists_editors_left_alone():
    from django.apps import apps

    migration = importlib.import_module("articles.migrations.0024_section_keywords_reading")
    assert {"艺术节", "书屋", "读书", "阅读"} <= set(Section.objects.get(name="文化").keyword_list)
    Section.objects.filter(name="文化").update(keywords="文化 书法")  # an editor's own list
    migration.widen(apps, None)
    assert Section.objects.get(name="文化").keywords == "文化 书法"
    Section.objects.filter(name="文化").update(keywords=migration.CULTURE_BEFORE)
    migration.widen(apps, None)
    assert "书屋" in Section.objects.get(name="文化").keyword_list
    migration.narrow(apps, None)
    assert Section.objects.get(name="文化").keywords == migration.CULTURE_BEFORE
