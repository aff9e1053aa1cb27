"""The secrets are read once per process: st.secrets searched for its files on every access."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st

from components import store


class _CountingSecrets:
    def __init__(self, values: dict[str, object] | None) -> None:
        self.values = values
        self.reads = 0

    def get(self, name: str) -> object:
        self.reads += 1
        if self.values is None:
            raise FileNotFoundError("no secrets.toml")
        return self.values.get(name)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    store.secret.cache_clear()
    yield
    store.secret.cache_clear()


def test_a_secret_is_read_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = _CountingSecrets({"database_url": "postgresql://db/ketendialoog"})
    monkeypatch.setattr(st, "secrets", secrets)
    monkeypatch.delenv("KETENDIALOOG_DATABASE_URL", raising=False)
    assert [store.database_url() for _ in range(50)] == ["postgresql://db/ketendialoog"] * 50
    assert secrets.reads == 1


def test_no_secrets_file_is_looked_for_once(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = _CountingSecrets(None)
    monkeypatch.setattr(st, "secrets", secrets)
    monkeypatch.delenv("KETENDIALOOG_DATABASE_URL", raising=False)
    assert {store.database_url() for _ in range(50)} == {store.resolve_url({}, None)}
    assert store.resolve_url({}, None).startswith("sqlite:///")
    assert secrets.reads == 1


def test_the_environment_still_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(st, "secrets", _CountingSecrets({"database_url": "postgresql://secret/db"}))
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", "sqlite:////tmp/uit-env.sqlite")
    assert store.database_url() == "sqlite:////tmp/uit-env.sqlite"
