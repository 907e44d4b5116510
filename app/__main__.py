"""``python -m app``: the same command as ``armswatch`` (how ``armswatch run`` starts its workers)."""

from app.cli import main
from app.supervisor import die_with_supervisor

die_with_supervisor()
main()
