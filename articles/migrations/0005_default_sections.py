"""Default sections of a city daily, with keywords the importer uses to assign articles.

Editors maintain the keywords in the admin afterwards; this only seeds a fresh database.
"""

from django.db import migrations

# (name, slug, order, keywords). Sections are tried in order, so the specific ones
# come before the broad ones; 综合 catches whatever matches nothing.
DEFAULT_SECTIONS = [
    ("要闻", "yaowen", 10, "要闻 头版"),
    ("时政", "shizheng", 20, "时政 市委常委会 常务会议 人大常委会 政协 纪委监委 党代会 巡察 党风廉政 主题教育"),
    (
        "经济",
        "jingji",
        30,
        "经济 财经 产业 企业 招商 投资 项目建设 园区 高新区 工业 制造业 金融 贷款 消费 外贸 "
        "商会 工商联 营商环境 民营经济 轨道交通 陶瓷 服饰",
    ),
    ("城区", "chengqu", 40, "城区 芦淞 荷塘 天元 石峰 渌口 街道 社区 城市更新 老旧小区"),
    ("县市", "xianshi", 50, "县市 醴陵 攸县 茶陵 炎陵 县域 乡镇 乡村振兴"),
    (
        "社会",
        "shehui",
        60,
        "社会 民生 公安 警方 消防 交通 医院 医疗 就业 教育 学校 志愿者 慈善 救助 养老 人民调解",
    ),
    ("文化", "wenhua", 70, "文化 文旅 旅游 非遗 文艺 演出 展览 博物馆 图书馆 书法 电影 炎帝"),
    ("体育", "tiyu", 80, "体育 赛事 比赛 运动会 马拉松 足球 篮球 健身 全运会"),
    ("评论", "pinglun", 90, "评论 时评 短评 社论 评论员 系列评论"),
    ("综合", "zonghe", 100, ""),
]
DEFAULT_SECTION = "综合"


def add_sections(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    has_default = Section.objects.filter(is_default=True).exists()
    for name, slug, order, keywords in DEFAULT_SECTIONS:
        if Section.objects.filter(name=name).exists() or Section.objects.filter(slug=slug).exists():
            continue
        Section.objects.create(
            name=name,
            slug=slug,
            order=order,
            keywords=keywords,
            is_default=name == DEFAULT_SECTION and not has_default,
        )


def remove_sections(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    slugs = [slug for _, slug, _, _ in DEFAULT_SECTIONS]
    Section.objects.filter(slug__in=slugs, articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_editorial_groups"),
    ]

    operations = [
        migrations.RunPython(add_sections, remove_sections),
    ]
