"""The document record round-trips through JSON unchanged."""

import json

from diplograph.model import ActorRef, Document, Event, Location, Mention, Quote, Span, Speaker, doc_id_for

TEXT = "Russian President Vladimir Putin said that Colombia is a promising partner."


def test_record_round_trip_keeps_every_field():
    event = Event(
        id="e1", sentence=0,
        source=ActorRef("Vladimir Putin", 18, 32, "RUS", "GOV", "RUSGOV", name="Vladimir Putin", actor="a1"),
        target=ActorRef("Colombia", 43, 51, "COL", None, "COL", actor="a2"),
        trigger=Span("said", 33, 37), cameo="051", root="05", plover="SUPPORT", quad_class=1,
        goldstein=3.4, date="2022-09-20", date_precision="day",
        location=Location("Moscow", "RUS", 55.75, 37.62), quote="q1",
        evidence=Span(TEXT, 0, len(TEXT)), mentions=[Mention(0, 0, len(TEXT), Span("said", 33, 37))],
    )
    quote = Quote("q1", "indirect", "Colombia is a promising partner", 43, 74, Span("said", 33, 37),
                  Speaker("Vladimir Putin", 18, 32, "Vladimir Putin", "RUS"), ["RT", "Efe"])
    doc = Document(doc_id=doc_id_for(TEXT), text=TEXT, published="2022-09-21", sentences=[(0, len(TEXT))],
                   events=[event], quotes=[quote], notes=["a note on how it was read"])
    record = json.loads(json.dumps(doc.to_record()))
    assert Document.from_record(record) == doc
    assert record["events"][0]["source"]["code"] == "RUSGOV"
    assert TEXT[record["events"][0]["trigger"]["start"]:record["events"][0]["trigger"]["end"]] == "said"


def test_doc_id_is_sha1_of_text():
    assert doc_id_for("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d"


def test_record_written_before_notes_existed_still_loads():
    record = {"doc_id": doc_id_for(TEXT), "text": TEXT, "language": "en", "events": [], "quotes": []}
    assert Document.from_record(record).notes == []


def test_failure_message_is_one_line_and_the_input_kept():
    """A file name with a newline, or a redirect chain a server wrote over lines, prints as one line."""
    from diplograph.model import Failure

    failure = Failure("inbox/Putin says\nColombia is a partner.txt",
                      "redirect loop: https://wnt.example/a\r\n-> https://wnt.example/b\x1b[2J\u2028done")
    assert failure.message() == ("inbox/Putin says\\nColombia is a partner.txt: redirect loop: "
                                 "https://wnt.example/a\\r\\n-> https://wnt.example/b\\x1b[2J\\u2028done")
    assert failure.input == "inbox/Putin says\nColombia is a partner.txt"
    # printable text, accents, dashes and curly quotes are untouched
    assert Failure("Bogotá — “Petro”.txt", "empty input").message() == "Bogotá — “Petro”.txt: empty input"
