"""The accuracy benchmark's matching of proposals to labels (benchmarks/unseen_eval.py), on real
labels of the development half: a proposal that makes the labelled calculation with other
figures of the same change counts, one that does not make it does not."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unseen_eval", ROOT / "benchmarks" / "unseen_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["unseen_eval"] = module
    spec.loader.exec_module(module)
    return module


def _labels(scorer: ModuleType, file: str, page: int) -> list:
    split, labels = scorer.read_labels()
    assert split[Path(file).stem] == "dev"
    return [lab for lab in labels if lab.file == file and lab.page == page and lab.kind == "relation"]


def _result(stated: str, inputs: list[str], page: int) -> dict:
    return {"id": "rel_x", "stated_text": stated, "location": {"page": page}, "verdict": "rounding",
            "inputs": [{"name": f"x{k}", "stated_text": text} for k, text in enumerate(inputs)]}


def _hits(scorer: ModuleType, labels: list, result: dict) -> list[str]:
    return [lab.target for lab in labels
            if scorer._matches(lab, result) or scorer._matches_through(lab, result, labels)]


def test_a_share_of_the_change_checked_from_both_levels_is_the_labelled_share(scorer: ModuleType) -> None:
    # "spent R65.9 million against an allocation of R76.2 million. Spending is R10.3 million or
    # 13.5 per cent lower than projected": labelled 13.5 per cent = 10.3 / 76.2
    labels = _labels(scorer, "docs/enhvk-01.pdf", 7)
    assert _hits(scorer, labels, _result("13.5 per cent", ["R65.9 million", "R76.2 million"], 7)) == ["13.5 per cent"]
    # the same figures do not make another page's or another figure's calculation
    assert _hits(scorer, labels, _result("13.4 per cent", ["R65.9 million", "R76.2 million"], 7)) == []
    assert _hits(scorer, labels, _result("13.5 per cent", ["R65.9 million", "R72.2 million"], 7)) == []


def test_a_rate_from_the_change_and_the_new_level_is_the_labelled_growth(scorer: ModuleType) -> None:
    # "$564,475,000, a $89,475,000 (18.8 percent) increase above FY 2023 Enacted": labelled with
    # the table's FY 2023 and FY 2025 figures in $K, checked from the sentence's two amounts
    labels = _labels(scorer, "docs/engen-01.pdf", 4)
    assert _hits(scorer, labels, _result("18.8 percent", ["$564,475,000", "$89,475,000"], 4)) == ["18.8 percent"]
    # a rate is not the change itself
    assert "$89,475,000" not in _hits(scorer, labels, _result("18.8 percent", ["$564,475,000", "$89,475,000"], 4))


def test_an_input_printed_rounded_in_the_text_and_whole_in_a_table_matches(scorer: ModuleType) -> None:
    # "Operating income ... was $45.4 million, an increase of $6.5 million": labelled with the text's
    # $45.4 million and the table's 38,903 (thousands); checked from the table row's 45,439 and 38,903
    labels = _labels(scorer, "docs/enwvm-01.pdf", 5)
    assert _hits(scorer, labels, _result("$6.5 million", ["45,439", "38,903"], 5)) == ["$6.5 million"]
    assert _hits(scorer, labels, _result("$6.5 million", ["45,639", "38,903"], 5)) == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("$6,051.7 million", "$ 6,051,679", True),
    ("$564,475,000", "564,475", True),
    ("45.4", "45,449", True),
    ("45.4", "45,451", False),
    ("12", "12,049", False),  # two significant digits say too little
])
def test_a_figure_rounded_at_another_scale(scorer: ModuleType, a: str, b: str, same: bool) -> None:
    assert scorer._rounds_to(a, b) is same
