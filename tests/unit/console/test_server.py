"""Starting the console: refusals happen before anything runs."""

from __future__ import annotations

import socket

import pytest

from app.console.security import BindRefused
from app.console.server import address, start
from armswatch.config import load_settings


def test_start_refuses_a_taken_port_at_once() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match="is taken"):
            start(load_settings(), "127.0.0.1", port, None, wait=False)


def test_start_refuses_another_address_without_a_token() -> None:
    with pytest.raises(BindRefused):
        start(load_settings(), "0.0.0.0", 0, None, wait=False)


def test_address_shows_where_to_open_it() -> None:
    assert address("0.0.0.0", 8765) == "http://127.0.0.1:8765/"
    assert address("::1", 80) == "http://[::1]:80/"
