"""``python -m vetting.screening``: the ``vetting screen`` subcommand on its own."""

import sys

from vetting.screening.cli import main

sys.exit(main())
