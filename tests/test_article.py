"""Reading, normalising and splitting articles."""

import datetime as dt

import pytest

from helpers.text.article import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    load_article,
    normalise,
    parse_article,
)


def test_seed_date_and_paragraphs(seed):
    assert seed.published == dt.date(2025, 8, 12)
    kinds = [p.kind for p in seed.paragraphs]
    assert kinds.count("heading") == 3
    assert len(seed.paragraphs) == 11
    assert seed.text[seed.paragraphs[0].start :].startswith("Le gouvernement américain")


def test_normalise_bom_crlf_nfc():
    decomposed = "e\u0301"  # e + combining acute
    assert normalise("\ufeffa\r\nb\rc " + decomposed) == "a\nb\nc \u00e9"


def test_offsets_survive_crlf_and_bom():
    art = parse_article("\ufeffdate 2025-01-02\r\nTitre court\r\n\r\nUne phrase. Une autre.\r\n")
    assert [a.kind for a in art.paragraphs] == ["heading", "body"]
    body = art.paragraphs[1]
    assert art.text[body.start : body.end] == "Une phrase. Une autre."


def test_question_and_unpunctuated_lines_are_headings():
    art = parse_article("Un titre sans point\n\nPourquoi pas ?\n\nUne phrase complète.", published="2025-01-01")
    assert [p.kind for p in art.paragraphs] == ["heading", "heading", "body"]


def test_date_option_overrides_marker():
    art = parse_article("date 2025-08-12 Texte.", published="2024-01-01")
    assert art.published == dt.date(2024, 1, 1)


def test_markup_is_kept_as_text():
    art = parse_article("<script>alert(1)</script> est un texte.", published="2025-01-01")
    assert art.text.startswith("<script>")


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty or blank"),
        (b"  \n\n \t\n", "empty or blank"),
        (b"\xff\xfe\x00\x01binary", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"Un texte sans date.", "no publication date"),
        (b"date 2025-13-01 Texte.", "invalid date"),
        (b"date 12/08/2025 Texte.", "invalid date"),
        (b"date 2025-08-12", "no text"),
    ],
)
def test_bad_files_name_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert problem in str(err.value)
    assert str(path) in str(err.value)


def test_missing_directory_and_oversize(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"date 2025-01-01 " + b"a" * MAX_ARTICLE_BYTES)
    with pytest.raises(ArticleError, match="over the"):
        load_article(big)
