"""Sources, citations and sourced estimates: how every judgement traces back to a document."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, HttpUrl, field_validator, model_validator

from .base import LocalId, Ref, ShortText, StrictModel, Text

SourceKind = Literal[
    "act", "proposal", "judgment", "opinion", "report", "study", "guidelines", "press", "letter", "web", "dataset",
    "other",
]

ECLI_PATTERN = r"^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Za-z0-9.]{1,25}$"
CELEX_PATTERN = r"^[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z()_/.-]{1,20}$"
APPLICATION_PATTERN = r"^\d{1,6}/\d{2}$"


def _https_only(value: HttpUrl | None) -> HttpUrl | None:
    # Only http(s): a javascript: or data: URL in someone else's file must never become a link.
    if value is not None and value.scheme not in ("http", "https"):
        raise ValueError("only http(s) URLs are allowed")
    return value


class Source(StrictModel):
    """A document that supports a fact: an act, a judgment, a report, a press release, a dataset."""

    id: LocalId = Field(description="Id of the source, unique within its assessment or framework.")
    title: ShortText = Field(description="Title of the document as published.")
    kind: SourceKind = Field(description="What kind of document it is.")
    publisher: str | None = Field(default=None, max_length=300, description="Author or issuing body.")
    date: dt.date | None = Field(default=None, description="Date of the document (ISO 8601).")
    url: HttpUrl | None = Field(default=None, description="Public http(s) address of the document.")
    celex: str | None = Field(default=None, pattern=CELEX_PATTERN, description="CELEX number, for EU documents.")
    eli: HttpUrl | None = Field(default=None, description="European Legislation Identifier URI, for EU acts.")
    ecli: str | None = Field(default=None, pattern=ECLI_PATTERN, description="ECLI, for judgments.")
    application_numbers: list[Annotated[str, Field(pattern=APPLICATION_PATTERN)]] = Field(
        default_factory=list, description="ECtHR application numbers, e.g. '58170/13'."
    )
    verified: bool = Field(default=False, description="True once checked against a public copy of the document.")
    verified_note: Text | None = Field(
        default=None, description="Where and how it was verified, or why it could not be."
    )
    note: Text | None = Field(default=None, description="Caveats about the source.")

    _check_url = field_validator("url", "eli")(_https_only)


class Citation(StrictModel):
    """A pointer to a source, provision, case or criterion, with a pinpoint."""

    ref: Ref = Field(description="Id of a source, provision, case or criterion, e.g. 'eu-charter/art-7'.")
    pinpoint: str | None = Field(
        default=None, max_length=200, description="Article, paragraph, point or page, e.g. 'para. 94'."
    )
    quote: str | None = Field(default=None, max_length=1000, description="A short quotation, if the words matter.")
    note: str | None = Field(default=None, max_length=2000, description="Why this source supports the claim.")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        # A bare string is shorthand for {ref: ...}: authors cite far more often than they pinpoint.
        if isinstance(value, str):
            return {"ref": value}
        return value


class Estimate(StrictModel):
    """A sourced quantity with an optional range, e.g. a false-positive rate of 1e-3 to 1e-2."""

    value: float | None = Field(default=None, allow_inf_nan=False,
                                description="Central value; None when only a range is known.")
    low: float | None = Field(default=None, allow_inf_nan=False, description="Lower end of the plausible range.")
    high: float | None = Field(default=None, allow_inf_nan=False, description="Upper end of the plausible range.")
    unit: str | None = Field(default=None, max_length=80, description="Unit, e.g. 'items/day' or 'rate'.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the figure.")
    low_cite: list[Citation] = Field(
        default_factory=list, description="Sources for the lower end, when the ends of a contested range come "
        "from different sources; the report shows each end with its own sources.")
    high_cite: list[Citation] = Field(
        default_factory=list, description="Sources for the upper end, when the ends of a contested range come "
        "from different sources.")
    note: str | None = Field(default=None, max_length=2000, description="Caveats: definitions, period, scope.")

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {"value": value}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Estimate:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give a value, or both low and high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        # A source for an end that is not given would be shown against nothing.
        for end, number, cites in (("low", self.low, self.low_cite), ("high", self.high, self.high_cite)):
            if cites and number is None:
                raise ValueError(f"{end}_cite is given but {end} is not: give {end}, or move the sources to cite")
        return self

    @property
    def central(self) -> float:
        """The value, or the geometric middle of the range when only a range is given."""
        if self.value is not None:
            return self.value
        assert self.low is not None and self.high is not None
        if self.low > 0:
            return float((self.low * self.high) ** 0.5)
        return (self.low + self.high) / 2

    @property
    def lower(self) -> float:
        return self.low if self.low is not None else self.central

    @property
    def upper(self) -> float:
        return self.high if self.high is not None else self.central
