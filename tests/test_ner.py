"""The numpy-decoded entity recognizer finds exactly the entities of the model's own NER."""

from __future__ import annotations

from spacy.tokens import Span

from diplograph._ner import FastEntityRecognizer
from diplograph.lexicon.tables import shipped_text

# Real news paragraphs with what the decoding rules are for: entities at a sentence's first and last
# tokens ("... in Kyiv.\nUkraine's"), a line break inside a name's paragraph, runs of spaces (no
# entity may start on a space), numbers, dates, money and a headline of one word.
NEWS = (
    "Russia\n\nMOSCOW (Reuters) - Russian President Vladimir Putin met Colombian Foreign Minister "
    "Alvaro Leyva on Tuesday, June 21, 2022, in Moscow.   The two discussed $10 billion in aid.\n"
    "Ukraine's foreign ministry summoned the envoys of the United States and the European Union on "
    "Friday, saying 3,000 troops had crossed into the Donbas region overnight, officials told AP.\n"
    "The New York State Attorney General's office sued the Trump Organization on Wednesday, November "
    "18, 2019.\n\nDenis Shapovalov defeated Taylor Fritz 7-6 (6), 6-3 at the Paris Masters, while "
    "Jo-Wilfried Tsonga cruised past the Los Angeles Lakers' owner in an exhibition.\n"
    "Chelsea completed the 38 million euro move of Thibaut Courtois to Real Madrid\n\nKepa "
    "Arrizabalaga arrived from Athletic Bilbao for the 7th Amsterdam Light Festival on 29 November."
)


def _entities(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start, e.end, e.label_, doc[e.start].ent_iob_) for e in doc.ents] + [
        (t.i, t.ent_iob, t.ent_type_, "") for t in doc if t.ent_iob_ != "O" and not t.ent_type_]


def test_the_pipeline_uses_the_fast_recognizer(nlp, model_and_fast) -> None:
    model, fast = model_and_fast
    assert isinstance(fast.get_pipe("ner"), FastEntityRecognizer)
    assert fast.pipe_names == model.pipe_names
    assert isinstance(nlp.get_pipe("ner"), FastEntityRecognizer)


def test_one_document_gets_the_models_entities(model_and_fast, seed_text: str) -> None:
    model, fast = model_and_fast
    for text in (NEWS, seed_text, shipped_text("demo_article.txt"), "Putin", "   ", "Biden spoke."):
        expected = _entities(model(text))
        assert _entities(fast(text)) == expected, text[:40]
    assert any(e.label_ == "PERSON" and e.text == "Vladimir Putin" for e in fast(NEWS).ents)


def test_a_batch_gets_the_models_entities(model_and_fast, seed_text: str) -> None:
    model, fast = model_and_fast
    paragraphs = [p for p in (NEWS + "\n" + seed_text).split("\n") if p.strip()] + [""]
    expected = [_entities(d) for d in model.pipe(paragraphs, batch_size=8)]
    assert [_entities(d) for d in fast.pipe(paragraphs, batch_size=8)] == expected
    assert sum(map(len, expected)) > 40  # the paragraphs do hold entities


def test_entities_set_beforehand_are_honoured_as_the_model_does(model_and_fast) -> None:
    model, fast = model_and_fast
    text = "The Kremlin said Sergei Lavrov would travel to Bogota next week."
    docs = []
    for nlp in (model, fast):
        doc = nlp.make_doc(text)
        doc.set_ents([Span(doc, 1, 2, label="ORG")], default="unmodified")  # as an entity ruler would
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        docs.append(doc)
    assert _entities(docs[1]) == _entities(docs[0])
    assert (1, 2, "ORG", "B") in _entities(docs[1])
