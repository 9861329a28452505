"""Section keywords: city life for 城区 (市民, 商圈, 步行街: what residents do in the city's own
streets, as 长沙晚报's and 株洲日报's local pages report it), and the weather service for 社会
instead of the bare 气象, which every 新时代新气象 names.

Only a section whose keywords are still the ones the migrations gave it is changed: editors' own
lists stay.
"""

from django.db import migrations

DISTRICT_BEFORE = "城区 芦淞 荷塘 天元 石峰 渌口 街道 社区 城市更新 老旧小区"
SOCIETY_BEFORE = (
    "社会 民生 公安 警方 消防 交通 医院 医疗 就业 教育 学校 志愿者 慈善 救助 养老 人民调解 民警 派出所 警察 交警 "
    "志愿服务 春运 返乡 寒潮 气象 天气 预警 群众 救援 安全 留守儿童 老人 医保 社保"
)
# name: (keywords before, keywords now)
KEYWORDS = {
    "城区": (DISTRICT_BEFORE, DISTRICT_BEFORE + " 市民 商圈 步行街"),
    "社会": (SOCIETY_BEFORE, SOCIETY_BEFORE.replace(" 气象 ", " 气象台 气象局 ")),
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
        ("articles", "0020_page_images"),
    ]

    operations = [migrations.RunPython(widen, narrow)]
