"""Part sizes as people type them, how groups are packed into parts, and which bag paths are refused."""

from __future__ import annotations

import pytest

from caseapp.core.errors import ValidationError
from caseapp.export.bag_parts import BagFile, Group, parse_size, plan_parts


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("500M", 500_000_000),
        ("2G", 2_000_000_000),
        ("1.5GiB", 1_610_612_736),
        ("1048576", 1_048_576),
        ("10 kb", 10_000),
    ],
)
def test_part_sizes_read_as_typed(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["lots", "-5M", "0", "5X", ""])
def test_a_size_that_is_not_one_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValidationError, match=r"500M|less than one byte"):
        parse_size(text)


def _group(*sizes: int) -> Group:
    return Group(tuple(BagFile.of_bytes(f"data/f{i}-{s}", b"x" * s) for i, s in enumerate(sizes)))


def test_groups_fill_parts_in_order_and_an_oversize_one_gets_its_own() -> None:
    groups = [_group(40), _group(50), _group(30), _group(250), _group(10)]
    plans = plan_parts(groups, 100)
    assert [[g.size for g in p.groups] for p in plans] == [[40, 50], [30], [250], [10]]
    assert [p.oversize for p in plans] == [False, False, True, False]
    assert len(plan_parts(groups, None)) == 1


@pytest.mark.parametrize(
    "path", ["evidence/x", "data/../x", "data/a%20b", "data/a\\b", "data/a\nb", "data/", "data//x"]
)
def test_paths_that_manifests_would_read_differently_are_refused(path: str) -> None:
    with pytest.raises(ValueError, match="safe payload path"):
        BagFile.of_bytes(path, b"")
