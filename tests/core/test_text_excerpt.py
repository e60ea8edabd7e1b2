"""An excerpt of extracted text as the GUI makes it from a selection: the stored text's own indexes,
the words quoted (one space between them, no control or bidi embedding characters), and refusals
that say what to do."""

from __future__ import annotations

import pytest

from caseapp.core.analysis import Excerpt, parse_excerpt, text_excerpt
from caseapp.core.errors import ValidationError

TEXT = "قال الشاهد:\r\n\u202bرأيت الضربة\u202c   على المستشفى.\tEnd"


def test_the_quote_is_the_selected_words_and_the_range_is_the_stored_texts() -> None:
    start = TEXT.index("الشاهد")
    end = TEXT.index("المستشفى") + len("المستشفى")
    excerpt = text_excerpt(TEXT, start, end)
    assert (excerpt.char_start, excerpt.char_end) == (start, end)
    assert excerpt.quote == "الشاهد: رأيت الضربة على المستشفى"
    assert excerpt.describe() == f"characters {start}-{end}"
    assert Excerpt.from_json(excerpt.to_json()) == excerpt
    # the command line's form of the same excerpt gives the same stored value
    assert parse_excerpt(f"chars={start}-{end};quote={excerpt.quote}") == excerpt


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (3, 3, "not inside the extracted text"),
        (0, len(TEXT) + 1, "not inside the extracted text"),
        (TEXT.index("\r"), TEXT.index("\r") + 2, "holds no words"),
    ],
)
def test_an_empty_or_outside_selection_is_refused(start: int, end: int, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        text_excerpt(TEXT, start, end)


def test_a_selection_too_long_to_quote_is_refused_with_the_limit() -> None:
    long_text = "كلمة " * 3000
    with pytest.raises(ValidationError, match="quote at most 10,000"):
        text_excerpt(long_text, 0, len(long_text))


def test_a_region_excerpt_stored_before_keeps_its_meaning() -> None:
    stored = '{"page": 2, "region": [10, 20, 200, 100]}'  # as the command line has always stored it
    assert Excerpt.from_json(stored) == Excerpt(page=2, region=(10, 20, 200, 100))
    assert Excerpt(page=2, region=(10, 20, 200, 100)).to_json() == stored
