"""The dry-run JSON of `import_pages`: pipelines rely on these names, so they do not change."""

from __future__ import annotations

from importers.parsing import ParsedItem, ParsedPage


def _people(people) -> list[dict]:
    return [{"name": p.name, "role": p.role} for p in people]


def item_to_dict(item: ParsedItem) -> dict:
    """The title as printed; an untitled item's suggested headline apart, under `suggested_headline`."""
    return {
        "kind": item.kind,
        "kicker": item.kicker,
        "headline": item.headline if item.headline_printed else "",
        **({} if item.headline_printed else {"suggested_headline": item.headline}),
        "subheadline": item.subheadline,
        "series": item.series,
        "dateline": item.dateline,
        "bylines": list(item.bylines),
        "people": _people(item.people),
        "paragraphs": item.paragraphs,
        "subheads": item.subheads,
        "captions": item.captions,
        "continued_to": item.continued_to,
        "continued_from": item.continued_from,
        "duplicates_dropped": item.duplicates_dropped,
        "parent_headline": item.parent_headline,
        "section": item.section,
        "tags": list(item.tags),
        "warnings": list(item.warnings),
        "lines": list(item.lines),
    }


def page_to_dict(page: ParsedPage, path: str) -> dict:
    return {
        "path": path,
        "encoding": page.encoding,
        "sha256": page.sha256,
        "issue_date": page.issue_date.isoformat() if page.issue_date else None,
        "issue_date_source": page.issue_date_source,
        "page": {
            "label": page.page.label,
            "number": page.page.number,
            "name": page.page.name,
            "masthead": page.page.masthead,
            "staff": _people(page.page.staff),
        },
        "furniture": [
            {"kind": f.kind, "text": f.text, **({"people": _people(f.people)} if f.people else {})}
            | ({"continued_to": f.continued_to} if f.continued_to else {})
            for f in page.furniture
        ],
        "unassigned": list(page.unassigned),
        "warnings": list(page.warnings),
        "items": [item_to_dict(item) for item in page.items],
    }
