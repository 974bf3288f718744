"""The CAMEO code table shipped in data/cameo.tsv: names, Goldstein values, PLOVER types, quad classes."""

from __future__ import annotations

import pytest

from diplograph.lexicon.cameo import cameo_code, cameo_table


def test_goldstein_of_conventional_military_force():
    assert cameo_code("190").goldstein == -10.0


def test_plover_of_accuse():
    assert cameo_code("112").plover == "ACCUSE"


def test_appeal_is_a_request_and_statement_has_no_plover_type():
    assert cameo_code("020").plover == "REQUEST"
    assert cameo_code("010").plover is None


@pytest.mark.parametrize(("root", "quad"), [
    ("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4),
])
def test_quad_class_follows_the_root(root, quad):
    codes = [c for c in cameo_table().values() if c.root == root]
    assert codes and {c.quad_class for c in codes} == {quad}


def test_every_root_has_codes():
    assert {c.root for c in cameo_table().values()} == {f"{n:02d}" for n in range(1, 21)}


def test_unknown_four_digit_code_takes_its_parent():
    assert cameo_code("1909").plover == cameo_code("190").plover


def test_unknown_code_is_an_error():
    with pytest.raises(KeyError):
        cameo_code("999")


def test_plover_mode_from_the_cameo2plover_table():
    from diplograph.lexicon.cameo import plover_mode

    assert plover_mode("042") == "visit"
    assert plover_mode("0841") == "release"
    assert plover_mode("173") == "arrest"
    assert plover_mode("1412") == "demo"


def test_plover_mode_is_none_where_plover_gives_none():
    from diplograph.lexicon.cameo import plover_mode

    assert plover_mode("190") is None
    assert plover_mode("010") is None
