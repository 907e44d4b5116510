"""The `armswatch` commands of the dashboards stage."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the `armswatch` command."""
