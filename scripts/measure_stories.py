"""Print the stories a store holds, and how many there would be under other settings of the rule.

    python scripts/measure_stories.py STORE [SETTING=VALUE ...]

e.g. ``python scripts/measure_stories.py html.duckdb COMMON_SHARE=1.0`` (no common-actor rule). The
store is copied first: the stories are rebuilt in the copy, the store itself is left as it was.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from diplograph.store import Store, stories


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for setting in argv[1:]:
        name, _, value = setting.partition("=")
        if not hasattr(stories, name) or name in ("RULE", "TABLES"):
            print(f"{setting}: no such setting in diplograph/store/stories.py", file=sys.stderr)
            return 2
        setattr(stories, name, type(getattr(stories, name))(value))
    stories.RULE = stories.RULE + " " + " ".join(argv[1:])  # another rule: the copy is rebuilt on opening
    stories._WEIGHTS.update(name=stories.NAME_WEIGHT, code=stories.CODE_WEIGHT, country=stories.COUNTRY_WEIGHT)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(argv[0], copy)
        with Store(copy) as store:
            found = store.stories(min_articles=2)
            total = store.counts()["documents"]
    sizes = [s["articles"] for s in found]
    print(f"{argv[0]}: {total} documents, {len(found)} stories of 2 or more articles, sizes {sizes}")
    for story in found:
        print(f"- {story['story'][:12]} ({story['articles']}; {story['first']} to {story['last']}): "
              + " | ".join(d["title"] or d["doc_id"] for d in story["documents"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
