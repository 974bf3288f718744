"""``python -m diplograph.evaluate SET FORMAT [REPORT]``: run_eval without the CLI around it."""

import sys
from pathlib import Path

from . import run_eval

if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python -m diplograph.evaluate SET FORMAT [REPORT]")
    report = Path(sys.argv[3]) if len(sys.argv) == 4 else None
    print(run_eval(Path(sys.argv[1]), sys.argv[2], report).summary())
