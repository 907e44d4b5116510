"""``python -m app``: the same command as ``armswatch`` (how ``armswatch run`` starts its workers)."""

from app.cli import main

main()
