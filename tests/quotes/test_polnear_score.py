"""The PolNeAR scorer: brat reading on hand-made files, kinds of gold attributions, and the bars on a
slice of the dev split.

The whole split: ``python -m diplograph.evaluate.polnear ../shared/eval/quotes/polnear/dev``.
"""

from __future__ import annotations

import shutil

import pytest

from diplograph.evaluate.polnear import gold_kind, read_ann, score_polnear
from diplograph.lexicon.cues import load_cues


def test_read_ann_ties_source_cue_and_discontinuous_content(tmp_path):
    ann = tmp_path / "story_ab12.ann"
    ann.write_text(
        "T1\tSource 0 5\tPutin\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;30 40\tx\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n",
        "utf-8",
    )
    (gold,) = read_ann(ann)
    assert gold.source == [(0, 5)] and gold.cue == [(6, 10)] and gold.content == [(11, 20), (30, 40)]


@pytest.mark.parametrize(
    ("text", "source", "cue", "kind"),
    [
        ("Sources said the van was supposed to be escorted.", "Sources", "said", "speech"),
        ("Mr. Deese expected the president would hand him changes.", "Mr. Deese", "expected", "belief"),
        ("A Government Accountability Office report found the agency could not be sure.",
         "A Government Accountability Office report", "found", "document"),
        ("Clinton leads by 5 points, according to a Quinnipiac poll.", "a Quinnipiac poll",
         "according to", "poll"),
        ("She wants to triple the size of the AmeriCorps program.", "She", "wants", "belief"),
        ("That looks unlikely.", "", "looks", "other"),
    ],
)
def test_gold_kind_is_read_from_cue_and_source_words(nlp, tmp_path, text, source, cue, kind):
    at = text.index(cue)
    src = f"T1\tSource {text.index(source)} {text.index(source) + len(source)}\t{source}\n" if source else ""
    (tmp_path / "a_ab12.ann").write_text(
        f"{src}T2\tCue {at} {at + len(cue)}\t{cue}\nT3\tContent 0 {len(text) - 1}\tx\n"
        f"E1\tAttribution:T2 Cue:T2 Content:T3" + (" Source:T1" if source else "") + "\n",
        "utf-8",
    )
    (gold,) = read_ann(tmp_path / "a_ab12.ann")
    doc = nlp(text)
    assert gold_kind(doc, text, gold, load_cues()) == kind


def test_dev_slice_meets_the_bars(shared_dir, tmp_path, nlp):
    dev = shared_dir / "eval" / "quotes" / "polnear" / "dev"
    for sub in ("text", "attributions"):
        (tmp_path / sub).mkdir()
    for ann in sorted((dev / "attributions").glob("*.ann"))[:20]:
        shutil.copy(ann, tmp_path / "attributions" / ann.name)
        name = ann.stem.rsplit("_", 1)[0] + ".txt"
        shutil.copy(dev / "text" / name, tmp_path / "text" / name)
    scores = score_polnear(tmp_path, nlp)
    # every attribution (beliefs, documents, polls too), then speech alone as before attributions;
    # this slice measured 0.66 / 0.88, speech 0.79 / 0.89 / 0.88
    assert scores["gold"] > 350 and scores["speech_gold"] > 200
    assert scores["f1"] >= 0.63
    assert scores["speaker_accuracy"] >= 0.85
    assert scores["speech_f1"] >= 0.75
    assert scores["speech_speaker_accuracy"] >= 0.85
    assert scores["speech_direct_recall"] >= 0.85
    assert scores["recall_belief"] > 0 and scores["recall_document"] > 0
