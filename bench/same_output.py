"""Whether a change keeps diplograph's output byte-identical: snapshot the records, then compare two.

  python bench/same_output.py snapshot OUT.jsonl   # extract --format jsonl over the bench corpus
                                                   # (bench/throughput.py's 300 texts) and the HTML
                                                   # benchmark pages under ../shared/eval/html
  python bench/same_output.py compare A.jsonl B.jsonl

``compare`` prints, per record that differs, its source and the fields that differ, then a count.
Needs ../shared beside the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import SHARED, corpus


def snapshot(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "corpus"  # the same path in every snapshot: records name their source
        texts.mkdir()
        for i, text in enumerate(corpus(300)):
            (texts / f"{i:04d}.txt").write_text(text, "utf-8")
        pages = Path(tmp) / "html"
        pages.mkdir()
        for page in sorted((SHARED / "html" / "html").glob("*.html.gz")):
            (pages / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
        with out.open("wb") as sink:
            for folder in (texts, pages):
                subprocess.run([sys.executable, "-m", "diplograph.cli", "extract", folder.name, "--format",
                                "jsonl", "--quiet"], check=False, stdout=sink, cwd=folder.parent)


def records(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return {str(r.get("source") or r.get("input") or i): r for i, r in enumerate(rows)}


def compare(a: Path, b: Path) -> int:
    left, right = records(a), records(b)
    differ = 0
    for key in sorted(set(left) | set(right)):
        x, y = left.get(key), right.get(key)
        if x == y:
            continue
        differ += 1
        if x is None or y is None:
            print(f"{key}: only in {'B' if x is None else 'A'}")
            continue
        fields = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
        print(f"{key}: {', '.join(fields)}")
    print(f"{differ} of {len(set(left) | set(right))} records differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("snapshot").add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.out)
    else:
        sys.exit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
