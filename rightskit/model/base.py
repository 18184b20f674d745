"""The strict base model and the id types every record shares."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# A local id: lowercase words joined by '-', '.' or '_' (e.g. ``detect-known``, ``art-3-1-g-iii``).
LOCAL_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?$"
# A reference: ids joined by '/', framework first (e.g. ``eu-charter/art-7``, ``case-law/dri/para-94``).
REF_PATTERN = r"^[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?(?:/[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?){0,4}$"

LocalId = Annotated[str, StringConstraints(pattern=LOCAL_ID_PATTERN)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
# Long prose is capped so a hostile file cannot make every output stage quadratic.
Text = Annotated[str, StringConstraints(max_length=20_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class StrictModel(BaseModel):
    """Base for every rightskit record: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=False,
        populate_by_name=True,
        use_attribute_docstrings=False,
    )
