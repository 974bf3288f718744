"""The package's layers: each stage reads the lexicon and the record model, never another stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import diplograph

PACKAGE = Path(diplograph.__file__).parent
STAGES = ("clean", "actors", "events", "when", "where", "quotes")


def _imported_packages(path: Path) -> set[str]:
    """The diplograph subpackages a module imports (relative or absolute), at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 2 and node.module:  # from ..where.gazetteer import ...
                found.add(node.module.split(".")[0])
            elif node.level == 0 and node.module and node.module.startswith("diplograph."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("diplograph."))
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_other_stage(stage):
    sideways = {f"{path.name} -> {package}" for path in (PACKAGE / stage).glob("*.py")
                for package in _imported_packages(path) if package in STAGES and package != stage}
    assert not sideways


def test_the_lexicon_imports_no_stage():
    below = {f"{path.name} -> {package}" for path in (PACKAGE / "lexicon").glob("*.py")
             for package in _imported_packages(path) if package in STAGES}
    assert not below
