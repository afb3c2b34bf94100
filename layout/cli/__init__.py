"""The `newsprint` command (see app.py); the last stage: it may import every other one, and
only it prints.  One module a command, each adding its own subparser; the shared steps are
in load (edition + makeup), report (diagnostics, --json), paths, copyfit, proof, progress."""
from layout.cli.app import main, run

__all__ = ["main", "run"]
