"""clean.prepare: a Source becomes a Document, or an InputError naming the input and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.clean import prepare
from diplograph.errors import InputError
from diplograph.model import Source, doc_id_for
from diplograph.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def fixture_source(name: str, **meta) -> Source:
    path = FIXTURES / name
    return Source(name=str(path), content=path.read_bytes(), **meta)


def refusal(source: Source, settings) -> str:
    with pytest.raises(InputError) as info:
        prepare(source, settings)
    message = str(info.value)
    assert "\n" not in message
    assert info.value.input == source.name and message.startswith(source.name + ": ")
    return info.value.problem


def test_html_page_yields_article_text_and_metadata(settings):
    document = prepare(fixture_source("article.html"), settings)
    assert document.text.startswith("NEW YORK (WNT) — Colombian President Gustavo Petro told the United Nations")
    assert document.text.endswith("a cornerstone of cooperation between the two countries for three decades.")
    assert "\"The war on drugs has failed,\" Petro said" in document.text
    for chrome in ("Subscribe", "We use cookies", "Related stories", "Great speech", "All rights reserved",
                   "Advertisement"):
        assert chrome not in document.text
    assert "\n\n" in document.text  # paragraphs stay apart
    assert document.title == "Petro tells UN the war on drugs has failed"
    assert document.outlet == "World News Today"
    assert document.author == "Maria Lopez"
    assert document.published == "2022-09-20"
    assert document.url == "https://worldnewstoday.example/americas/2022/09/20/petro-un-war-on-drugs"
    assert document.language == "en"
    assert document.doc_id == doc_id_for(document.text)
    assert document.source == str(FIXTURES / "article.html")


def test_html_given_as_text_is_sniffed(settings):
    html = (FIXTURES / "article.html").read_text("utf-8")
    document = prepare(Source(name="<text>", content=html), settings)
    assert document.title == "Petro tells UN the war on drugs has failed"


def test_seed_text_document(seed_text, settings):
    document = prepare(Source(name="seed_article.txt", content=seed_text.encode("utf-8"),
                              published="2022-09-21", doc_id="seed-1"), settings)
    assert document.doc_id == "seed-1"
    assert document.author == "Juan Pablo Elverdin, Richard Roth, Sam Fossum"
    assert document.outlet == "CNN en Español"
    assert document.title.startswith("Putin says that")
    assert "Back to top button" not in document.text
    assert document.published == "2022-09-21"


def test_caller_metadata_wins(seed_text, settings):
    document = prepare(Source(name="x", content=seed_text, outlet="CNN", title="Putin and Colombia",
                              url="https://cnnespanol.cnn.com/x"), settings)
    assert (document.outlet, document.title, document.url) == ("CNN", "Putin and Colombia", "https://cnnespanol.cnn.com/x")


def test_latin1_text_is_decoded(settings):
    document = prepare(fixture_source("latin1.txt"), settings)
    assert document.text.startswith("BOGOTÁ, Sept 26 (Reuters) - Colombia and Venezuela reopened")
    assert "Simón Bolívar bridge between Cúcuta" in document.text
    assert document.outlet == "Reuters"
    assert document.author == "Luis Jaime Acosta, Mayela Armas"


@pytest.mark.parametrize(
    ("published", "iso"),
    [("Wed, 21 Sep 2022 08:30:00 -0400", "2022-09-21"), ("2022-09-21T23:30:00-05:00", "2022-09-21"),
     ("September 21, 2022", "2022-09-21"), ("2022-09-21", "2022-09-21")],
)
def test_publication_dates_are_normalised(published, iso, seed_text, settings):
    assert prepare(Source(name="seed", content=seed_text, published=published), settings).published == iso


def test_unparseable_publication_date(seed_text, settings):
    problem = refusal(Source(name="seed", content=seed_text, published="last Tuesday-ish"), settings)
    assert "publication date 'last Tuesday-ish' is not a date" in problem


def test_empty_input(settings):
    assert refusal(Source(name="blank.txt", content=b"  \n\n "), settings) == "empty input"
    assert refusal(Source(name="blank2.txt", content=""), settings) == "empty input"


def test_pdf(settings):
    assert refusal(fixture_source("report.pdf"), settings) == "a PDF file, not text or HTML"


def test_binary(settings):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert refusal(Source(name="photo.png", content=png), settings) == "a PNG image, not text or HTML"
    blob = bytes(range(256)) * 16
    assert refusal(Source(name="blob.bin", content=blob), settings) == "binary content, not text or HTML"


def test_undetectable_encoding(settings):
    noise = bytes((i * 131 + 7) % 128 + 128 for i in range(3000))  # high bytes only, no text in any code page
    problem = refusal(Source(name="noise.txt", content=b"Putin said " + noise), settings)
    assert problem == "not UTF-8 and the encoding could not be detected"


def test_html_page_without_article(settings):
    problem = refusal(fixture_source("no_article.html"), settings)
    assert problem.startswith("no article found in the HTML page")
    assert "min_text_chars = 80" in problem


def test_article_in_another_language_is_kept_with_its_language(settings):
    document = prepare(fixture_source("spanish.txt", published="2022-09-20"), settings)
    assert document.language == "es"
    assert document.text.startswith("El presidente de Colombia, Gustavo Petro, dijo este martes")
    assert document.published == "2022-09-20"
    assert prepare(fixture_source("german.txt"), settings).language == "de"
    assert prepare(fixture_source("article.html"), settings).language == "en"


def test_only_furniture(settings):
    problem = refusal(Source(name="chrome.txt", content="Advertisement\n\nShare this article\n\nBack to top"), settings)
    assert problem == "no article text, only site furniture"


def test_html_in_windows_1252_with_declared_charset(settings):
    page = (FIXTURES / "article.html").read_text("utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("Colombian President Gustavo Petro", "Colombian President Gustavo Petro, in Bogotá’s name,")
    document = prepare(Source(name="cp1252.html", content=page.encode("cp1252")), settings)
    assert "Gustavo Petro, in Bogotá’s name, told" in document.text


def test_feed_kind_reaching_clean_is_refused(settings):
    assert refusal(Source(name="odd", content="Putin met Xi.", kind="pdf"), settings) == (
        "unknown document kind 'pdf' (expected html or text)")


def test_item_html_with_a_broken_link(seed_text, settings):
    # a feed item's full content, with its link as a broken feed wrote it
    url = "https://worldnewstod[ay.example/world/2022/09/21/putin-colombia-partner"
    html = "".join(f"<p>{paragraph}</p>" for paragraph in seed_text.split("\n\n")[1:6])
    document = prepare(Source(name=url, content=html, kind="html", url=url), settings)
    assert document.text.startswith("(CNN Spanish) — Russian President Vladimir Putin said that Colombia")
    assert document.url == url
