"""Ctrl-C during an import: the first asks to stop after the current file, the second stops at once."""

from __future__ import annotations

import os
import signal

import pytest

from caseapp.cli.evidence_commands import _FirstInterruptCancels


def test_first_interrupt_requests_a_clean_stop_and_the_second_stops_now() -> None:
    before = signal.getsignal(signal.SIGINT)
    with _FirstInterruptCancels() as stop:
        assert not stop.asked and not stop.token.cancelled
        os.kill(os.getpid(), signal.SIGINT)
        assert stop.asked and stop.token.cancelled
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is before
