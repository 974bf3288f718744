"""Files, directories and stdin that cannot be read: one Failure each, naming the path, never a hang or a traceback.

FIFOs, sockets and devices are refused by what they are, without being opened; symbolic link loops,
files used as folders, over-long names and folders without permission give a line each, named; a
directory walk follows links to folders but reads each real folder once.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.ingest import iter_sources
from diplograph.model import Failure, Source
from diplograph.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "fixtures"
ARTICLE = FIXTURES / "seed_article.txt"
WORKTREE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def collect(inputs, settings, **kwargs) -> list[Source | Failure]:
    return list(iter_sources([str(i) for i in inputs], settings, **kwargs))


def names(items) -> list[str]:
    return [item.name if isinstance(item, Source) else item.input for item in items]


def failures(items) -> dict[str, str]:
    return {item.input: item.problem for item in items if isinstance(item, Failure)}


def test_fifo_on_the_command_line_is_refused_without_opening_it(tmp_path, settings):
    fifo = tmp_path / "wire.txt"
    os.mkfifo(fifo)  # nobody ever writes: opening it for reading would block forever
    article = tmp_path / "article.txt"
    shutil.copy(ARTICLE, article)
    items = collect([fifo, article], settings)
    assert items[0] == Failure(str(fifo), "a FIFO (named pipe), not a regular file (use '-' to read a pipe)")
    assert isinstance(items[1], Source) and items[1].content == ARTICLE.read_bytes()


def test_socket_and_device_are_refused(tmp_path, settings):
    path = tmp_path / "feed.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        items = collect([path, "/dev/zero"], settings)  # /dev/zero would be read to max_bytes of NULs
    finally:
        server.close()
    assert items == [Failure(str(path), "a socket, not a regular file"),
                     Failure("/dev/zero", "a character device, not a regular file")]


def test_fifo_inside_a_directory_is_named_and_the_walk_goes_on(tmp_path, settings):
    shutil.copy(ARTICLE, tmp_path / "a.txt")
    os.mkfifo(tmp_path / "b.pipe")
    shutil.copy(ARTICLE, tmp_path / "c.txt")
    items = collect([tmp_path], settings)
    assert names(items) == [str(tmp_path / name) for name in ("a.txt", "b.pipe", "c.txt")]
    assert failures(items) == {
        str(tmp_path / "b.pipe"): "a FIFO (named pipe), not a regular file (use '-' to read a pipe)"}


def test_bad_paths_on_the_command_line_each_give_one_failure(tmp_path, settings):
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "deleted.txt")
    inputs = [tmp_path / "loop-a", tmp_path / "article.txt" / "x", tmp_path / ("petro-un-speech-" * 20 + ".txt"),
              tmp_path / "dangling.txt", ""]
    items = collect(inputs, settings)
    assert [item.problem for item in items] == [
        "a symbolic link loop (too many levels of symbolic links)",
        "not a directory (a part of the path is a file)",
        "file name too long",
        "a symbolic link to a missing target",
        "an empty input name (not a file, directory, URL or '-')",
    ]
    assert names(items) == [str(i) for i in inputs]


def test_walk_follows_a_linked_folder_once_and_names_a_loop(tmp_path, settings):
    corpus = tmp_path / "corpus"
    (corpus / "2022-09").mkdir(parents=True)
    shutil.copy(ARTICLE, corpus / "2022-09" / "putin-colombia.txt")
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    shutil.copy(ARTICLE, elsewhere / "petro-un.txt")
    (corpus / "archive").symlink_to(elsewhere)  # a folder kept elsewhere, linked in: read
    (corpus / "latest").symlink_to(corpus / "2022-09")  # the same folder again: read once
    (corpus / "2022-09" / "up").symlink_to(corpus)  # a loop: named, not followed
    (corpus / "broken.txt").symlink_to(tmp_path / "gone.txt")
    items = collect([corpus], settings)
    assert names(items) == [
        str(corpus / "2022-09" / "putin-colombia.txt"),
        str(corpus / "2022-09" / "up"),
        str(corpus / "archive" / "petro-un.txt"),
        str(corpus / "broken.txt"),
    ]
    assert failures(items) == {
        str(corpus / "2022-09" / "up"): f"a symbolic link loop back to {corpus}, not followed",
        str(corpus / "broken.txt"): "a symbolic link to a missing target",
    }


def test_deep_folders_are_walked_without_recursion(tmp_path, settings):
    deep = tmp_path
    for _ in range(1200):  # deeper than Python's recursion limit
        deep = deep / "d"
        deep.mkdir()
    shutil.copy(ARTICLE, deep / "article.txt")
    try:
        (item,) = collect([tmp_path], settings)
        assert item.name == str(deep / "article.txt")
    finally:  # bottom up: shutil.rmtree (pytest's clean-up) recurses and would fail on this tree
        (deep / "article.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod-000 folder: nothing to refuse")
def test_unreadable_subfolder_is_named_and_the_rest_read(tmp_path, settings):
    shutil.copy(ARTICLE, tmp_path / "a.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(ARTICLE, locked / "secret.txt")
    shutil.copy(ARTICLE, tmp_path / "z.txt")
    locked.chmod(0)
    try:
        items = collect([tmp_path], settings)
    finally:
        locked.chmod(0o755)
    assert names(items) == [str(tmp_path / "a.txt"), str(locked), str(tmp_path / "z.txt")]
    assert failures(items) == {str(locked): "a folder that cannot be read (permission denied)"}


def test_unlistable_subfolder_is_named_and_the_rest_read(tmp_path, settings, monkeypatch):
    """The same as above for root, who can read a chmod-000 folder: listing the folder fails."""
    shutil.copy(ARTICLE, tmp_path / "a.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(ARTICLE, locked / "secret.txt")
    listdir = os.listdir

    def refuse(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listdir(path)

    monkeypatch.setattr(os, "listdir", refuse)
    items = collect([tmp_path], settings)
    assert names(items) == [str(tmp_path / "a.txt"), str(locked)]
    assert failures(items) == {str(locked): "a folder that cannot be read (permission denied)"}


def test_directory_of_only_hidden_files_says_so(tmp_path, settings):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (failure,) = collect([tmp_path], settings)
    assert failure == Failure(str(tmp_path), "a directory with no files (2 hidden entries skipped)")


def test_file_name_that_is_not_utf8_is_kept_distinct_and_storable(tmp_path, settings):
    folder = os.fsencode(tmp_path)
    for raw in (b"bogot\xe1.txt", b"bogot\xe0.txt"):  # Latin-1 names from an old archive
        shutil.copy(ARTICLE, os.path.join(folder, raw))
    items = collect([tmp_path], settings)
    assert names(items) == [f"{tmp_path}/bogot\\xe0.txt", f"{tmp_path}/bogot\\xe1.txt"]
    for item in items:
        item.name.encode("utf-8")  # no surrogate escape left for the store to choke on


def test_closed_stdin_object(settings):
    stream = io.BytesIO(ARTICLE.read_bytes())
    stream.close()
    assert collect(["-"], settings, stdin=stream) == [Failure("-", "standard input is closed")]


def test_no_stdin_at_all(settings, monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when started with descriptor 0 closed
    assert collect(["-"], settings) == [Failure("-", "standard input is closed")]


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(WORKTREE)}
    return subprocess.run([sys.executable, "-m", "diplograph.cli", "extract", "--quiet", *args],
                          capture_output=True, text=True, env=env, timeout=60, **kwargs)


def test_cli_with_stdin_closed_prints_one_line():
    result = run_cli("-", stdin=None, preexec_fn=lambda: os.close(0))  # `diplograph extract - <&-`
    assert (result.returncode, result.stderr) == (2, "diplograph: -: standard input is closed\n")


def test_cli_with_stdin_open_for_writing_only_prints_one_line(tmp_path):
    out = tmp_path / "out.txt"
    result = run_cli("-", stdin=None, preexec_fn=lambda: os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT), 0))
    assert (result.returncode, result.stderr) == (2, "diplograph: -: not open for reading\n")


def test_cli_gives_one_line_per_bad_path_and_exit_2(tmp_path):
    os.mkfifo(tmp_path / "wire")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    shutil.copy(ARTICLE, tmp_path / "putin\nsays.txt")
    (tmp_path / "empty\n.txt").write_bytes(b"")
    inputs = [tmp_path / "wire", tmp_path / "loop", tmp_path / "putin\nsays.txt" / "x", tmp_path / ("x" * 300),
              tmp_path / "empty\n.txt"]
    result = run_cli(*map(str, inputs))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"diplograph: {tmp_path}/wire: a FIFO (named pipe), not a regular file (use '-' to read a pipe)",
        f"diplograph: {tmp_path}/loop: a symbolic link loop (too many levels of symbolic links)",
        f"diplograph: {tmp_path}/putin\\nsays.txt/x: not a directory (a part of the path is a file)",
        f"diplograph: {tmp_path}/{'x' * 300}: file name too long",
        f"diplograph: {tmp_path}/empty\\n.txt: empty input",
        "diplograph: 5 of 5 documents failed",
    ]
