"""`caseapp quarantine list|purge`: the quarantine can be seen and emptied, with a custody entry."""

from __future__ import annotations

import json
from pathlib import Path

from caseapp.app.case_folder import open_case
from tests.conftest import PASSPHRASE


def _case_with_quarantine(make_case, count: int = 2) -> Path:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    for index in range(count):
        case.blobs.put_bytes(f"orphan {index}".encode())  # an import interrupted before its commit
    case.close()
    with open_case(case.folder, passphrase=PASSPHRASE) as again:
        assert len(again.blobs.quarantined()) == count
    return case.folder


def test_list_and_purge_with_custody_entry(make_case, cli) -> None:  # type: ignore[no-untyped-def]
    folder = _case_with_quarantine(make_case)
    c = ("--case", str(folder))
    listed = cli("quarantine", "list", "--json", *c, passphrase=PASSPHRASE)
    assert listed.code == 0, listed.err
    files = json.loads(listed.out)["files"]
    assert len(files) == 2 and all(f["name"].endswith(".age") and f["size"] > 0 for f in files)
    total = sum(f["size"] for f in files)
    assert "2 encrypted file(s)" in cli("quarantine", "list", *c, passphrase=PASSPHRASE).out

    refused = cli("quarantine", "purge", *c, passphrase=PASSPHRASE)  # no terminal: --yes is needed
    assert refused.code == 1 and "--yes" in refused.err
    assert len(list((folder / "blobs" / "quarantine").iterdir())) == 2

    purged = cli("quarantine", "purge", "--yes", *c, passphrase=PASSPHRASE)
    assert purged.code == 0, purged.err
    assert "Deleted 2" in purged.out and "SSD" in purged.out
    assert list((folder / "blobs" / "quarantine").iterdir()) == []
    entries = json.loads(cli("log", "--json", *c, passphrase=PASSPHRASE).out)
    purge = [e for e in entries if e["action"] == "blobs.purge"]
    assert len(purge) == 1 and purge[0]["details"] == {"count": 2, "bytes": total}
    assert cli("verify", *c, passphrase=PASSPHRASE).code == 0
    assert json.loads(cli("quarantine", "list", "--json", *c, passphrase=PASSPHRASE).out)["files"] == []


def test_purge_of_an_empty_quarantine_records_nothing(make_case, cli) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.close()
    c = ("--case", str(case.folder))
    before = len(json.loads(cli("log", "--json", *c, passphrase=PASSPHRASE).out))
    result = cli("quarantine", "purge", "--yes", *c, passphrase=PASSPHRASE)
    assert result.code == 0 and "empty" in result.out
    assert len(json.loads(cli("log", "--json", *c, passphrase=PASSPHRASE).out)) == before
