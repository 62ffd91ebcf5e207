"""Entry point of the built desktop program (``vetting-workbench``)."""

import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
