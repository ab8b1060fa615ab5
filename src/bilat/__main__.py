"""``python -m bilat``: the same command line as the ``bilat`` script (see :mod:`bilat.cli`)."""

from __future__ import annotations

import sys

from bilat.cli import main

if __name__ == "__main__":
    sys.exit(main())
