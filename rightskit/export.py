"""Export an assessment as YAML or JSON, and the JSON Schemas of the input and the results."""

from __future__ import annotations

import json
from typing import Any

from .model import Assessment

SCHEMA_ID = "https://rightskit.invalid/schema/assessment-1.json"
REVIEW_SCHEMA_ID = "https://rightskit.invalid/schema/review-1.json"


def assessment_data(model: Assessment) -> dict[str, Any]:
    """The assessment as plain data in the YAML format, without defaulted fields."""
    data: dict[str, Any] = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    # Framework uses print in their short string form, as authors write them.
    data["frameworks"] = [f["id"] + (f"@{f['data_version']}" if f.get("data_version") else "")
                          for f in data.get("frameworks", [])]
    return data


def export_assessment(model: Assessment, fmt: str) -> str:
    """YAML (block style, field order kept) or JSON text of the assessment."""
    data = assessment_data(model)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, _str)
    out: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return out


def schema_json(results: bool = False, review: bool = False) -> str:
    """The JSON Schema of the YAML assessment format, of ``evaluate --format json``, or of a review file."""
    if review:
        from .model.review import Review

        schema = Review.model_json_schema(by_alias=True)
        schema["$id"] = REVIEW_SCHEMA_ID
    elif results:
        from .evaluate.results import RESULTS_SCHEMA_VERSION, EvaluationResult

        schema = EvaluationResult.model_json_schema(by_alias=True)
        schema["$id"] = f"https://rightskit.invalid/schema/results-{RESULTS_SCHEMA_VERSION}.json"
    else:
        schema = Assessment.model_json_schema(by_alias=True)
        schema["$id"] = SCHEMA_ID
        # include: is handled by the loader before validation; declare it so editors accept it.
        schema.setdefault("properties", {})["include"] = {
            "type": "array", "items": {"type": "string"},
            "description": "Other YAML files (relative to this one) whose sections are appended.",
        }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
