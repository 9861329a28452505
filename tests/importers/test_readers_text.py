"""An import stores titles and text as readers get them; a dry run reports them as printed."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from importers.models import RawSource

SEED = Path(__file__).resolve().parents[2] / "seeds" / "003_e722be8e290ff127.txt"
PRINTED = "聂方红主持召开市政协党组(扩大)会议 暨十届十七次主席会议 协商审议2023年度 督办重点提案安排等"


@pytest.mark.django_db
def test_stored_for_readers_dry_run_as_printed():
    out = StringIO()
    call_command("import_pages", str(SEED), dry_run=True, format="json", stdout=out)
    headlines = [item["headline"] for item in json.loads(out.getvalue())["files"][0]["items"]]
    assert PRINTED in headlines

    call_command("import_pages", str(SEED), stdout=StringIO())
    article = Article.objects.get(headline__startswith="聂方红")
    assert (
        article.headline
        == "聂方红主持召开市政协党组（扩大）会议暨十届十七次主席会议协商审议2023年度督办重点提案安排等"
    )
    assert "2月28日，市政协党组（扩大）会议" in article.body
    assert "," not in article.body.replace("1,", "")  # no half-width comma left in Chinese text
    # the raw page is kept as printed
    assert PRINTED.encode() in bytes(RawSource.objects.get().raw)


_HALF_WIDTH_BESIDE_HAN = re.compile(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]")


@pytest.mark.django_db
def test_a_readers_article_page_prints_chinese_marks_around_the_text_too(client):
    # the seeds' bodies were full-width, but the page around them said `标签:` and `(下转02版)`
    call_command("import_pages", str(SEED.parent / "001_d2a89e1a3a1b2016.txt"), publish=True, stdout=StringIO())
    article = Article.objects.get(headline="金融“组合拳”纾困小微企业")  # ends `▶ 下转 02版`
    html = client.get(article.get_absolute_url()).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    text = re.sub(r"<[^>]+>", "\n", main)
    assert "标签：" in text and "（下转02版）" in text
    assert not _HALF_WIDTH_BESIDE_HAN.findall(text), _HALF_WIDTH_BESIDE_HAN.findall(text)
