"""Run the command line: `python -m incubator --help`."""

import sys

from incubator.cli import main

sys.exit(main())
