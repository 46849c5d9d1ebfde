"""Tests for dashboard.parse.lists: bare numerals take the unit of their list."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures


def _read(text):
    return [(f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordination: "N and M <unit>", with adjectives or owners between
        ("The two labs ordered 40,000 and 25,000 GPUs respectively.", [(40000.0, "gpu"), (25000.0, "gpu")]),
        ("The region has 120 existing and 45 planned data centers.", [(120.0, "datacenter"), (45.0, "datacenter")]),
        ("Acme's 30,000 and Zenith's 20,000 GPUs arrive in May.", [(30000.0, "gpu"), (20000.0, "gpu")]),
        ("The three plants will add 1,500, 2,000 and 2,500 jobs.", [(1500.0, "employee"), (2000.0, "employee"), (2500.0, "employee")]),
        # a number before a power figure describing data centres counts them
        ("The operator plans two 150 MW data centres near the port.", [(2.0, "datacenter"), (150.0, "MW")]),
        ("Builders signed for three 40MW Helios data centers.", [(3.0, "datacenter"), (40.0, "MW")]),
        # a currency carried to later scaled numbers of the sentence
        (
            "Firm A pledged 12.5 billion ringgit, while Firm B pledged 3.2 billion and Firm C 1.1 billion.",
            [(12.5e9, "MYR"), (3.2e9, "MYR"), (1.1e9, "MYR")],
        ),
        ("The plan costs 40 billion euros, of which the state pays around ten billion.", [(40e9, "EUR"), (10e9, "EUR")]),
        # a counter carried backwards from a later GPU count of the sentence
        ("정부와 삼성에 각각 4만 장, 카카오에는 7만 장의 GPU를 준다.", [(40000.0, "gpu"), (70000.0, "gpu")]),
    ],
)
def test_list_members_share_the_unit(text, expected):
    """Every member of the list is a figure with the list's unit."""
    assert _read(text) == expected


def test_carried_number_keeps_its_approximation_word():
    """"around ten billion" takes the currency and stays approximate."""
    figs = extract_figures("The budget is 8 billion euros, of which around two billion is state aid.")
    assert [(f.value, f.unit, f.approx) for f in figs] == [(8e9, "EUR", False), (2e9, "EUR", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2025 and 2026, 3,000 GPUs arrived.", [(3000.0, "gpu")]),  # years are no list members
        ("It raised $5 billion and reached 1.2 billion users.", [(5e9, "USD")]),  # a noun follows
        ("Revenue was $3 billion. Analysts expect 4 billion next year.", [(3e9, "USD")]),  # another sentence
        ("The firm shipped 3 and 40,000 GPUs.", [(40000.0, "gpu")]),  # sizes too far apart
        ("It has 3 and 4 plants and 12 data centers.", [(12.0, "datacenter")]),  # not joined to the count
    ],
)
def test_not_list_members(text, expected):
    """Years, numbers followed by a noun, another sentence or very different sizes stay bare."""
    assert _read(text) == expected
