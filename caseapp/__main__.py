"""`python -m caseapp` runs the same entry point as the `caseapp` command (no arguments: the window)."""

from caseapp.launch import main

raise SystemExit(main())
