from __future__ import annotations

import pytest

from enrich.tagger import Tagger


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    """One tagger for the whole run: the spaCy pipelines load once."""
    return Tagger()
