"""ingest.sniff_kind: any bytes or text (BOMs, NULs, surrogates, truncated markup) gets one of the four kinds."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_sniff
from fuzz_strategies import sniff_inputs
from hypothesis import given


@FUZZ
@given(content=sniff_inputs)
def test_sniff_kind_names_one_of_four_kinds(content):
    check_sniff(content)
