"""The closed vocabularies: every Literal value has a description, and every description a value."""

from __future__ import annotations

import typing

import pytest

from rightskit.model import vocabulary as v
from rightskit.model.assessment import Measure

PAIRS = [
    (v.MeasureKind, v.MEASURE_KINDS), (v.DataCategory, v.DATA_CATEGORIES), (v.Purpose, v.PURPOSES),
    (v.Authoriser, v.AUTHORISERS), (v.Mode, v.MODES), (v.Method, v.METHODS), (v.Force, v.FORCES),
    (v.Reliability, v.RELIABILITIES),
]


@pytest.mark.parametrize(("literal", "table"), PAIRS)
def test_every_value_is_described(literal: object, table: dict[str, str]) -> None:
    assert list(typing.get_args(literal)) == list(table)
    assert all(text.strip().endswith(".") for text in table.values())


def test_the_vocabulary_real_regimes_need() -> None:
    # Issue 15, item 9: the categories, kinds, purposes and authorisers found encoding real judgments.
    assert {"pnr-data", "biometric-data", "ip-address", "subscriber-data", "location-data",
            "special-categories"} <= set(v.DATA_CATEGORIES)
    assert {"analysis", "transfer", "access", "interception", "publication", "retention",
            "filtering"} <= set(v.MEASURE_KINDS)
    assert {"national-security", "serious-crime", "crime", "public-security", "commercial"} <= set(v.PURPOSES)
    assert set(v.AUTHORISERS) == {"court", "independent-authority", "prosecutor", "executive", "none"}
    for name in ("purposes", "authorised_by", "onward_transfer", "third_country_access"):
        assert Measure.model_fields[name].description
