"""`python -m caseapp` runs the same entry point as the `caseapp` command."""

from caseapp.cli.main import main

raise SystemExit(main())
