from pathlib import Path

from importers.parsing import parse_page
from importers.parsing.tagging import extract_tags, find_places

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_a19f70ba52195d0f.txt"


def test_tags_are_topic_words_not_numbers_names_or_staff():
    page = parse_page(SEED.read_bytes(), source=SEED.name)
    for item in page.items:
        staff = {p.name for p in item.people}
        for tag in item.tags:
            assert not any(ch.isdigit() for ch in tag), tag
            assert tag not in staff
            assert len(tag) >= 2


def test_known_story_gets_its_topics():
    page = parse_page(SEED.read_bytes(), source=SEED.name)
    mediation = page.items[0]
    assert {"人民调解", "商会"} <= set(mediation.tags)


def test_places_from_the_gazetteer_longest_first():
    assert find_places("天元区雷打石镇老街社区,天元区") == ["天元区", "雷打石镇"]


def test_excluded_names_never_become_tags():
    tags = extract_tags("商会成立", "记者杨胜跃参加商会成立仪式,商会会员120多家。", exclude={"杨胜跃"})
    assert "杨胜跃" not in tags
    assert "商会" in tags
