"""The progress line counts documents and failures, and stays silent off a terminal."""

import io

from diplograph.progress import Progress


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_silent_when_not_a_terminal():
    out = io.StringIO()
    with Progress(stream=out) as p:
        p.update()
    assert out.getvalue() == ""


def test_quiet_silences_a_terminal():
    out = _Tty()
    with Progress(stream=out, quiet=True) as p:
        p.update()
    assert out.getvalue() == ""


def test_counts_done_rate_and_failures():
    out = _Tty()
    with Progress(total=3, stream=out) as p:
        p.update()
        p.update(failed=True)
        p.update()
    assert "3/3 docs" in out.getvalue() and "1 failed" in out.getvalue() and "docs/s" in out.getvalue()
