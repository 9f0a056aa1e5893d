"""Every corpus test runs with the network switched off: loading must never open a socket."""

import socket
from collections.abc import Iterator

import pytest


class _NoSocket(socket.socket):
    """A socket class that refuses to be created."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("vndgaf tried to open a network socket")


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("vndgaf tried to reach the network")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """socket.socket, create_connection and getaddrinfo raise for the duration of a test."""
    monkeypatch.setattr(socket, "socket", _NoSocket)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield
