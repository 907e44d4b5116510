"""``python -m armswatch``: the same command as ``armswatch`` (how ``armswatch run`` starts its workers)."""

from armswatch.cli import main

main()
