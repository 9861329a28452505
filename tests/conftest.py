"""Fixtures shared by the whole suite."""

from pathlib import Path

import pytest

from tests import factories

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture
def seed_files() -> list[Path]:
    return SEED_FILES


@pytest.fixture
def section(db):
    return factories.SectionFactory(name="要闻", slug="yaowen", is_default=False)


@pytest.fixture
def default_section(db):
    """The section the importer falls back to (the data migration ships one; reuse it)."""
    from articles.models import Section

    existing = Section.objects.filter(is_default=True).first()
    return existing or factories.SectionFactory(name="综合", slug="zonghe", is_default=True)


@pytest.fixture
def published_article(db):
    return factories.ArticleFactory(published=True)


@pytest.fixture
def draft_article(db):
    return factories.ArticleFactory(draft=True)
