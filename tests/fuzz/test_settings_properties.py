"""Settings files written by hypothesis: load_settings gives valid Settings or one line naming the file."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_settings_file
from fuzz_strategies import settings_files
from hypothesis import example, given, settings


@settings(FUZZ, max_examples=100)
@given(content=settings_files())
def test_settings_file_loads_or_gives_one_line(content):
    check_settings_file(content, values=False)


@settings(FUZZ, max_examples=100, report_multiple_bugs=False)
@example(content=b"batch_size = 0\n")
@given(content=settings_files())
def test_settings_values_are_valid_or_refused(content):
    check_settings_file(content)
