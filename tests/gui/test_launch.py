"""`caseapp` with no arguments opens the window; without a display it says so and exits 1."""

from __future__ import annotations

import pytest

from caseapp.launch import main


def test_no_display_gives_a_plain_message_and_exit_code_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "cannot open the desktop window" in err and "caseapp --help" in err
    assert "Traceback" not in err


def test_arguments_still_run_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    assert "usage: caseapp" in capsys.readouterr().out
