"""`python -m cmdesk` is the same as the `cmdesk` command."""

import sys

from cmdesk.cli import main

sys.exit(main())
