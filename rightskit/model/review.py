"""The review of an assessment: each finding's review record, the sign-off and the action plan.

A review file sits beside the assessment (``<folder>/review.yaml``, or ``x.review.yaml`` beside a
single-file ``x.yaml`` / ``x.py``) and refers to what the engine concluded by stable ids: finding ids
(``<measure>/<step>/<suffix>``, listed in the report's trace) and action ids (the finding id of a
condition or good practice, or ``<measure>/add/<safeguard type>`` for an amendment). It is not an
input of the evaluation: the provenance hash the sign-off names covers the assessment and frameworks
only, so signing a report does not change the version it signs.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import ShortText, StrictModel, Text

ReviewStatus = Literal["open", "accepted", "disputed", "needs-evidence"]
#: What a reviewer may hold a finding's status to be: a status of the engine, or 'accepted-risk' (the
#: failure stands, and the risk is accepted as a condition the action plan must meet).
OverrideStatus = Literal["satisfied", "accepted-risk", "concern", "not-satisfied", "undetermined"]
#: A SHA-256 digest in hex, as the report's title block gives it ('Inputs (SHA-256)').
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
#: A finding id or an action id, as the report lists it.
ResultId = Annotated[str, StringConstraints(min_length=1, max_length=600)]


class Override(StrictModel):
    """The reviewer's view of a finding's status, with reasons; the verdict is recomputed from it."""

    status: OverrideStatus = Field(
        description="The status the reviewer holds: satisfied, concern, not-satisfied, undetermined, or "
        "accepted-risk (the failure is accepted as a condition). A structural ground cannot be accepted as "
        "a risk (docs/review.md).")
    reasons: list[Text] = Field(min_length=1, description="Why the reviewer departs from the engine: one or "
                                "more reasons, each a sentence.")


class FindingReview(StrictModel):
    """A reviewer's record of one finding."""

    status: ReviewStatus = Field(description="open, accepted, disputed or needs-evidence.")
    reviewer: ShortText = Field(description="Who reviewed it, e.g. 'A. Reviewer (DPO)'.")
    date: dt.date = Field(description="When it was reviewed (YYYY-MM-DD).")
    comment: Text = Field(default="", description="What the reviewer says about it.")
    override: Override | None = Field(
        default=None, description="The reviewer's status for the finding, when it differs from the engine's.")


class SignOff(StrictModel):
    """Who signed the assessment off, in which role, when, and for which version of the inputs."""

    by: ShortText = Field(description="Who signs off, e.g. 'C. Counsel'.")
    role: ShortText = Field(description="In which role, e.g. 'Legal adviser' or 'Data protection officer'.")
    date: dt.date = Field(description="When (YYYY-MM-DD).")
    inputs: Sha256 = Field(description="The provenance hash of the inputs signed off: the 'Inputs (SHA-256)' "
                           "value of the report's title block (or 'input_hash' in results.json).")
    comment: Text = Field(default="", description="What the sign-off covers or reserves.")


class Action(StrictModel):
    """Who carries out one condition or amendment of the action plan, and by when."""

    owner: ShortText = Field(description="Who is responsible, e.g. 'Policy unit'.")
    due: dt.date = Field(description="When it is due (YYYY-MM-DD).")
    comment: Text = Field(default="", description="How it is to be done, or where it stands.")


class Review(StrictModel):
    """A review file: finding records, the sign-off and the action plan, keyed by the report's ids."""

    findings: dict[ResultId, FindingReview] = Field(
        default_factory=dict, description="Finding id (the 'Id' column of the report's trace) → its review.")
    sign_off: SignOff | None = Field(default=None, description="The sign-off; the report says 'not signed off' "
                                     "without it.")
    actions: dict[ResultId, Action] = Field(
        default_factory=dict, description="Action id (the 'Id' column of the report's action plan) → owner and "
        "due date.")


__all__ = ["Action", "FindingReview", "Override", "OverrideStatus", "Review", "ReviewStatus", "SignOff"]
