"""The importer scored on the development corpus, per source and overall (issue 18).

    .venv/bin/python bench/corpus_scores.py [--corpus DIR] [--verbose] [--check FLOORS.json]

Every page of ``tests/importers/corpus/<source>/`` with a gold ``.json`` beside its ``.txt`` goes
through the real ``import_pages --dry-run --format json`` (on a migrated in-memory database, the
sections editors start with) and the shared scorer ``../shared/tools/score_import.py``, exactly as
pages we have not seen are scored. Prints each page's figure with ``--verbose``, then the mean of
each measure per source and over all pages; the section accuracy of matched editorial items against
the gold's ``section`` (per rule that chose the section, per source, and the content rules alone on
the items whose page header named their section); the tag quality (share of tags that are not
dictionary words or known names, share used once, items with 3-8 tags, and the share used once when
the pages are imported one by one in date order, each preferring the tags in use); and the byline
corpus (``bylines/bylines.jsonl``: each byline set in a small page at its printed position, people F1
per position and overall).

``--check FLOORS.json`` exits 1 when a source's mean falls below its recorded floor, or the share of
tags that are not words rises above ``tags_not_words_max`` (``tests/importers/test_corpus_scores.py``
runs it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "importers" / "corpus"
SCORER = ROOT.parent / "shared" / "tools" / "score_import.py"
COVERAGE = ROOT.parent / "shared" / "tools" / "coverage.py"
MEASURES = ("items", "titles", "people", "levels", "body", "paragraphs", "coverage")
_COVERED = re.compile(r"lines accounted \d+/\d+ \(([\d.]+)\)")
_FIGURE = re.compile(
    r"items F1 (?P<items>[\d.]+), titles (?P<titles>[\d.]+), people F1 (?P<people>[\d.]+), "
    r"levels (?P<levels>[\d.]+), body (?P<body>[\d.]+), paragraphs F1 (?P<paragraphs>[\d.]+)"
)
EDITORIAL = {"news", "photo", "commentary", "sidebar"}


def setup_django() -> None:
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.pop("REDIS_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def dry_run(paths: list[Path]) -> list[dict]:
    from django.core.management import call_command

    out = StringIO()
    call_command("import_pages", *map(str, paths), dry_run=True, format="json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())["files"]


SEED_GOLD = ROOT.parent / "shared" / "gold"


def pages(corpus: Path) -> dict[str, list[tuple[Path, Path]]]:
    """(gold, page) per source folder, and the annotated seed pages as the source `seeds`."""
    found: dict[str, list[tuple[Path, Path]]] = defaultdict(list)
    for gold in sorted(SEED_GOLD.glob("*.json")):
        page = ROOT / "seeds" / f"{gold.stem}.txt"
        if page.exists():
            found["seeds"].append((gold, page))
    for gold in sorted(corpus.glob("*/*.json")):
        if gold.with_suffix(".txt").exists():
            found[gold.parent.name].append((gold, gold.with_suffix(".txt")))
    return dict(found)


def score(gold: Path, page: Path, pred: dict, verbose: bool) -> dict[str, float]:
    """The shared scorer's figures for one page, and the shared coverage check's share of lines."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump({"files": [pred]}, handle, ensure_ascii=False)
    try:
        run = subprocess.run(
            [sys.executable, str(SCORER), str(gold), handle.name, *(["--verbose"] if verbose else [])],
            capture_output=True,
            text=True,
        )
        covered = subprocess.run(
            [sys.executable, str(COVERAGE), str(page), handle.name], capture_output=True, text=True
        )
    finally:
        os.unlink(handle.name)
    if verbose:
        print(run.stdout.rstrip())
        if covered.returncode:
            print(covered.stdout.rstrip())
    match = _FIGURE.search(run.stdout.strip().splitlines()[-1])
    figures = {k: float(v) for k, v in match.groupdict().items()}
    figures["coverage"] = float(_COVERED.search(covered.stdout).group(1))
    return figures


def _norm(text: str) -> str:
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def _title(item: dict) -> str:
    return "".join(_norm(item.get(k, "")) for k in ("kicker", "headline", "subheadline"))


def matched_items(gold: dict, pred: dict) -> list[tuple[dict, dict]]:
    """Gold and predicted editorial items paired as the scorer pairs them (whole title, best first)."""
    import difflib

    g_items = [g for g in gold["items"] if g["kind"] in EDITORIAL]
    p_items = [p for p in pred["items"] if p.get("kind") in EDITORIAL]
    pairs = []
    for gi, g in enumerate(g_items):
        for pi, p in enumerate(p_items):
            ratio = difflib.SequenceMatcher(None, _title(g), _title(p), autojunk=False).ratio()
            if ratio >= 0.6:
                pairs.append((ratio, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((g_items[gi], p_items[pi]))
    return out


def section_figures(pairs: list[tuple[str, dict, dict, tuple[str, str]]], verbose: bool) -> tuple[int, int]:
    """Print the section accuracy of matched editorial items, per rule that chose the section
    (importers.parsing.sections.decide) and per source, and the content rules alone on the items
    whose page header named their section (the header hidden): how the classifier does on items
    its rules were not tuned on. Returns (right, total)."""
    from django.conf import settings

    from importers.parsing import sections
    from importers.runner import Importer

    keywords, default = Importer._section_keywords()
    area = sections.own_places(Importer._places(), settings.NEWSROOM_SITE_NAME)
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    blind = [0, 0]
    misses = []
    for source, gold, pred, (header, masthead) in pairs:
        title = " ".join(pred.get(k, "") for k in ("kicker", "headline", "subheadline"))
        # the item's text as the parser saw it: paragraphs first, then captions and subheads
        text = "\n".join([*pred["paragraphs"], *pred.get("captions", []), *pred.get("subheads", [])])
        got, rule = sections.decide(
            pred["kind"], title, text, header=header, masthead=masthead, area=area, keywords=keywords, default=default
        )
        if got != pred.get("section"):
            rule = "?"  # the import chose otherwise: counted, and named below
        right = gold["section"] == pred.get("section")
        for counts in (by_rule[rule], by_source[source]):
            counts[0] += right
            counts[1] += 1
        if rule == "header" and gold["section"] != "要闻":
            hidden = sections.assign(
                pred["kind"], title, text, header="", masthead=masthead, area=area, keywords=keywords, default=default
            )
            blind[0] += gold["section"] == hidden
            blind[1] += 1
        if not right:
            misses.append(
                f"  {source:<7} {rule:<10} gold {gold['section']} -> {pred.get('section') or '-'}  {_title(pred)}"
            )
    right, total = sum(c[0] for c in by_rule.values()), sum(c[1] for c in by_rule.values())
    if not total:
        return 0, 0
    print(f"\nsections: {right}/{total} = {right / total:.3f} of matched items right")
    print(
        "  by rule:   "
        + ", ".join(f"{rule} {c[0]}/{c[1]}" for rule, c in sorted(by_rule.items(), key=lambda kv: -kv[1][1]))
    )
    print("  by source: " + ", ".join(f"{source} {c[0]}/{c[1]}" for source, c in by_source.items()))
    if blind[1]:
        print(f"  header-decided items (not 要闻) classified with the header hidden: {blind[0]}/{blind[1]}")
    if verbose:
        print("\n".join(misses))
    return right, total


def tag_quality(preds: list[dict]) -> tuple[int, float, float, list[str], Counter[int]]:
    """(tags, share not a dictionary word or known name, share used once, examples of the former,
    editorial items by their number of tags)."""
    from importers.parsing.tagging import is_known_word

    items = [item for pred in preds for item in pred["items"] if item.get("kind") in EDITORIAL]
    tags = [tag for item in items for tag in item["tags"]]
    per_item = Counter(len(item["tags"]) for item in items)
    if not tags:
        return 0, 0.0, 0.0, [], per_item
    names = {p["name"] for pred in preds for item in pred["items"] for p in item["people"]}
    unknown = [t for t in tags if not is_known_word(t) and t not in names]
    counts = Counter(tags)
    once = sum(1 for t in counts if counts[t] == 1)
    return len(tags), len(unknown) / len(tags), once / len(counts), sorted(set(unknown))[:20], per_item


def used_once_imported(preds: list[dict]) -> tuple[int, float]:
    """Every page imported as a paper's site receives them: one file at a time, in the order of their
    issue dates, so that each import prefers the tags already in use. (distinct tags, share used once)."""
    from django.core.management import call_command
    from django.db.models import Count
    from taggit.models import Tag

    ordered = sorted(preds, key=lambda pred: (pred["issue_date"] or "", pred["path"]))
    for pred in ordered:
        call_command("import_pages", pred["path"], stdout=StringIO(), stderr=StringIO())
    uses = Tag.objects.annotate(uses=Count("taggit_taggeditem_items")).filter(uses__gt=0)
    counts = list(uses.values_list("uses", flat=True))
    return len(counts), (sum(1 for n in counts if n == 1) / len(counts) if counts else 0.0)


_BYLINE_PAGES = {
    # Each byline in a small page at its printed position; the rest of the page is plain text
    # that names nobody, so that the people found are the byline's.
    "lead": "测试新闻标题在这里\n\n{text}本市近日举行了一次活动，现场气氛热烈。\n\n活动吸引了不少市民参加。\n",
    "standalone": "测试新闻标题在这里\n\n{text}\n\n本市近日举行了一次活动，现场气氛热烈。\n\n活动吸引了不少市民参加。\n",
    "trailing": "测试新闻标题在这里\n\n本市近日举行了一次活动，现场气氛热烈。\n\n活动吸引了不少市民参加。\n\n{text}\n",
    "credit": "测试新闻标题在这里\n\n活动现场，市民们正在参观展览。{text}\n",
}


def byline_scores(path: Path, verbose: bool) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) of people per position."""
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, entry in enumerate(entries):
            page = Path(tmp) / f"byline_{n:04d}.txt"
            page.write_text(_BYLINE_PAGES[entry["position"]].format(text=entry["text"]), encoding="utf-8")
            files.append(page)
        preds = dry_run(files)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for entry, pred in zip(entries, preds, strict=True):
        want = {(_norm(p["name"]), p["role"]) for p in entry["people"]}
        got = {(_norm(p["name"]), p["role"]) for item in pred["items"] for p in item["people"]}
        # an editor's credit (`责任编辑:魏新民`) is page staff: counted where the page keeps it
        got |= {(_norm(p["name"]), p["role"]) for f in pred["furniture"] for p in f.get("people", [])}
        for key in (entry["position"], "all"):
            counts[key][0] += len(want & got)
            counts[key][1] += len(got - want)
            counts[key][2] += len(want - got)
        if verbose and want != got:
            print(
                f"BYLINE {entry['position']:<10} {entry['text']}  missing={sorted(want - got)} extra={sorted(got - want)}"
            )
    return {k: tuple(v) for k, v in counts.items()}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--check", type=Path, metavar="FLOORS.json", help="exit 1 below a recorded floor")
    parser.add_argument(
        "--raise-floors", type=Path, metavar="FLOORS.json", help="raise the recorded floors to today's figures"
    )
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"the shared scorer is missing: {SCORER}", file=sys.stderr)
        return 2
    setup_django()
    sources = pages(args.corpus)
    means: dict[str, dict[str, float]] = {}
    all_figures: list[dict[str, float]] = []
    section_pairs: list[tuple[str, dict, dict, tuple[str, str]]] = []
    all_preds = []
    for source, golds in sources.items():
        preds = dry_run([page for _, page in golds])
        all_preds += preds
        figures = []
        for (gold_path, page), pred in zip(golds, preds, strict=True):
            figure = score(gold_path, page, pred, args.verbose)
            figures.append(figure)
            if args.verbose:
                print()
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            section_pairs += [
                (source, g, p, (pred["page"]["name"], pred["page"].get("masthead", "")))
                for g, p in matched_items(gold, pred)
                if g.get("section")
            ]
        means[source] = {m: sum(f[m] for f in figures) / len(figures) for m in MEASURES}
        all_figures += figures
    print(f"{'source':<10} {'pages':>5} " + " ".join(f"{m:>10}" for m in MEASURES))
    for source, mean in means.items():
        print(f"{source:<10} {len(sources[source]):>5} " + " ".join(f"{mean[m]:>10.3f}" for m in MEASURES))
    if all_figures:
        overall = {m: sum(f[m] for f in all_figures) / len(all_figures) for m in MEASURES}
        print(f"{'all':<10} {len(all_figures):>5} " + " ".join(f"{overall[m]:>10.3f}" for m in MEASURES))
    section_hits, section_total = section_figures(section_pairs, args.verbose)
    tags, unknown_share, once_share, unknown, per_item = tag_quality(all_preds)
    if tags:
        print(
            f"tags: {tags} on editorial items; not a dictionary word or known name {unknown_share:.1%}; "
            f"used once {once_share:.1%} of distinct tags (each page parsed alone)"
        )
        in_range = sum(n for count, n in per_item.items() if 3 <= count <= 8)
        outside = ", ".join(f"{n} with {count}" for count, n in sorted(per_item.items()) if not 3 <= count <= 8)
        print(
            f"  3-8 tags on {in_range} of {sum(per_item.values())} editorial items"
            + (f" ({outside})" if outside else "")
        )
        distinct, imported_once = used_once_imported(all_preds)
        print(
            f"  imported page by page in date order (tags in use preferred): {distinct} distinct tags, "
            f"used once {imported_once:.1%}"
        )
        if args.verbose and unknown:
            print("  e.g. " + " ".join(unknown))
    byline_file = args.corpus / "bylines" / "bylines.jsonl"
    byline_f1 = None
    if byline_file.exists() and not byline_file.read_text(encoding="utf-8").strip():
        print(f"bylines: {byline_file} holds no byline; not scored")
    elif byline_file.exists():
        counts = byline_scores(byline_file, args.verbose)
        parts = [f"{k} {f1(*v):.3f} (n={v[0] + v[2]})" for k, v in sorted(counts.items()) if k != "all"]
        byline_f1 = f1(*counts["all"])
        print(f"bylines: people F1 {byline_f1:.3f} over {sum(counts['all'][::2])} people; " + ", ".join(parts))
    if args.raise_floors:
        raise_floors(args.raise_floors, means, byline_f1, section_hits / section_total if section_total else None)
    if args.check:
        sections = section_hits / section_total if section_total else None
        return check(json.loads(args.check.read_text(encoding="utf-8")), means, byline_f1, sections, unknown_share)
    return 0


def raise_floors(path: Path, means, byline_f1, sections) -> None:
    """Floors only go up: each becomes today's figure (rounded down to 0.01) where that is higher."""
    floors = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    down = lambda value: int(value * 100) / 100  # noqa: E731
    for source, mean in means.items():
        old = floors.setdefault("sources", {}).setdefault(source, {})
        for measure in ("items", "titles", "people", "body", "paragraphs", "coverage"):
            old[measure] = max(old.get(measure, 0.0), down(mean[measure]))
    if byline_f1 is not None:
        floors["bylines"] = max(floors.get("bylines", 0.0), down(byline_f1))
    if sections is not None:
        floors["sections"] = max(floors.get("sections", 0.0), down(sections))
    path.write_text(json.dumps(floors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def check(
    floors: dict,
    means: dict[str, dict[str, float]],
    byline_f1: float | None,
    sections: float | None,
    tags_not_words: float = 0.0,
) -> int:
    failed = []
    for source, floor in floors.get("sources", {}).items():
        if source not in means:
            failed.append(f"{source}: no pages")
            continue
        for measure, value in floor.items():
            if means[source][measure] + 1e-9 < value:
                failed.append(f"{source} {measure} {means[source][measure]:.3f} < floor {value:.3f}")
    if "sections" in floors and (sections is None or sections + 1e-9 < floors["sections"]):
        failed.append(f"sections {sections} < floor {floors['sections']}")
    if "bylines" in floors and (byline_f1 is None or byline_f1 + 1e-9 < floors["bylines"]):
        failed.append(f"bylines people F1 {byline_f1} < floor {floors['bylines']}")
    if tags_not_words > floors.get("tags_not_words_max", 1.0) + 1e-9:
        failed.append(f"tags not dictionary words {tags_not_words:.3f} > {floors['tags_not_words_max']}")
    for line in failed:
        print("BELOW FLOOR: " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
