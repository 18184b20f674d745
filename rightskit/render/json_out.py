"""JSON: the assessment model and its evaluation results in one versioned document.

``results_json`` writes two-space indent and a trailing newline; keys come in the models' field
order and every mapping is sorted by id upstream, so the file is byte-identical across runs.
``report_schema`` is the JSON Schema of that document, generated from the same pydantic models;
``schema_version`` changes whenever the document's shape does.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..evaluate.results import EvaluationResult
from ..model import Assessment
from ..model.base import StrictModel

if TYPE_CHECKING:
    from ..pipeline import Bundle

REPORT_SCHEMA_VERSION = "1.0"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class ReportDocument(StrictModel):
    """The JSON output of ``rightskit render --format json`` (results.json)."""

    schema_version: Literal["1.0"] = Field(description="Version of this document's schema.")
    rightskit_version: str = Field(description="Version of rightskit that produced the document.")
    input_hash: str = Field(description="SHA-256 over the input files (assessment and frameworks).")
    assessment: Assessment = Field(description="The assessment as validated (the model).")
    results: EvaluationResult = Field(description="What the engine concluded.")


def report_document(bundle: Bundle) -> dict[str, Any]:
    """The document as plain JSON data."""
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "rightskit_version": bundle.results.rightskit_version,
        "input_hash": bundle.input_hash,
        "assessment": bundle.resolved.assessment.model_dump(mode="json", by_alias=True),
        "results": bundle.results.model_dump(mode="json", by_alias=True),
    }


def results_json(bundle: Bundle) -> str:
    """The document as text: indent 2, UTF-8, trailing newline, in the field order of ReportDocument.

    pydantic serialises the two big parts in Rust, several times faster than json.dumps over
    model_dump(); they are nested by re-indenting their lines.
    """
    def nested(text: str) -> str:
        return text.replace("\n", "\n  ")

    head = {"schema_version": REPORT_SCHEMA_VERSION, "rightskit_version": bundle.results.rightskit_version,
            "input_hash": bundle.input_hash}
    parts = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()]
    assessment = bundle.resolved.assessment.model_dump_json(indent=2, by_alias=True)
    results = bundle.results.model_dump_json(indent=2, by_alias=True)
    parts.append(f'  "assessment": {nested(assessment)}')
    parts.append(f'  "results": {nested(results)}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def report_schema() -> dict[str, Any]:
    """JSON Schema of :func:`results_json`'s document."""
    schema = ReportDocument.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": JSON_SCHEMA_DIALECT, "schema_version": REPORT_SCHEMA_VERSION, **schema}
