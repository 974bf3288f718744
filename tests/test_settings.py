"""Shipped settings load; a user's file overrides them; a typo is an error that names the file."""

import pytest

from diplograph.errors import InputError
from diplograph.settings import load_settings


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
