"""Home, article, search and e-paper pages at phone and desktop widths, with screenshots in artifacts/."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Role
from tests import factories
from tests.articles.public_data import story
from tests.browser.conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEAD = (
    "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳) 1月22日,我市商协会人民调解组织开展集中成立授牌仪式和业务培训。"
    "副市长、市工商联主席杨胜跃参加并讲话。"
)
BODY = "\n\n".join(
    [
        LEAD,
        "2020年11月,市工商联首批商协会调解组织挂牌成立。本次授牌是市工商联继2020年之后,第二次开展的集中授牌。"
        "至此,全市共有20家商协会、民营企业成立人民调解委员会,累计调解各类矛盾纠纷1200余起,涉及金额5000余万元。",
        "## 打造商会调解品牌",
        "杨胜跃指出,推动商协会人民调解组织的成立、开展集中培训,这是我市服务保障民营经济健康发展,"
        "构建民营经济领域共建共治共享治理格局的重要举措。",
        "> 授牌仪式现场。 全媒体记者/成姣兰 摄",
        "各商协会、民营企业要创新工作思路,积极打造商会调解品牌;要凝聚多方合力,护航商协会调解行稳致远。",
    ]
)


@pytest.fixture
def paper():
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    front = factories.PageFactory(issue=issue, number=1, label="01版", name="要闻")
    city = factories.PageFactory(issue=issue, number=3, label="03版", name="综合·城区")
    reporter = factories.PersonFactory(name="成姣兰", slug="chengjiaolan")
    correspondent = factories.PersonFactory(name="王海艳", slug="wanghaiyan")
    economy = factories.SectionFactory(name="经济", slug="jingji", order=1)
    city_news = factories.SectionFactory(name="城区", slug="chengqu", order=2)
    now = timezone.now()
    lead = story(
        kicker="服务民营经济健康发展",
        headline="全市商协会人民调解组织集中成立授牌",
        subheadline="累计调解各类矛盾纠纷1200余起",
        body=BODY,
        page=front,
        position=1,
        section=economy,
        people=[(reporter, Role.REPORTER), (correspondent, Role.CORRESPONDENT), (reporter, Role.PHOTOGRAPHER)],
        tags=["商会", "调解", "民营经济"],
        published_at=now - datetime.timedelta(hours=2),
    )
    story(
        headline="株洲市湖北商会成立",
        body="株洲日报讯(全媒体记者/邹家虎) 1月19日,株洲市湖北商会成立庆典暨2024年迎新联谊会举行。",
        page=front,
        position=2,
        section=economy,
        people=[(factories.PersonFactory(name="邹家虎", slug="zoujiahu"), Role.REPORTER)],
        tags=["商会"],
        published_at=now - datetime.timedelta(hours=3),
    )
    for n, headline in enumerate(["芦淞区开展春节前安全生产大检查", "石峰区新增三处口袋公园", "天元区举办迎春书法展"]):
        story(
            headline=headline,
            body="株洲日报讯 记者从区里获悉,相关工作正有序推进。\n\n群众纷纷点赞。",
            page=city,
            position=n + 1,
            section=city_news,
            people=[(reporter, Role.REPORTER)],
            published_at=now - datetime.timedelta(hours=4 + n),
        )
    return {"lead": lead, "issue": issue, "page": city}


def visit(browser, live_server, screenshot, path, name):
    shots = []
    for width, height in WIDTHS.values():
        page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == "zh-CN"
        # Nothing wider than the screen: readable without sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} overflows at {width}px"
        shots.append(screenshot(page, f"{name}-{width}"))
        page.close()
    return shots


def test_home(browser, live_server, screenshot, paper):
    for path in visit(browser, live_server, screenshot, "/", "home"):
        assert path.stat().st_size > 0


def test_article(browser, live_server, screenshot, paper):
    visit(browser, live_server, screenshot, paper["lead"].get_absolute_url(), "article")
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(live_server.url + paper["lead"].get_absolute_url())
    assert page.locator("h1").inner_text() == "全市商协会人民调解组织集中成立授牌"
    assert "2024年1月23日 第1版 要闻" in page.locator(".story-head .meta").inner_text()
    line_height = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.story-body p')).lineHeight)"
        " / parseFloat(getComputedStyle(document.querySelector('.story-body p')).fontSize)"
    )
    assert 1.6 <= line_height <= 2.0
    page.close()


def test_search(browser, live_server, screenshot, paper):
    visit(browser, live_server, screenshot, "/search/?q=民营经济", "search")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.fill("#site-q", "调解")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(".results mark").first.inner_text() == "调解"
    page.close()


def test_epaper(browser, live_server, screenshot, paper):
    visit(browser, live_server, screenshot, "/epaper/", "epaper")
    visit(browser, live_server, screenshot, paper["issue"].get_absolute_url(), "epaper-issue")
    visit(browser, live_server, screenshot, paper["page"].get_absolute_url(), "epaper-page")


def test_not_found(browser, live_server, screenshot, paper):
    page = browser.new_page(viewport={"width": 375, "height": 812})
    response = page.goto(live_server.url + "/articles/2024/01/23/999999/")
    assert response.status == 404
    assert "页面不存在" in page.content()
    screenshot(page, "404-375")
    page.close()
