"""The Python authoring API builds the same model as YAML, with no shared state."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightskit.authoring import Assessment
from rightskit.errors import InputError
from rightskit.export import export_assessment
from rightskit.load import load_assessment


def _three_measures(title: str = "Three measures") -> Assessment:
    a = Assessment(title, as_of="2022-06-01", frameworks=["eu-charter", "gdpr"])
    aim = a.aim("protect", "Protect children", kind="rights-of-others", protects=["eu-charter/art-24"])
    scan = a.measure("scan", "Scan", kind="detection", automated=True, aims=[aim], data_categories=["content"])
    report = a.measure("report", "Report", kind="reporting", aims=[aim])
    remove = a.measure("remove", "Remove", kind="removal", aims=[aim])
    scan.interferes("eu-charter/art-7", severity="serious", rationale="Reads private messages.").feeds(report)
    report.interferes("eu-charter/art-8", severity="moderate", rationale="Shares data.").feeds(remove)
    remove.interferes("eu-charter/art-11", severity="minor", rationale="Removes content.")
    a.safeguard("review", "Human review", type="safeguards/human-review").mitigates(
        scan, "eu-charter/art-7", strength="moderate")
    return a


def test_builder_makes_a_model() -> None:
    model = _three_measures().build()
    assert model.id == "three-measures"
    assert [m.id for m in model.measures] == ["scan", "report", "remove"]
    assert model.measures[0].feeds == ["report"]
    assert model.safeguards[0].mitigates[0].measure == "scan"


def test_two_assessments_do_not_see_each_other() -> None:
    first = _three_measures("First")
    second = Assessment("Second", as_of="2022-06-01", frameworks=["eu-charter"])
    second.measure("other", "Other", kind="other")
    assert [m.id for m in first.build().measures] == ["scan", "report", "remove"]
    assert [m.id for m in second.build().measures] == ["other"]


def test_builder_errors_point_at_the_author_line() -> None:
    a = Assessment("Bad", as_of="2022-06-01", frameworks=["eu-charter"])
    m = a.measure("scan", "Scan", kind="detection")
    m.interferes("eu-charter/art-7", severity="huge", rationale="x")
    with pytest.raises(InputError) as info:
        a.build()
    loc = info.value.problems[0].location
    assert loc.path == __file__
    source = Path(__file__).read_text(encoding="utf-8").splitlines()[loc.line - 1]
    assert 'severity="huge"' in source


def test_python_and_yaml_round_trip(tmp_path: Path) -> None:
    model = _three_measures().build()
    text = export_assessment(model, "yaml")
    (tmp_path / "assessment.yaml").write_text(text, encoding="utf-8")
    again = load_assessment(tmp_path / "assessment.yaml").model
    assert again == model
    assert export_assessment(again, "yaml") == text


def test_python_file_and_yaml_file_agree(tmp_path: Path) -> None:
    py = tmp_path / "a.py"
    py.write_text(
        "from rightskit import Assessment\n"
        "a = Assessment('Same', as_of='2022-06-01', frameworks=['eu-charter'])\n"
        "m = a.measure('scan', 'Scan', kind='detection', automated=True)\n"
        "m.interferes('eu-charter/art-7', severity='serious', rationale='Reads messages.')\n"
        "assessment = a\n",
        encoding="utf-8",
    )
    yml = tmp_path / "b.yaml"
    yml.write_text(
        "id: same\ntitle: Same\nas_of: 2022-06-01\nframeworks: [eu-charter]\nmeasures:\n"
        "  - id: scan\n    title: Scan\n    kind: detection\n    automated: true\n    interferes:\n"
        "      - {right: eu-charter/art-7, severity: serious, rationale: Reads messages.}\n",
        encoding="utf-8",
    )
    assert load_assessment(py).model == load_assessment(yml).model


def test_every_builder_keyword_is_the_field_name_in_yaml() -> None:
    """One name per field: each keyword of a builder call is the name of the field the YAML uses."""
    import inspect

    from rightskit.authoring import builder
    from rightskit.model import assessment as m
    from rightskit.model.citation import Source
    from rightskit.model.framework import Instrument, Right

    calls = {
        builder.Assessment.__init__: m.Assessment, builder.Assessment.source: Source,
        builder.Assessment.right: Right, builder.Assessment.instrument: Instrument,
        builder.Assessment.aim: m.Aim, builder.Assessment.measure: m.Measure,
        builder.Assessment.safeguard: m.Safeguard, builder.Assessment.alternative: m.Alternative,
        builder.MeasureBuilder.interferes: m.Interference, builder.MeasureBuilder.legality_issue: m.LegalityIssue,
        builder.SafeguardBuilder.mitigates: m.Mitigation,
    }
    for call, model in calls.items():
        names = [p.name for p in inspect.signature(call).parameters.values()
                 if p.name != "self" and p.kind is not p.VAR_KEYWORD]
        assert set(names) <= set(model.model_fields), (call.__qualname__, set(names) - set(model.model_fields))
