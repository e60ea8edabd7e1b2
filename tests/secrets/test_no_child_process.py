"""No child process is ever started while a secret is in reach (issue 13.8).

The CLI runs in a fresh interpreter (so keyring discovers its backends as it would for a user) with
an audit hook that records every attempt to start a program, and with a PATH whose compilers and
linkers only leave a marker: `keyring`'s macOS backend used to run ldconfig, gcc, collect2 and ld
through ``ctypes.util.find_library`` on Linux, with $CASEAPP_PASSPHRASE in their environment.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from caseapp.cli import unlock
from tests.conftest import PASSPHRASE

_RUNNER = """
import json, os, sys
spawned = []
def hook(event, args):
    if event in ("subprocess.Popen", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty"):
        spawned.append([event, repr(args[:2])])
sys.addaudithook(hook)
from caseapp.cli.main import main
code = main(sys.argv[2:])
secrets = [n for n in ("CASEAPP_PASSPHRASE", "CASEAPP_NEW_PASSPHRASE", "CASEAPP_RECOVERY_CODE") if n in os.environ]
with open(sys.argv[1], "w") as report:
    json.dump({"code": code, "spawned": spawned, "secrets_left": secrets}, report)
"""


def _fake_tools(folder: Path, marker: Path) -> Path:
    folder.mkdir()
    for name in ("gcc", "cc", "collect2", "ld", "ldconfig", "objdump"):
        tool = folder / name
        tool.write_text(f'#!/bin/sh\necho "{name}" >> "{marker}"\nexit 1\n')
        tool.chmod(0o700)
    return folder


def _run(tmp_path: Path, *args: str, env: dict[str, str]) -> dict[str, object]:
    marker = tmp_path / "spawned.txt"
    tools = _fake_tools(tmp_path / "tools", marker)
    report = tmp_path / "report.json"
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CASEAPP_", "DBUS_", "PYTHON_KEYRING"))}
    environment.update(env, PATH=str(tools), CASEAPP_ACTOR="tester", PYTHONPATH=str(Path.cwd()))
    subprocess.run(
        [sys.executable, "-c", _RUNNER, str(report), *args], env=environment, check=True, capture_output=True
    )
    result: dict[str, object] = json.loads(report.read_text())
    assert not marker.exists(), f"a compiler or linker was started: {marker.read_text()}"
    return result


@pytest.mark.parametrize("command", [["info"], ["keyring", "status"], ["person", "list"]])
def test_cli_starts_no_program_and_drops_the_passphrase(make_case, tmp_path: Path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    case, _code = make_case()
    case.close()
    result = _run(tmp_path, *command, "--case", str(case.folder), env={"CASEAPP_PASSPHRASE": PASSPHRASE})
    assert result["code"] == 0
    assert result["spawned"] == []
    if command != ["keyring", "status"]:  # status needs no passphrase and never reads it
        assert result["secrets_left"] == []


def test_passwd_drops_both_passphrases_from_the_environment(make_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, _code = make_case()
    case.close()
    env = {"CASEAPP_PASSPHRASE": PASSPHRASE, "CASEAPP_NEW_PASSPHRASE": "another long passphrase"}
    result = _run(tmp_path, "passwd", "--case", str(case.folder), env=env)
    assert result == {"code": 0, "spawned": [], "secrets_left": []}


@pytest.mark.parametrize(
    ("name", "read"),
    [
        (unlock.PASSPHRASE_ENV, lambda args: unlock.given_passphrase(args)),
        (
            unlock.NEW_PASSPHRASE_ENV,
            lambda args: unlock.new_passphrase(args, file_attr="new_passphrase_file", env=unlock.NEW_PASSPHRASE_ENV),
        ),
        (unlock.RECOVERY_ENV, lambda args: unlock.recovery_code(args)),
    ],
)
def test_a_secret_read_from_the_environment_leaves_it(monkeypatch: pytest.MonkeyPatch, name: str, read) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(name, "a secret long enough to use")
    assert read(argparse.Namespace()) == "a secret long enough to use"
    assert name not in os.environ


def test_passwd_without_a_new_passphrase_says_what_is_needed(cli, make_case) -> None:  # type: ignore[no-untyped-def]
    case, _code = make_case()
    case.close()
    result = cli("passwd", "--case", str(case.folder), passphrase=PASSPHRASE)
    assert result.code == 1
    assert "locked" not in result.err
    assert "a new passphrase is needed" in result.err
    assert "--new-passphrase-file" in result.err and "$CASEAPP_NEW_PASSPHRASE" in result.err
