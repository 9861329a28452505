"""How long parsing and tagging one page takes (issue 3: well under 50 ms for 10,000 characters).

    .venv/bin/python bench/parse_page.py [--repeat N]

Builds a 10,000-character page from the seed pages (real text, real damage),
parses it N times in this process after one warm-up (which pays the one-off
load of jieba's IDF table, reported separately), and prints the figures.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from importers.parsing import parse_page  # noqa: E402
from importers.parsing.tagging import _idf  # noqa: E402

TARGET_CHARS = 10_000


def ten_thousand_characters() -> str:
    text = ""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text += path.read_text(encoding="utf-8") + "\n\n"
        if len(text) >= TARGET_CHARS:
            break
    return text[:TARGET_CHARS].rsplit("\n", 1)[0] + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    page = ten_thousand_characters().encode("utf-8")
    started = time.perf_counter()
    _idf()
    load = time.perf_counter() - started
    parse_page(page, source="bench.txt")
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        parsed = parse_page(page, source="bench.txt")
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(f"page: {len(page.decode('utf-8')):,} characters, {len(parsed.items)} items")
    print(f"one-off IDF table load: {load * 1000:.0f} ms per process")
    print(
        f"parse + tag: median {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms, best {timings[0]:.1f} ms over {args.repeat} runs"
    )


if __name__ == "__main__":
    main()
