"""``python -m govreport``: the command line (see :mod:`govreport.cli`)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":  # guarded: worker processes may import this module under spawn
    sys.exit(main())
