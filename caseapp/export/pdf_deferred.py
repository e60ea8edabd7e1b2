"""What a page shows but only the end of the layout knows: the page total of "page x / y" and the
page numbers of the table of contents.

Instead of laying the whole document out again once those numbers are known (reportlab's
``multiBuild``), the page draws a named form XObject where the number goes, and
:class:`DeferredCanvas` defines every such form when it saves the document, with the final
numbers. A PDF may use a form before the file defines it; viewers and text extractors see the
form's text in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

Draw = Callable[[Canvas, int], None]
"""Draws a deferred form's content on the canvas, given the document's final page total."""

_REACH = 10_000  # forms are drawn in their page's (or paragraph's) coordinates: a bounding box around it all


class DeferredCanvas(Canvas):  # type: ignore[misc]
    """A canvas whose :meth:`defer` leaves a placeholder for content drawn when the document is saved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[tuple[str, Draw]] = []
        self._names: set[str] = set()

    def defer(self, name: str, draw: Draw) -> None:
        """Draw the form ``name`` here, in the current coordinates; ``draw`` fills it in at save time
        (the first ``draw`` given for a name)."""
        self.doForm(name)
        if name not in self._names:
            self._names.add(name)
            self._deferred.append((name, draw))

    def save(self) -> None:
        if self._code:
            self.showPage()
        pages = self.getPageNumber() - 1  # every page has been shown
        for name, draw in self._deferred:
            self.beginForm(name, -_REACH, -_REACH, _REACH, _REACH)
            draw(self, pages)
            self.endForm()
        super().save()
