"""Who is acting: the name the custody log records (light to import: the unlock window uses it)."""

from __future__ import annotations

import getpass
import os

from caseapp.core.text import clean_text


def default_actor() -> str:
    """Who is acting: $CASEAPP_ACTOR if set, else the operating-system account name."""
    from_env = os.environ.get("CASEAPP_ACTOR")
    name = from_env or getpass.getuser()
    return clean_text(name, field="$CASEAPP_ACTOR" if from_env else "the account name", max_length=200) or "unknown"
