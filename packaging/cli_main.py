"""Entry point of the built command line (``vetting``)."""

import multiprocessing
import sys

from vetting.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
