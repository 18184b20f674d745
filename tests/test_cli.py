"""The command line: help everywhere, schema, export, frameworks listing, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from rightskit.cli import main

COMMANDS = ["check", "evaluate", "review", "render", "diagram", "serve", "frameworks", "export", "schema", "diff",
            "init"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and "--help" in result.output


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys; from rightskit.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('networkx', 'jinja2', 'graphviz', 'typst', 'pydantic') if m in sys.modules]\n"
            "print('HEAVY=' + ','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY="


def test_schema_is_json_schema_with_descriptions() -> None:
    result = CliRunner().invoke(main, ["schema"])
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    measure = schema["$defs"]["Measure"]
    assert measure["additionalProperties"] is False
    assert all("description" in p for p in measure["properties"].values())


def test_results_schema() -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema", "--results"]).output)
    assert "measures" in schema["properties"] and "schema_version" in schema["properties"]


def test_unknown_framework_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["frameworks", "eu-chartr"])
    assert result.exit_code == 2
    assert "did you mean 'eu-charter'" in result.stderr


def test_help_summaries_are_whole_sentences() -> None:
    """`--help` lists each command with a complete summary, never cut at 'Art.' or with '...'."""
    out = CliRunner().invoke(main, ["--help"]).output
    lines = out.split("Commands:\n", 1)[1].splitlines()
    assert {ln.split()[0] for ln in lines} >= set(COMMANDS)
    for line in lines:
        assert line.rstrip().endswith(".") and not line.rstrip().endswith(("...", "Art.")), line
