"""The importer on the development corpus (tests/importers/corpus): no paper's mean score, the
section accuracy or the byline corpus' people F1 may fall below the floor recorded in floors.json.

Runs bench/corpus_scores.py, which scores every page the way pages we have not seen are scored:
the real dry-run command and the shared scorer."""

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SCORER = PROJECT.parent / "shared" / "tools" / "score_import.py"
FLOORS = PROJECT / "tests" / "importers" / "corpus" / "floors.json"


def _corpus_scores(*args):
    return subprocess.run(
        [sys.executable, PROJECT / "bench" / "corpus_scores.py", *args], capture_output=True, text=True, cwd=PROJECT
    )


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools is not beside the project")
def test_no_source_falls_below_its_floor():
    run = _corpus_scores("--check", FLOORS)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "BELOW FLOOR" not in run.stdout


def test_the_check_fails_when_tags_that_are_not_words_pass_their_limit(capsys):
    sys.path.insert(0, str(PROJECT / "bench"))
    try:
        import corpus_scores
    finally:
        sys.path.remove(str(PROJECT / "bench"))
    floors = {"tags_not_words_max": 0.02}
    assert corpus_scores.check(floors, {}, None, None, tags_not_words=0.019) == 0
    assert corpus_scores.check(floors, {}, None, None, tags_not_words=0.021) == 1
    assert "tags not dictionary words 0.021 > 0.02" in capsys.readouterr().out


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools is not beside the project")
def test_an_empty_byline_file_is_said_so_not_a_crash(tmp_path):
    # a blind round's helper scores only its new lines: with none, the pages are scored and the bylines skipped
    (tmp_path / "bylines").mkdir()
    (tmp_path / "bylines" / "bylines.jsonl").write_text("", encoding="utf-8")
    run = _corpus_scores("--corpus", tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "holds no byline; not scored" in run.stdout
    assert "seeds" in run.stdout
