"""Evaluation: scoring the pipeline against development gold sets in their native formats."""

from .report import EvalResult
from .runner import FORMATS, run_eval

__all__ = ["FORMATS", "EvalResult", "run_eval"]
