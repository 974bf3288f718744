"""``run_eval``: one entry point that reads a gold set in its native format and scores the pipeline.

The CLI's ``diplograph eval SET --format F [--report PATH]`` is a thin wrapper over it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .report import EvalResult

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from .plover_gsr import ModeLookup

__all__ = ["FORMATS", "run_eval"]

FORMATS = ("plv", "plover-gsr", "petr", "polnear", "html", "articles", "reviews")


def _from_figures(set_path: Path, format: str, scored: dict[str, Any]) -> EvalResult:
    """An EvalResult from a scorer that returns a dict: numbers are figures, per-item lists items."""
    figures = {k: v for k, v in scored.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    items: list[dict[str, Any]] = []
    for key, value in scored.items():
        if key in figures:
            continue
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            items.extend(value)  # e.g. html's per_page
        else:
            items.append({key: value})
    return EvalResult(set=str(set_path), format=format, figures=figures, items=items)


def _plover_mode() -> ModeLookup:
    """The CAMEO code -> PLOVER mode lookup of the event code table."""
    from ..lexicon.cameo import plover_mode

    return plover_mode


def run_eval(set_path: Path, format: str, report: Path | None = None,
             pipeline: Pipeline | None = None, verb_files: Sequence[str] = ()) -> EvalResult:
    """Score the pipeline on the gold set at ``set_path`` read as ``format``; write a JSON report.

    ``pipeline`` defaults to a fresh one with the users' ``verb_files`` (petr builds its own, with
    the set's actors and verbs under the users' verbs, unless given one). polnear and html are
    scored by their own stages' scorers on ``set_path`` and code no events.
    """
    set_path = Path(set_path)
    if format not in FORMATS:
        raise InputError(format, f"unknown evaluation format (choose from {', '.join(FORMATS)})")
    if not set_path.exists():
        raise InputError(str(set_path), "gold set not found")
    if verb_files and (pipeline is not None or format in ("polnear", "html")):
        reason = "a given pipeline keeps its own" if pipeline is not None else f"{format} codes no events"
        raise InputError("--verbs", f"verb files are not used here ({reason})")
    if format == "polnear":
        from .polnear import score_polnear

        if not set_path.is_dir():
            raise InputError(str(set_path), "a PolNeAR split is a directory with text/ and attributions/")
        result = _from_figures(set_path, format, score_polnear(set_path))
    elif format == "html":
        from .html import score_html

        truth = set_path / "ground-truth.json"
        if not (set_path / "html").is_dir() or not truth.is_file():
            raise InputError(str(set_path), "the html set is a directory with ground-truth.json and html/")
        result = _from_figures(set_path, format, score_html(set_path / "html", truth))
    elif format == "petr":
        from .petr import score_petr

        result = score_petr(set_path, pipeline, verb_files)
    else:
        if pipeline is None:
            from ..pipeline import Pipeline

            pipeline = Pipeline(verb_files=verb_files)
        if format == "plv":
            from .plv import score_plv

            result = score_plv(set_path, pipeline)
        elif format == "articles":
            from .articles import score_articles

            result = score_articles(set_path, pipeline)
        elif format == "reviews":
            from .reviews import score_reviews

            if not set_path.is_file():
                raise InputError(str(set_path), "a reviews gold set is a file (`diplograph export --format reviews`)")
            result = score_reviews(set_path, pipeline)
        else:
            from .plover_gsr import score_gsr

            result = score_gsr(set_path, pipeline, _plover_mode())
    if report is not None:
        result.write(Path(report))
    return result
