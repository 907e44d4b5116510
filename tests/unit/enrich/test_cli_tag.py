"""``armswatch tag`` shows what the evidence states of a transfer's quantity and value."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from app.cli import app

TEXT = "Pyongyang has shipped more than a million artillery shells to Moscow under a $1.5bn deal."


def test_tag_shows_quantity_and_value() -> None:
    readable = CliRunner().invoke(app, ["tag", "--text", TEXT])
    assert readable.exit_code == 0, readable.output
    assert "artillery shells · ~1,000,000 · USD 1.5 billion" in " ".join(readable.output.split())
    scripted = CliRunner().invoke(app, ["tag", "--text", TEXT, "--json"])
    (transfer,) = json.loads(scripted.output)["transfers"]
    assert transfer["quantity"] == {"value": 1_000_000, "approximate": True}
    assert transfer["value"] == {"amount": 1.5e9, "currency": "USD"}
