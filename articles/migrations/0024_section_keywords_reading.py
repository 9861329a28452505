"""Section keywords: reading and the arts for 文化 (艺术节, 书屋, 读书, 阅读: a workers' reading room and an arts
festival that 工人日报 files under 文化 named no 文化 keyword and went to 经济 and 社会).

Only a section whose keywords are still the ones the migrations gave it is changed: editors' own lists stay.
"""

from django.db import migrations

CULTURE_BEFORE = (
    "文化 文旅 旅游 非遗 文艺 演出 展览 博物馆 图书馆 书法 电影 炎帝 春节 民俗 庙会 文创 戏曲 美术 音乐 作家 文学 诗词"
)
# name: (keywords before, keywords now)
KEYWORDS = {
    "文化": (CULTURE_BEFORE, CULTURE_BEFORE + " 艺术节 书屋 读书 阅读"),
}


def widen(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    for name, (before, after) in KEYWORDS.items():
        Section.objects.filter(name=name, keywords=before).update(keywords=after)


def narrow(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    for name, (before, after) in KEYWORDS.items():
        Section.objects.filter(name=name, keywords=after).update(keywords=before)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_remove_stale_content_types"),
    ]

    operations = [migrations.RunPython(widen, narrow)]
