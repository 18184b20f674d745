"""``python -m rightskit``."""

from .cli import run

run()
