"""One vocabulary (articles/vocabulary.py): the models' choices, the body format and the parser read it."""

import subprocess
import sys

from articles import body, vocabulary
from articles.models import Article, PageCredit, Role
from importers.parsing import lexicon, segment
from importers.parsing.model import ParsedItem


def test_the_models_choices_are_the_vocabulary():
    assert Role.choices == list(vocabulary.ROLES.items())
    assert Article.Kind.choices == list(vocabulary.KINDS.items())
    assert PageCredit._meta.get_field("role").choices == list(vocabulary.ROLES.items())
    assert (Role.PHOTOGRAPHER, Role.PHOTOGRAPHER.label) == ("photographer", "摄影")
    assert Article(kind=Article.Kind.PSA).print_label == "公益广告"
    assert not Article(kind=Article.Kind.NOTICE).is_editorial


def test_the_parser_and_the_body_format_name_the_same_things():
    assert (lexicon.REPORTER, lexicon.ART_EDITOR) == (Role.REPORTER, Role.ART_EDITOR)
    assert {segment.NEWS, segment.PHOTO, segment.ADVERTISEMENT} <= set(Article.Kind.values)
    blocks = body.parse_body("导语。\n\n## 小标题\n\n> 图片说明")
    assert [block.kind for block in blocks] == [vocabulary.PARAGRAPH, vocabulary.SUBHEAD, vocabulary.CAPTION]
    item = ParsedItem(kind=vocabulary.PHOTO, headline="图", blocks=tuple(blocks))
    assert item.paragraphs == ["导语。", "小标题", "图片说明"]


def test_the_vocabulary_and_the_parser_import_no_django():
    code = (
        "import sys, articles.vocabulary, importers.parsing; print(any(m.startswith('django') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
