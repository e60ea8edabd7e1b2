"""A real case folder holding many exhibits, filled by raw inserts (seconds, not hours of imports).

Used by the GUI benchmark and by the GUI test of the exhibits table over 100 000 rows. The case is
created through the application (keyslots, schema, custody genesis); its exhibits, tags, links and
full-text rows are then inserted through its key as ``bench.store`` does; the image exhibits are
marked JPEG, so the table asks for their thumbnails (they have no file: each gets a placeholder).
"""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import text

from bench.store import populate
from caseapp.app.case_folder import create_case
from caseapp.secrets.keyslots import STRONG_ARGON2, Argon2Params
from caseapp.storage.engine import make_engine

SEED = 7


def build_case(folder: Path, passphrase: str, exhibits: int, *, kdf: Argon2Params = STRONG_ARGON2) -> Path:
    """Create the case ``folder`` and fill it with ``exhibits`` exhibits; return the folder."""
    case, _code = create_case(folder, passphrase, kdf=kdf, actor="bench")
    key = case.data_key()
    case.close()
    engine = make_engine(folder / "case.db", key)
    try:
        populate(engine, random.Random(SEED), exhibits)
        with engine.begin() as connection:  # pictures for the table's thumbnails (no file: a placeholder each)
            connection.execute(text("UPDATE exhibits SET mime = 'image/jpeg' WHERE kind = 'image'"))
    finally:
        engine.dispose()
    return folder
