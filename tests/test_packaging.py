"""pyproject.toml declares every third-party package diplograph imports, so `pip install .` works."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return {_canonical(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def _imported_modules() -> set[str]:
    modules: set[str] = set()
    for path in (ROOT / "diplograph").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m != "diplograph"}


def test_every_third_party_import_is_a_declared_dependency():
    declared = _declared()
    distributions = importlib.metadata.packages_distributions()
    undeclared = [m for m in sorted(_imported_modules())
                  if not {_canonical(d) for d in distributions.get(m, [m])} & declared]
    assert undeclared == []


def test_lxml_html_clean_is_declared_for_trafilatura():
    # trafilatura's justext imports lxml.html.clean, a separate package since lxml 5.2; pip 23 does not
    # install it through justext's "lxml[html_clean]" ("lxml 6.2.0 does not provide the extra").
    assert {"lxml", "lxml-html-clean"} <= _declared()
