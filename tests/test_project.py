"""Project-wide health: system checks pass and every model change has its migration."""

import io

import pytest
from django.core.management import call_command


def test_system_checks_pass():
    call_command("check", fail_level="WARNING", stdout=io.StringIO())


@pytest.mark.django_db
def test_no_missing_migrations():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # raises SystemExit(1) when one is missing


def test_seeds_are_the_shared_seeds():
    """seeds/ holds the five seed dumps, byte-identical to ../shared/seeds/ when that is present."""
    from tests.conftest import PROJECT_DIR, SEED_FILES

    assert len(SEED_FILES) == 5
    shared = PROJECT_DIR.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for seed in SEED_FILES:
        assert seed.read_bytes() == (shared / seed.name).read_bytes(), seed.name
