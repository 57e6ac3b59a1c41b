"""``python -m scripts.loadtest``: the load test's command line (``cli.main``)."""

import sys

from scripts.loadtest.cli import main

if __name__ == "__main__":
    sys.exit(main())
