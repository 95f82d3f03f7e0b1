"""`python -m cmdesk`: the core's commands (no window), in a protected process like the `cmdesk` command."""

import sys

from cmdesk.cli import main
from cmdesk.store.memory import protect_process

protect_process()
sys.exit(main())
