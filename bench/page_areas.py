"""How well, and how fast, articles are placed on printed pages (issue 21).

Sets every seed page and every page of the development corpus as a newspaper page in a PDF
(tests/page_pdfs.py: six columns, a lead with a large headline and a photo box, photo news with their
pictures, rules and page furniture), then for each page: renders it as the upload does (pypdfium2,
1,800 px), reads its text positions (pdfplumber) and places its articles (importers.parsing.page_areas).
Each placed area is compared with the module the article was set in:

- overlap: intersection over union of the area and the true box;
- covered: the share of the true box inside the area; own: the share of the area inside the true box.

Prints the counts, mean and minimum of each, the articles under 0.8, and the time per page of each step.
Nothing is stored. ``--pages N`` stops after N pages.

    flock /tmp/bench.lock .venv/bin/python bench/page_areas.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from importers.parsing.page_areas import place_articles, read_pdf  # noqa: E402
from tests.page_pdfs import CORPUS, SEEDS, page_from_dump  # noqa: E402

RENDER_WIDTH = 1800  # articles.page_files.RENDER_WIDTH, without importing Django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=0, help="stop after this many pages (0: all)")
    args = parser.parse_args()
    import pypdfium2

    paths = SEEDS + CORPUS
    if args.pages:
        paths = paths[: args.pages]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    timings = {"set": [], "render": [], "read": [], "place": []}
    rows, articles, placed = [], 0, 0
    for path in paths:
        started = time.perf_counter()
        page = page_from_dump(path)
        timings["set"].append(time.perf_counter() - started)
        started = time.perf_counter()
        document = pypdfium2.PdfDocument(page.pdf)
        first = document[0]
        first.render(scale=RENDER_WIDTH / first.get_size()[0]).to_pil().convert("RGB")
        document.close()
        timings["render"].append(time.perf_counter() - started)
        started = time.perf_counter()
        layout = read_pdf(page.pdf)
        timings["read"].append(time.perf_counter() - started)
        started = time.perf_counter()
        found = place_articles(layout, [item.text for item in page.items], furniture=[page.page_name])
        timings["place"].append(time.perf_counter() - started)
        articles += len(page.items)
        for item in page.items:
            truth = item.box.scaled(page.width, page.height)
            area = found.get(item.text.key)
            if area is None:
                rows.append((path.name, item.kind, item.text.headline, 0.0, 0.0, 0.0))
                continue
            placed += 1
            shared = area.box.intersection(truth)
            rows.append(
                (
                    path.name,
                    item.kind,
                    item.text.headline,
                    area.box.overlap(truth),
                    shared / truth.area,
                    shared / area.box.area if area.box.area else 0.0,
                )
            )
    print(f"pages {len(paths)}, articles {articles}, placed {placed} ({placed / articles:.1%})")
    for column, name in ((3, "overlap (IoU)"), (4, "covered"), (5, "own")):
        values = [row[column] for row in rows]
        under = sum(value < 0.8 for value in values)
        print(f"{name:>14}: mean {statistics.fmean(values):.3f}  min {min(values):.3f}  under 0.8: {under}")
    for row in rows:
        if min(row[3:]) < 0.8:
            print(
                f"  under 0.8: {row[0]} {row[1]} {row[2][:24]}  IoU {row[3]:.3f} covered {row[4]:.3f} own {row[5]:.3f}"
            )
    for step, seconds in timings.items():
        print(
            f"{step:>6} a page: median {statistics.median(seconds) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms"
            + ("  (tests/page_pdfs.py; the first registers the font)" if step == "set" else "")
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
