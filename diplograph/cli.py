"""The ``diplograph`` command: thin wrappers over the package's plain functions.

Every error a user can cause prints one line naming the input and the problem (exit 2); a batch goes
on past a bad document and says at the end how many failed.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .errors import DiplographError, InputError
from .evaluate.runner import FORMATS as EVAL_FORMATS

if TYPE_CHECKING:
    from .model import Failure, Source
    from .pipeline import Pipeline
    from .store import Store

__all__ = ["main"]

DEFAULT_DB = "diplograph.duckdb"
# The sample's own store: not DEFAULT_DB, so that trying the demo never adds the sample to a user's store.
DEMO_DB = "demo.duckdb"
EXTRACT_FORMATS = ("table", "jsonl")
LIST_FORMATS = ("table", "jsonl")
EXPORT_FORMATS = ("gdelt", "gdelt-mentions", "parquet", "csv", "jsonl", "reviews")
EXIT_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad option as one line and exit 2, like every other input error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: {message}\n")


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text, HTML or JSONL file, directory, '-' for stdin, http(s) URL, or RSS/Atom feed")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that do not carry one")
    p.add_argument("--outlet", help="outlet name for inputs that do not carry one")
    p.add_argument("--url", help="the article's URL, for a single input")
    _add_coding_options(p, fetched="URLs", read="input")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _add_coding_options(p: argparse.ArgumentParser, *, fetched: str, read: str) -> None:
    """The options of every command that codes articles: dictionaries, settings, fetching limits, workers."""
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="an extra actor dictionary (TSV; see diplograph.actors); may repeat")
    _add_verbs_option(p)
    p.add_argument("--config", help="a settings TOML file overriding the shipped settings")
    p.add_argument("--allow-private", action="store_true", default=None,
                   help=f"allow {fetched} on private, loopback or link-local addresses")
    p.add_argument("--max-bytes", type=_setting("max_bytes"), help=f"largest {read} read, in bytes")
    p.add_argument("--workers", type=_setting("workers"),
                   help="worker processes (0 = one per core, 1 = none; at most 4 per core)")


def _setting(key: str) -> Callable[[str], int]:
    """An argparse type for a whole-number setting, checked as a settings file's value is."""

    def parse(text: str) -> int:
        from .settings import setting_problem

        value = _whole_number(text)
        problem = setting_problem(key, value)
        if problem:
            raise argparse.ArgumentTypeError(f"{value}: {problem}")
        return value

    parse.__name__ = key  # argparse names the type in its messages
    return parse


def _row_limit(text: str) -> int:
    """An argparse type for --limit, checked as the store's queries check a limit."""
    from .store.query import limit_problem

    value = _whole_number(text)
    problem = limit_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(f"{value}: {problem}")
    return value


def _min_sources(text: str) -> int:
    """An argparse type for --min-sources: a whole number, 1 or more."""
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: not a number of sources (1 or more)")
    return value


def _min_articles(text: str) -> int:
    """An argparse type for --min-articles: a whole number, 1 or more."""
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: not a number of articles (1 or more)")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"not a port (1 to 65535): {text!r}")
    return int(text)


def _interval(text: str) -> float:
    """An argparse type for --every: 30s, 15m, 1h."""
    from .watch import parse_interval

    try:
        return parse_interval(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.problem) from None


def _whole_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise argparse.ArgumentTypeError(f"{shown!r} is not a whole number") from None


def _add_verbs_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--verbs", action="append", default=[], metavar="FILE",
                   help="extra verb patterns (TSV: verb, pattern, cameo, reverse; see diplograph.events); "
                        "may repeat; their rows win ties with the shipped ones")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="diplograph", description="Who did what to whom, when, where, and who says so.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("demo", help="run on the bundled sample article, print its events and quotes, and store it "
                                    "for the explorer")
    p.add_argument("--format", default="table", help="table or jsonl")
    p.add_argument("--db", default=DEMO_DB, help=f"the store the sample is put in (default ./{DEMO_DB}; "
                                                 "`diplograph serve --db` it)")

    p = sub.add_parser("extract", help="print the events, actors and quotes of articles")
    _add_run_options(p)
    p.add_argument("--format", default="table", help="table (default) or jsonl (one record per document)")

    p = sub.add_parser("ingest", help="read articles into the store (idempotent, resumable)")
    _add_run_options(p)
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default ./{DEFAULT_DB})")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="code on a Dask cluster: tcp://HOST:PORT of a running scheduler, or local:N "
                        "(N local worker processes); the store is written here")
    p.add_argument("--parquet", metavar="DIR",
                   help="also write the store's events (one row per mention) as Parquet partitioned by "
                        "publication date (DIR/published=YYYY-MM-DD/part-0.parquet), replacing DIR's")

    p = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest their new items, every --every, for ever")
    p.add_argument("feeds", nargs="+", metavar="FEED",
                   help="an RSS/Atom feed's http(s) URL, or a file listing feed URLs one per line")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default ./{DEFAULT_DB})")
    p.add_argument("--every", type=_interval, default="15m", help="time between rounds: 30s, 15m, 1h (default 15m)")
    p.add_argument("--once", action="store_true", help="poll each feed once and exit (for cron)")
    _add_coding_options(p, fetched="feeds and pages", read="feed or page")

    p = sub.add_parser("serve", help="the explorer: an HTTP API and a web page over a store")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default ./{DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    p.add_argument("--token", help="the token writes need (default $DIPLOGRAPH_TOKEN; none: writes refused)")
    p.add_argument("--config", help="a settings TOML file overriding the shipped settings")

    p = sub.add_parser("events", help="list stored events (one row per event, linked across articles)")
    p.add_argument("--db", default=DEFAULT_DB)
    for flag, text in (("--source", "source actor code or country prefix, e.g. RUS or RUSGOV"),
                       ("--target", "target actor code or country prefix"),
                       ("--dyad", "A-B (either direction) or A>B (source A, target B)"),
                       ("--code", "CAMEO code prefix, e.g. 05 or 051"), ("--root", "CAMEO root, e.g. 19"),
                       ("--since", "first date, YYYY-MM-DD"), ("--until", "last date, YYYY-MM-DD"),
                       ("--mode", "asserted, negated, hypothetical, future or question")):
        p.add_argument(flag, help=text)
    p.add_argument("--min-sources", type=_min_sources, metavar="N",
                   help="only events reported by at least N sources (outlets)")
    p.add_argument("--show-mentions", action="store_true",
                   help="under each event, its mentions in every article: outlet, URL, title, date, sentence")
    p.add_argument("--limit", type=_row_limit, help="at most this many rows")
    p.add_argument("--format", default="table", help="table or jsonl")

    p = sub.add_parser("quotes", help="list stored quotes")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--speaker", help="speaker name (part of it), actor code or country")
    p.add_argument("--about", help="country or actor code the quote's article events involve")
    p.add_argument("--attribution", help="speech, belief, document or poll: what the quote attributes")
    p.add_argument("--since", help="first date, YYYY-MM-DD")
    p.add_argument("--limit", type=_row_limit, help="at most this many rows")
    p.add_argument("--format", default="table", help="table or jsonl")

    p = sub.add_parser("export", help="write stored events as GDELT TSV, Parquet, CSV or JSONL")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--format", required=True,
                   help="gdelt (GDELT 2.0 events), gdelt-mentions (GDELT 2.0 mentions), parquet, csv, jsonl, "
                        "or reviews (the reviews as a gold file for eval)")
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--min-sources", type=_min_sources, metavar="N",
                   help="only events reported by at least N sources (outlets)")
    p.add_argument("--one-a-day", action="store_true",
                   help="Phoenix's filter: one row per date, source, target and CAMEO code")
    p.add_argument("--per-mention", action="store_true",
                   help="one row per event of each article instead of per event linked across articles")

    p = sub.add_parser("stories", help="list stories: the stored articles that report one happening")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--min-articles", type=_min_articles, default=2, metavar="N",
                   help="only stories of at least N articles (default 2)")
    p.add_argument("--format", default="table", help="table or json (one story per line)")

    p = sub.add_parser("eval", help="score the pipeline against a gold set")
    p.add_argument("set", metavar="SET", help="the gold set (file or directory)")
    p.add_argument("--format", required=True, help="plv, plover-gsr, petr, polnear, html, articles or reviews")
    p.add_argument("--report", help="write a JSON report (figures and per-item predictions) here")
    _add_verbs_option(p)
    return parser


def _check_format(value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise InputError("--format", f"unknown format {value!r} (choose from {', '.join(allowed)})")
    return value


def _pipeline(args: argparse.Namespace) -> Pipeline:
    from .events.verbs import read_verb_file
    from .pipeline import Pipeline
    from .settings import load_settings

    settings = load_settings(args.config).with_overrides(allow_private=args.allow_private,
                                                         max_bytes=args.max_bytes, workers=args.workers)
    for path in args.actors:
        if not Path(path).is_file():
            raise InputError(path, "actor dictionary not found")
    for path in args.verbs:
        read_verb_file(path)  # a bad verb file fails now, before any input is read
    return Pipeline(settings, actor_files=args.actors, verb_files=args.verbs)


def _with_defaults(items: Iterable[Source | Failure], args: argparse.Namespace) -> Iterator[Source | Failure]:
    """Apply --published/--outlet/--url to sources that do not carry their own."""
    from .model import Source

    for item in items:
        if isinstance(item, Source):
            item.published = item.published or args.published
            item.outlet = item.outlet or args.outlet
            item.url = item.url or args.url
        yield item


def _pipeline_and_sources(args: argparse.Namespace) -> tuple[Pipeline, Iterator[Source | Failure]]:
    """The pipeline the options ask for and the sources of the inputs, with the defaults applied."""
    from .clean import publication_date
    from .ingest import iter_sources

    args.published = publication_date("--published", args.published)
    pipeline = _pipeline(args)
    sources = _with_defaults(iter_sources(args.inputs, pipeline.settings), args)
    return pipeline, sources


def _print_failures(failures: list) -> None:
    for f in failures:
        print(f"diplograph: {f.message()}", file=sys.stderr)


def _report_failures(failures: list, total: int) -> int:
    _print_failures(failures)
    if failures and total > 1:
        print(f"diplograph: {len(failures)} of {total} documents failed", file=sys.stderr)
    return EXIT_INPUT if failures else 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from .model import Failure
    from .progress import Progress
    from .render import document_table

    fmt = _check_format(args.format, EXTRACT_FORMATS)
    pipeline, sources = _pipeline_and_sources(args)
    failures, total = [], 0
    with Progress(quiet=args.quiet) as progress:
        for result in pipeline.run(sources):
            total += 1
            progress.update(failed=isinstance(result, Failure))
            if isinstance(result, Failure):
                failures.append(result)
            elif fmt == "jsonl":
                print(json.dumps(result.to_record(), ensure_ascii=False), flush=True)
            else:
                print(document_table(result), flush=True)
    return _report_failures(failures, total)


def _cmd_demo(args: argparse.Namespace) -> int:
    from .lexicon.tables import shipped_text
    from .pipeline import Pipeline
    from .render import document_table
    from .store import Store, source_key

    fmt = _check_format(args.format, EXTRACT_FORMATS)
    text = shipped_text("demo_article.txt")
    doc = Pipeline().extract(text, published="2022-09-21", outlet="CNN en Español", name="demo_article.txt")
    print(json.dumps(doc.to_record(), ensure_ascii=False) if fmt == "jsonl" else document_table(doc))
    with Store(args.db) as store:  # the same sample again adds nothing (one document, one article)
        store.put(doc, key=source_key("demo_article.txt", text))
    print(f"diplograph: the sample is stored in {args.db}; explore it with: diplograph serve --db {args.db}",
          file=sys.stderr)
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from .batch import ingest
    from .progress import Progress
    from .store.shared import ReleasingStore

    if args.cluster is not None and args.workers is not None:
        raise InputError("--workers", "sets local worker processes; with --cluster the cluster's workers code")
    if args.cluster is not None:
        from .cluster.address import parse_address

        parse_address(args.cluster)  # a malformed address fails before any input is read
    if args.parquet is not None:
        from .store.export import check_partition_folder

        check_partition_folder(Path(args.parquet))
    pipeline, sources = _pipeline_and_sources(args)
    # the file is held only while a batch is written, so `diplograph serve` can read it in between
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(ReleasingStore(args.db, settings=pipeline.settings))
        run = None
        if args.cluster is not None:
            from .cluster.address import connect
            from .cluster.runner import run_on_cluster
            from .store.prepared import prepare_results

            client = stack.enter_context(connect(args.cluster))
            run = functools.partial(run_on_cluster, client, pipeline, address=args.cluster, finish=prepare_results)
        progress = stack.enter_context(Progress(quiet=args.quiet))
        summary = ingest(sources, store, pipeline, progress=progress, run=run)
    _print_failures(summary.failures)
    print(f"{args.db}: {summary.line()}", file=sys.stderr)
    if args.parquet is not None:
        from .store.export import export_partitioned
        from .store.shared import INGEST_WAIT, open_store

        with open_store(args.db, read_only=True, wait=INGEST_WAIT) as done:
            rows = export_partitioned(done, args.parquet)
        print(f"{args.parquet}: {rows} event mentions as Parquet, partitioned by publication date", file=sys.stderr)
    return EXIT_INPUT if summary.failures else 0


def _cmd_watch(args: argparse.Namespace) -> int:
    import os
    import signal
    import threading

    from .store.shared import ReleasingStore
    from .watch import feed_urls, watch

    feeds = feed_urls(args.feeds)
    pipeline = _pipeline(args)
    stop = threading.Event()
    main_pid = os.getpid()

    def stopping(number: int, frame: object) -> None:
        if os.getpid() != main_pid:  # a forked worker: the signal's default (they end with the watcher)
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
            return
        if stop.is_set():  # a second Ctrl-C: stop now (what was committed is kept)
            raise KeyboardInterrupt
        print("diplograph: stopping after the items under way (again to stop now)", file=sys.stderr, flush=True)
        stop.set()

    before = {number: signal.signal(number, stopping) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        # the file is held only while items are written, so `diplograph serve` can read it in between
        with ReleasingStore(args.db, settings=pipeline.settings) as store:
            summary = watch(feeds, store, pipeline, every=args.every, once=args.once, stop=stop, out=sys.stdout,
                            on_failure=lambda f: print(f"diplograph: {f.message()}", file=sys.stderr, flush=True))
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
    print(f"{args.db}: watched {len(feeds)} feed{'s' if len(feeds) != 1 else ''}, {summary.line()}", file=sys.stderr)
    failed = summary.failed or summary.feed_problems
    return EXIT_INPUT if args.once and failed else 0


def _open_existing(db: str) -> Store:
    from .store import Store

    if not Path(db).is_file():
        raise InputError(db, "no such store (run `diplograph ingest` first)")
    return Store(db, read_only=True)


def _print_rows(rows: list[dict], fmt: str, columns: Sequence[tuple[str, str]]) -> None:
    from .render import rows_table

    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
        return
    print(rows_table([title for title, _ in columns], ([row.get(key) for _, key in columns] for row in rows)))


_EVENT_COLUMNS = [("date", "date"), ("source", "source_code"), ("cameo", "cameo"), ("target", "target_code"),
                  ("mode", "mode"), ("mentions", "num_mentions"), ("sources", "num_sources"),
                  ("articles", "num_articles"), ("evidence", "evidence_text")]


def _cmd_events(args: argparse.Namespace) -> int:
    from .store.query import query_linked_events

    fmt = _check_format(args.format, LIST_FORMATS)
    with _open_existing(args.db) as store:
        rows = query_linked_events(store, source=args.source, target=args.target, dyad=args.dyad, code=args.code,
                                   root=args.root, since=args.since, until=args.until, mode=args.mode,
                                   min_sources=args.min_sources, show_mentions=args.show_mentions,
                                   limit=args.limit)
    if fmt == "jsonl" or not args.show_mentions:
        _print_rows(rows, fmt, _EVENT_COLUMNS)
        return 0
    from .render import rows_table

    # the last column (articles) is a number, so each event is one line of the table: its mentions
    # are printed under it, once per article that published them (a syndicated copy under its own
    # outlet and URL), the sentence of each in full
    columns = _EVENT_COLUMNS[:-1]
    lines = rows_table([title for title, _ in columns], ([row.get(key) for _, key in columns] for row in rows))
    table = lines.splitlines()
    print("\n".join(table[:2]))
    for line, row in zip(table[2:], rows, strict=True):
        print(line)
        for m in row["mentions"]:
            where = " | ".join(part for part in (m["outlet"], m["url"]) if part) or m["source"] or m["doc_id"]
            article = m["title"] or m["source"] or m["doc_id"]
            when = f"{m['day']} ({m['date_precision']})" if m["date_precision"] else m["day"]
            sentence = " ".join((m["evidence_text"] or m["trigger_text"]).split())
            print(f"    - {where} | {article} | {when} | {m['cameo']} | {sentence}")
    return 0


def _cmd_quotes(args: argparse.Namespace) -> int:
    from .store.query import query_quotes

    fmt = _check_format(args.format, LIST_FORMATS)
    with _open_existing(args.db) as store:
        rows = query_quotes(store, speaker=args.speaker, about=args.about, since=args.since,
                            attribution=args.attribution, limit=args.limit)
    _print_rows(rows, fmt, [("date", "date"), ("speaker", "speaker_name"), ("via", "via"),
                            ("attribution", "attribution"), ("article", "title"), ("quote", "text")])
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .store.export import export_events

    fmt = _check_format(args.format, EXPORT_FORMATS)
    if fmt == "reviews":
        return _export_reviews(args)
    with _open_existing(args.db) as store:
        n = export_events(store, fmt, Path(args.out), min_sources=args.min_sources, one_a_day=args.one_a_day,
                          per_mention=args.per_mention)
    rows = "mentions" if fmt == "gdelt-mentions" or args.per_mention else "events"
    print(f"{args.out}: {n} {rows} written ({fmt})", file=sys.stderr)
    return 0


def _export_reviews(args: argparse.Namespace) -> int:
    from .store.review_gold import export_reviews

    given = [flag for flag, value in (("--min-sources", args.min_sources), ("--one-a-day", args.one_a_day),
                                      ("--per-mention", args.per_mention)) if value]
    if given:
        raise InputError(given[0], "does not apply to --format reviews (every reviewed mention is exported)")
    with _open_existing(args.db) as store:
        n = export_reviews(store, Path(args.out))
    print(f"{args.out}: {n} reviewed mentions written (reviews)", file=sys.stderr)
    return 0


STORY_FORMATS = ("table", "json")


def _cmd_stories(args: argparse.Namespace) -> int:
    fmt = _check_format(args.format, STORY_FORMATS)
    with _open_existing(args.db) as store:
        found = store.stories(min_articles=args.min_articles)
    if fmt == "json":
        for story in found:
            print(json.dumps(story, ensure_ascii=False))
        return 0
    from .render import rows_table

    if not found:
        print(f"no stories of {args.min_articles} or more articles")
        return 0
    for story in found:
        span = story["first"] if story["first"] == story["last"] else f"{story['first']} to {story['last']}"
        print(f"story {story['story']}: {story['articles']} articles, {span}; "
              f"outlets: {', '.join(story['outlets']) or '-'}; actors: {', '.join(story['actors']) or '-'}")
        rows = ([d["date"], d["outlet"], d["title"] or d["url"] or d["doc_id"]] for d in story["documents"])
        print("\n".join("    " + line for line in rows_table(["date", "outlet", "title"], rows).splitlines()))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import ipaddress
    import os

    import uvicorn

    from .serve import create_app
    from .settings import load_settings

    token = args.token or os.environ.get("DIPLOGRAPH_TOKEN") or None
    app = create_app(args.db, token=token, settings=load_settings(args.config))
    try:
        loopback = ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = args.host == "localhost"
    if not loopback:
        print(f"diplograph: WARNING: serving on {args.host}, reachable from other machines; the API has no "
              "encryption (put it behind TLS) and writes are guarded by the token alone", file=sys.stderr)
    writes = "writes need the token" if token else "writes disabled (no --token or DIPLOGRAPH_TOKEN)"
    print(f"diplograph: serving {args.db} on http://{args.host}:{args.port}/ ({writes}); API docs at /docs",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import run_eval

    fmt = _check_format(args.format, EVAL_FORMATS)
    result = run_eval(Path(args.set), fmt, Path(args.report) if args.report else None, verb_files=args.verbs)
    print(result.summary())
    return 0


COMMANDS = {"demo": _cmd_demo, "extract": _cmd_extract, "ingest": _cmd_ingest, "events": _cmd_events,
            "quotes": _cmd_quotes, "export": _cmd_export, "stories": _cmd_stories, "eval": _cmd_eval,
            "serve": _cmd_serve, "watch": _cmd_watch}


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except DiplographError as exc:
        print(f"diplograph: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("diplograph: interrupted; what was stored is kept, re-run to finish", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
