"""JSONL dumps: each non-blank line a Source or a Failure naming "path:LINE"; each document then a record
or one line."""

from __future__ import annotations

import json

from fuzz_properties import FUZZ, check_jsonl, check_pipeline_source
from fuzz_strategies import NEWS_SENTENCES, jsonl_documents, surrogate_text
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplograph.ingest._jsonl import jsonl_sources
from diplograph.model import Failure


@settings(FUZZ, report_multiple_bugs=False)
@example(content=b'{"a":' * 100_000)
@given(content=jsonl_documents())
def test_jsonl_lines_give_sources_or_one_line(content):
    check_jsonl(content)


@settings(FUZZ, report_multiple_bugs=False)
@example(content=b'{"a":' * 100_000)
@given(content=jsonl_documents())
def test_jsonl_documents_give_records_or_one_line(pipeline, content):
    for item in jsonl_sources("dump.jsonl", content):
        if not isinstance(item, Failure):
            check_pipeline_source(pipeline, item)


@FUZZ
@given(sentence=st.sampled_from(NEWS_SENTENCES), bad=surrogate_text)
def test_jsonl_line_with_a_lone_surrogate_gives_a_record_or_one_line(pipeline, sentence, bad):
    line = json.dumps({"text": f"{sentence} {bad} {sentence}"}).encode()
    for item in jsonl_sources("dump.jsonl", line):
        if not isinstance(item, Failure):
            check_pipeline_source(pipeline, item)
