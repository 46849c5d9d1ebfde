"""``python -m dashboard`` runs the CLI."""
import sys

from dashboard.cli import main

sys.exit(main())
