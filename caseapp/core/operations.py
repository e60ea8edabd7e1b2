"""The one shape of every use case (learnt from Anki's CollectionOp/OpChanges).

- Inputs are typed: UUIDs or :class:`~caseapp.core.refs.Ref` values, enums, datetimes. Only the
  CLI and the GUI parse what a person typed.
- Every operation that changes the case returns an :class:`OpResult`: its value, the
  :class:`~caseapp.core.changes.Changes` a view needs to refresh, and, for edits people may want
  to take back, the :class:`Undo` that reverses it (the GUI puts these on a QUndoStack; undoing is
  itself an operation recorded in custody).
- Long operations take a :class:`Task`: one progress callable ``(done, total, label)`` and one
  :class:`CancelToken`. Cancelling keeps what was committed and nothing partial.

Thread use: operations may run on a worker thread. ``progress`` is called on that thread (the GUI
forwards it by a signal); ``CancelToken.cancel()`` may be called from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from uuid import UUID

from caseapp.core.changes import Changes
from caseapp.core.errors import Cancelled
from caseapp.core.refs import RefKind

T = TypeVar("T")

Progress = Callable[[int, int, str], None]
"""``progress(done, total, label)``: how far a long operation is, in units it names in ``label``."""


def no_progress(_done: int, _total: int, _label: str) -> None:
    """The progress callable of operations nobody watches."""


class CancelToken:
    """Asks a long operation to stop at its next safe point. Thread-safe; cannot be reset."""

    def __init__(self, poll: Callable[[], bool] | None = None) -> None:
        """``poll``: also cancelled when it answers True (e.g. a flag a signal handler sets)."""
        self._event = threading.Event()
        self._poll = poll

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or (self._poll is not None and self._poll())

    def __call__(self) -> bool:
        """The token as a plain ``() -> bool`` poll, for code that only needs to ask."""
        return self.cancelled

    def check(self, message: str = "cancelled; what was saved before stays saved") -> None:
        """Raise :class:`Cancelled` if cancellation was asked for."""
        if self.cancelled:
            raise Cancelled(message)


@dataclass(frozen=True, slots=True)
class Task:
    """How a long operation reports and is stopped."""

    progress: Progress = no_progress
    cancel: CancelToken = field(default_factory=CancelToken)


@dataclass(frozen=True, slots=True)
class Undo:
    """What reverses one change: apply it with ``RecordService.undo``.

    ``action`` is the inverse to apply (``delete``, ``restore``, ``edit``, ``untag``, ``retag``),
    ``values`` its arguments (for an edit, the old values of the fields it changed), ``undoes``
    the custody sequence number of the change, and ``description`` says in words what undoing
    does (e.g. "delete INC-3 again")."""

    action: str
    kind: RefKind
    id: UUID
    ref: str
    undoes: int
    description: str
    values: dict[str, Any] = field(default_factory=dict)
    expected: dict[str, Any] = field(default_factory=dict)
    """For an edit: the values it wrote, which the record must still hold to be set back."""


@dataclass(frozen=True, slots=True)
class OpResult(Generic[T]):
    """What an operation gives back: its value, what changed, and how to undo it (if it can be)."""

    value: T
    changes: Changes
    undo: Undo | None = None
