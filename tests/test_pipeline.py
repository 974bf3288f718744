"""The whole path on real text: the seed article and a batch with a bad document in it."""

import pytest

import diplograph
from diplograph.errors import InputError
from diplograph.model import Document, Failure, Source
from diplograph.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return diplograph.Pipeline()


@pytest.fixture(scope="module")
def seed_doc(pipeline, seed_text):
    return pipeline.extract(seed_text, published="2022-09-21", name="seed_article.txt")


def _codes(doc, cameo_root=None):
    return {(e.source.code if e.source else None, e.root, e.target.code if e.target else None)
            for e in doc.events if cameo_root is None or e.root == cameo_root}


def test_seed_text_is_clean_and_offsets_point_into_it(seed_doc):
    assert "Leave a Reply" not in seed_doc.text and "Back to top button" not in seed_doc.text
    assert "Juan Pablo Elverdin" not in seed_doc.text
    for event in seed_doc.events:
        assert seed_doc.text[event.trigger.start:event.trigger.end] == event.trigger.text
        for ref in (event.source, event.target):
            if ref:
                assert seed_doc.text[ref.start:ref.end] == ref.text
        start, end = seed_doc.sentences[event.sentence]
        assert start <= event.trigger.start < end
    for quote in seed_doc.quotes:
        assert seed_doc.text[quote.start:quote.end] == quote.text


def test_seed_events(seed_doc):
    pairs = {(s and s[:3], r, t and t[:3]) for s, r, t in _codes(seed_doc)}
    assert ("RUS", "05", "COL") in pairs          # Putin praises Colombia
    assert ("RUS", "11", "USA") in pairs          # Putin accuses the US
    assert ("COL", "02", "UKR") in pairs and ("COL", "02", "RUS") in pairs   # Petro calls for peace
    assert any(s and s.startswith("USA") and r == "07" and t == "COL" for s, r, t in _codes(seed_doc))


def test_module_level_extract_returns_a_document():
    doc = diplograph.extract("Israeli troops attacked Hamas positions in Gaza on Monday.",
                             published="2023-11-08")
    assert isinstance(doc, Document)
    assert any(e.root in {"18", "19"} for e in doc.events)


def test_batch_goes_on_past_a_bad_document(pipeline, seed_text):
    items = [Source("empty.txt", b""), Source("seed.txt", seed_text.encode(), published="2022-09-21"),
             Failure("missing.txt", "no such file or directory")]
    results = list(pipeline.run(items))
    assert [type(r) for r in results] == [Failure, Document, Failure]
    assert results[0].input == "empty.txt" and "empty" in results[0].problem


def test_extract_raises_input_error_for_bad_text(pipeline):
    with pytest.raises(InputError):
        pipeline.extract("   ")


def test_worker_processes_give_the_same_records_in_input_order(pipeline, seed_text):
    from diplograph.settings import load_settings

    items = [Source("seed.txt", seed_text, published="2022-09-21"), Source("empty.txt", b""),
             Source("wire.txt", "Israeli troops attacked Hamas positions in Gaza on Monday.", published="2023-11-08"),
             Source("talks.txt", "Chinese Foreign Minister Wang Yi met Sergei Lavrov in Beijing on Tuesday.",
                    published="2023-04-04")]
    serial = list(Pipeline(load_settings().with_overrides(workers=1), nlp=pipeline.nlp).run(items))
    parallel = list(Pipeline(load_settings().with_overrides(batch_size=1, workers=2), nlp=pipeline.nlp).run(items))
    assert [type(r) for r in parallel] == [Document, Failure, Document, Document]
    assert [r.to_record() if isinstance(r, Document) else r for r in parallel] == \
        [r.to_record() if isinstance(r, Document) else r for r in serial]


def test_article_in_another_language_is_kept_without_running_the_english_model():
    spanish = ("El presidente de Colombia, Gustavo Petro, dijo este martes ante la Asamblea General de las "
               "Naciones Unidas que la guerra contra las drogas ha fracasado y pidió a la comunidad "
               "internacional un cambio de enfoque. Petro afirmó que la prohibición ha llenado de violencia "
               "las selvas del país sin reducir el consumo en Estados Unidos y Europa.")
    # Any call into this "model" fails, so a Document back means the English components never ran.
    pipeline = Pipeline(nlp=object())
    (result,) = pipeline.run([Source(name="petro.txt", content=spanish, published="2022-09-20")])
    assert isinstance(result, Document), result
    assert result.language == "es" and result.published == "2022-09-20"
    assert result.text.startswith("El presidente de Colombia")
    assert result.events == result.actors == result.quotes == []
    assert result.notes == ["language is es: no events coded"]


def test_a_batch_codes_its_english_articles_beside_one_in_another_language(pipeline, seed_text):
    spanish = ("El presidente de Colombia, Gustavo Petro, dijo este martes ante la Asamblea General de las "
               "Naciones Unidas que la guerra contra las drogas ha fracasado y pidió a la comunidad "
               "internacional un cambio de enfoque.")
    results = list(pipeline.run([Source(name="es.txt", content=spanish),
                                 Source(name="seed.txt", content=seed_text, published="2022-09-21")]))
    assert [r.language for r in results] == ["es", "en"]
    assert not results[0].events and results[1].events and not results[1].notes


def test_warm_up_codes_the_sample_once_and_reads_the_gazetteer(pipeline, monkeypatch):
    """What workers would each load on first use is loaded before they are forked, once."""
    from diplograph.lexicon import gazetteer
    from diplograph.lexicon.dictionary import load_dictionary

    warmed = Pipeline(nlp=pipeline.nlp)
    cleaned = []
    clean = warmed._cleaned
    monkeypatch.setattr(warmed, "_cleaned", lambda items: cleaned.extend(clean(items)) or cleaned)
    warmed.warm_up()
    warmed.warm_up()
    assert len(cleaned) == 1 and isinstance(cleaned[0], Document)  # the bundled article, once
    assert load_dictionary.cache_info().currsize >= 1  # the actor dictionary
    assert gazetteer._cities.cache_info().currsize == 1  # GeoNames' cities, which the sample never asks for
