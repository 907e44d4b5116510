"""The dashboards stage's declaration: Kibana saved objects, installed on demand (no worker)."""

from __future__ import annotations

from armswatch.stagespec import StageSpec
from dashboards.cli import commands

STAGE = StageSpec(name="dashboards", commands=commands)
