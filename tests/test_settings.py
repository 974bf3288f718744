"""Shipped settings load; a user's file overrides them; a typo is an error that names the file."""

import dataclasses
import re
import typing

import pytest

from diplograph import settings
from diplograph.errors import InputError
from diplograph.settings import Settings, load_settings


def test_shipped_settings_load():
    s = load_settings()
    assert s.max_bytes > 1_000_000 and s.batch_size > 0 and s.allow_private is False


def test_user_file_overrides(tmp_path):
    f = tmp_path / "my.toml"
    f.write_text("max_bytes = 1000\n")
    assert load_settings(f).max_bytes == 1000


def test_unknown_key_names_file_and_key(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text("max_byte = 1000\n")
    with pytest.raises(InputError, match=r"bad.toml: unknown setting\(s\): max_byte"):
        load_settings(f)


@pytest.mark.parametrize(("line", "problem"), [
    ("batch_size = 0", "batch_size = 0: must be at least 1"),
    ('batch_size = "32"', "batch_size = '32': must be a whole number, not a string"),
    ("batch_size = 32.0", "batch_size = 32.0: must be a whole number, not a decimal number"),
    ("batch_size = true", "batch_size = true: must be a whole number, not a boolean"),
    ("allow_private = 1", "allow_private = 1: must be true or false, not a whole number"),
    ("timeout = 0", "timeout = 0: must be more than 0"),
    ("timeout = -5.0", "timeout = -5.0: must be more than 0"),
    ("timeout = inf", "timeout = inf: must be a finite number"),
    ("timeout = nan", "timeout = nan: must be a finite number"),
    ("timeout = 1e300", "timeout = 1e+300: must be at most 86400"),
    ("max_bytes = 0", "max_bytes = 0: must be at least 1"),
    ("workers = -1", "workers = -1: must be at least 0"),
    ("workers = 10000", "workers = 10000: must be at most"),
    ("min_text_chars = -1", "min_text_chars = -1: must be at least 0"),
    ('user_agent = ""', "user_agent = '': must not be empty"),
    ('user_agent = "bot\\r\\nX-Injected: 1"', "user_agent = 'bot\\r\\nX-Injected: 1': must not hold control"),
    ("user_agent = 7", "user_agent = 7: must be a string, not a whole number"),
    ("link_published_tolerance_days = -1", "link_published_tolerance_days = -1: must be at least 0"),
    ("link_published_tolerance_days = 31", "link_published_tolerance_days = 31: must be at most 30"),
    ("link_stated_tolerance_days = 1.5", "link_stated_tolerance_days = 1.5: must be a whole number"),
    ("link_bare_domestic = 1", "link_bare_domestic = 1: must be true or false"),
    ('link_territories_as_sovereigns = "yes"', "link_territories_as_sovereigns = 'yes': must be true or false"),
    ("link_named_actors = 0", "link_named_actors = 0: must be true or false"),
])
def test_bad_value_names_file_key_and_problem(tmp_path, line, problem):
    f = tmp_path / "my.toml"
    f.write_text(line + "\n")
    with pytest.raises(InputError) as error:
        load_settings(f)
    assert str(error.value).startswith(f"{f}: {problem}"), str(error.value)
    assert "\n" not in str(error.value)


def test_good_edge_values_load(tmp_path):
    f = tmp_path / "my.toml"
    f.write_text("batch_size = 1\ntimeout = 5\nmax_bytes = 1\nworkers = 0\nmin_text_chars = 0\n")
    s = load_settings(f)
    assert (s.batch_size, s.timeout, s.max_bytes, s.workers, s.min_text_chars) == (1, 5, 1, 0, 0)


def test_overrides_are_checked_like_a_file():
    with pytest.raises(InputError, match="workers = 100000: must be at most"):
        load_settings().with_overrides(workers=100_000)
    with pytest.raises(InputError, match="batch_size = 0: must be at least 1"):
        load_settings().with_overrides(batch_size=0)


def test_shipped_file_is_checked_too(monkeypatch):
    real = settings.shipped_text
    monkeypatch.setattr(settings, "shipped_text", lambda name: real(name).replace("batch_size = 32", "batch_size = 0"))
    with pytest.raises(InputError, match=r"diplograph/data/settings.toml: batch_size = 0: must be at least 1"):
        load_settings()


def test_every_field_has_its_type_checked():
    wrong = {bool: "yes", int: "1", float: "1.5", str: 1}
    hints = typing.get_type_hints(Settings)
    for f in dataclasses.fields(Settings):
        assert settings.setting_problem(f.name, wrong[hints[f.name]]) is not None, f.name
        assert settings.setting_problem(f.name, getattr(load_settings(), f.name)) is None, f.name


def test_a_new_field_is_checked_without_being_listed(tmp_path, monkeypatch):
    """A key added later (a per-document budget: float seconds, int megabytes) is checked by its type,
    and as a number must be finite and not negative, with no entry in LIMITS."""

    @dataclasses.dataclass(frozen=True)
    class Budgeted(Settings):
        document_seconds: float = 60.0
        document_megabytes: int = 2000

    monkeypatch.setattr(settings, "Settings", Budgeted)
    assert "document_seconds" not in settings.LIMITS
    f = tmp_path / "my.toml"
    for line, problem in [("document_seconds = -1.0", "document_seconds = -1.0: must be at least 0"),
                          ('document_seconds = "60"', "must be a number, not a string"),
                          ("document_seconds = nan", "must be a finite number"),
                          ("document_megabytes = 1.5", "document_megabytes = 1.5: must be a whole number")]:
        f.write_text(line + "\n")
        with pytest.raises(InputError, match=re.escape(problem)):
            load_settings(f)
    f.write_text("document_seconds = 2\ndocument_megabytes = 500\n")
    loaded = load_settings(f)
    assert (loaded.document_seconds, loaded.document_megabytes) == (2, 500)
    monkeypatch.setitem(settings.LIMITS, "document_seconds", settings.Limit(least=0, above=True))
    f.write_text("document_seconds = 0.0\n")
    with pytest.raises(InputError, match=r"document_seconds = 0\.0: must be more than 0"):
        load_settings(f)
