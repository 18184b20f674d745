"""JSON: the assessment model and its evaluation results in one versioned document.

``results_json`` writes two-space indent and a trailing newline; keys come in the models' field
order and every mapping is sorted by id upstream, so the file is byte-identical across runs.
``report_schema`` is the JSON Schema of that document, generated from the same pydantic models;
``schema_version`` changes whenever the document's shape does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from ..evaluate.results import EvaluationResult
from ..model import Assessment
from ..model.base import StrictModel

if TYPE_CHECKING:
    from ..bundle import Bundle

REPORT_SCHEMA_VERSION = "2.0"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class ReportDocument(StrictModel):
    """The JSON output of ``rightskit render --format json`` (results.json)."""

    schema_version: Literal["2.0"] = Field(description="Version of this document's schema.")
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
    """The document as text: indent 2, UTF-8, trailing newline, in the field order of ReportDocument."""
    return b"".join(results_json_chunks(bundle)).decode("utf-8")


def results_json_chunks(bundle: Bundle) -> Iterator[bytes]:
    """The document as UTF-8 pieces, one measure's results at a time, for a streamed write.

    pydantic serialises in Rust, several times faster than json.dumps over model_dump(); each part is
    nested by re-indenting its lines. Measures are serialised one by one so that a large assessment
    never holds its whole results document in memory (as a str it would also be 2-4 bytes a character).
    """
    head = {"schema_version": REPORT_SCHEMA_VERSION, "rightskit_version": bundle.results.rightskit_version,
            "input_hash": bundle.input_hash}
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()]
    yield ("{\n" + ",\n".join(lines) + ',\n  "assessment": ').encode("utf-8")
    yield _nested(_to_json(bundle.resolved.assessment), 1)
    yield b',\n  "results": {\n'
    results = bundle.results
    names = list(type(results).model_fields)
    for i, name in enumerate(names):
        if name == "measures" and results.measures:
            yield b'    "measures": {\n'
            last = len(results.measures) - 1
            for j, (mid, measure) in enumerate(results.measures.items()):
                yield b"      " + json.dumps(mid, ensure_ascii=False).encode("utf-8") + b": "
                yield _nested(_to_json(measure), 3) + (b"\n" if j == last else b",\n")
            yield b"    }"
        else:
            # One field alone, as pydantic writes it inside the model: '{\n  "name": value\n}'.
            yield b"  " + _nested(_to_json(results, include={name})[2:-2], 1)
        yield b",\n" if i < len(names) - 1 else b"\n"
    yield b"  }\n}\n"


def _to_json(model: BaseModel, include: set[str] | None = None) -> bytes:
    return model.__pydantic_serializer__.to_json(model, indent=2, by_alias=True, include=include)


def _nested(blob: bytes, levels: int) -> bytes:
    """Indent every line after the first by ``levels`` more levels of two spaces."""
    return blob.replace(b"\n", b"\n" + b"  " * levels)


def report_schema() -> dict[str, Any]:
    """JSON Schema of :func:`results_json`'s document."""
    schema = ReportDocument.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": JSON_SCHEMA_DIALECT, "schema_version": REPORT_SCHEMA_VERSION, **schema}
