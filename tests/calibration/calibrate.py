"""Score the engine against real judgments: run every case in tests/calibration/, compare with the court.

Each case directory holds ``assessment.yaml`` (the facts, encoded from the judgment's facts sections)
and ``outcome.yaml`` (the court's outcome per measure, which the engine never reads). A court's
``lawful`` or ``lawful-with-conditions`` agrees with an engine verdict of ``proportionate`` or
``proportionate-with-conditions``; ``unlawful`` agrees with ``disproportionate`` or
``essence-violated``; ``undetermined`` agrees with nothing. A Strasbourg judgment is scored on the
engine's ECHR Art. 8(2) verdict (``no-violation`` and ``no-violation-with-conditions`` on the lawful
side, ``violation`` on the other), which its case runs because it uses the ``echr`` framework. The
stricter column ("exact") also asks that a lawful measure come out ``proportionate``, a lawful-with-conditions one
``proportionate-with-conditions``.

Usage::

    python tests/calibration/calibrate.py            # print the table and the scores
    python tests/calibration/calibrate.py --write    # also rewrite docs/calibration.md
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from rightskit.evaluate.results import ConventionResult

HERE = Path(__file__).resolve().parent
DOC = HERE.parent.parent / "docs" / "calibration.md"
LAWFUL = frozenset({"lawful", "lawful-with-conditions"})
PROPORTIONATE = frozenset({"proportionate", "proportionate-with-conditions"})
UNLAWFUL_VERDICTS = frozenset({"disproportionate", "essence-violated", "violation"})
#: The Convention's verdicts, on the scale of the Charter's, for scoring.
CONVENTION = {"no-violation": "proportionate", "no-violation-with-conditions": "proportionate-with-conditions",
              "violation": "violation", "undetermined": "undetermined"}
#: Targets of issue 15: share of measure-level outcomes the engine must reach, overall and on lawful ones.
TARGET_ALL = 0.85
TARGET_LAWFUL = 0.80


@dataclass(frozen=True)
class Row:
    """One measure of one case: what the court held and what the engine says."""

    case: str
    case_name: str
    reference: str
    measure: str
    outcome: str
    paragraphs: str
    verified: bool
    verdict: str
    ground: str | None
    reason: str
    note: str | None
    method: str

    @property
    def agrees(self) -> bool:
        """The engine is on the court's side of the line (lawful or not)."""
        if self.outcome in LAWFUL:
            return self.verdict in PROPORTIONATE
        return self.verdict in UNLAWFUL_VERDICTS

    @property
    def exact(self) -> bool:
        """The engine's verdict is the court's, conditions included."""
        wanted = {"lawful": "proportionate", "lawful-with-conditions": "proportionate-with-conditions"}
        if self.outcome in wanted:
            return self.verdict == wanted[self.outcome]
        return self.agrees


def cases() -> list[Path]:
    """The case directories, sorted."""
    return sorted(p for p in HERE.iterdir() if (p / "assessment.yaml").is_file() and (p / "outcome.yaml").is_file())


def _reference(o: dict[str, object]) -> str:
    for key in ("ecli", "application_numbers", "application_number", "case_numbers"):
        value = o.get(key)
        if value:
            return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return ""


def score_case(path: Path) -> list[Row]:
    """Run the engine on one case and compare each measure with the court's outcome."""
    from rightskit.pipeline import evaluate

    outcome = yaml.safe_load((path / "outcome.yaml").read_text(encoding="utf-8"))
    results = evaluate(path / "assessment.yaml").results
    rows = []
    for mid, held in sorted(outcome["measures"].items()):
        m = results.measures.get(mid)
        if m is None:
            raise SystemExit(f"{path / 'outcome.yaml'}: measure {mid!r} is not in the assessment — fix the id")
        convention = m.convention if outcome.get("court") == "ecthr" else None
        rows.append(Row(
            case=path.name, case_name=str(outcome.get("case", path.name)), reference=_reference(outcome),
            measure=mid, outcome=str(held["outcome"]), paragraphs=str(held.get("paragraphs", "")),
            verified=bool(held.get("verified", False)),
            verdict=CONVENTION[convention.verdict] if convention else m.verdict,
            ground=_convention_ground(convention) if convention else m.ground,
            reason=convention.reason if convention else m.verdict_reason, note=held.get("miss_reason"),
            method="ECHR Art. 8(2)" if convention else "Charter Art. 52(1)",
        ))
    return rows


def _convention_ground(result: ConventionResult) -> str | None:
    """The first Convention question answered 'no', the Strasbourg counterpart of a decisive ground."""
    return next((t.id for t in result.tests if t.status == "not-satisfied"), None)


def score(rows: list[Row]) -> dict[str, tuple[int, int]]:
    """(agreeing, total) overall, on lawful outcomes, on unlawful ones, and exact."""
    lawful = [r for r in rows if r.outcome in LAWFUL]
    unlawful = [r for r in rows if r.outcome not in LAWFUL]
    return {
        "all": (sum(r.agrees for r in rows), len(rows)),
        "lawful": (sum(r.agrees for r in lawful), len(lawful)),
        "unlawful": (sum(r.agrees for r in unlawful), len(unlawful)),
        "exact": (sum(r.exact for r in rows), len(rows)),
    }


def _pct(pair: tuple[int, int]) -> str:
    n, d = pair
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "0/0"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> str:
    """The Markdown page: scores, then one row per measure."""
    s = score(rows)
    cases_n = len({r.case for r in rows})
    lawful_cases = len({r.case for r in rows if r.outcome in LAWFUL})
    lines = [
        "# Calibration against real judgments",
        "",
        "Generated by `make calibrate` (`tests/calibration/calibrate.py`); `make test` fails when this page is",
        "out of date or the scores fall below the targets. Each case in `tests/calibration/<case>/` encodes the",
        "facts of one judgment as an assessment; the court's outcome per measure is in `outcome.yaml`, which",
        "the engine never reads. No rule of the engine names a case, a measure or an assessment.",
        "",
        "A court's *lawful* or *lawful with conditions* agrees with *proportionate* or *proportionate with",
        "conditions*; *unlawful* agrees with *disproportionate* or *essence violated*. \"Exact\" also asks that",
        "a plainly lawful measure come out *proportionate* without conditions. Strasbourg judgments are scored",
        "on the engine's ECHR Art. 8(2) verdict (*no violation* counts as proportionate, *violation* as",
        "disproportionate), Luxembourg judgments on its Charter Art. 52(1) verdict.",
        "",
        f"{cases_n} judgments, {len(rows)} measures; {lawful_cases} judgments with a measure held lawful.",
        "",
        "| Score | Result | Target |",
        "|---|---|---|",
        f"| All measure-level outcomes | {_pct(s['all'])} | ≥ {TARGET_ALL:.0%} |",
        f"| Measures the court held lawful | {_pct(s['lawful'])} | ≥ {TARGET_LAWFUL:.0%} |",
        f"| Measures the court held unlawful | {_pct(s['unlawful'])} | |",
        f"| Exact (conditions included) | {_pct(s['exact'])} | |",
        "",
        "| Case | Measure | Court | Engine (method) | Decisive ground | Agrees |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        court = f"{r.outcome} (paras {r.paragraphs}{'' if r.verified else ', unverified'})"
        ground = r.ground or ("—" if r.verdict in PROPORTIONATE else "")
        mark = "✓" if r.agrees else "✗"
        if r.agrees and not r.exact:
            mark = "✓ (with conditions)"
        lines.append(f"| {_cell(r.case_name)} ({_cell(r.reference)}) | `{r.measure}` | {court} | "
                     f"{r.verdict} ({r.method}) | {_cell(ground)} | {mark} |")
    misses = [r for r in rows if not r.agrees]
    lines += ["", "## Misses", ""]
    if not misses:
        lines.append("None.")
    for r in misses:
        lines.append(f"- **{_cell(r.case_name)}, `{r.measure}`**: the court held it {r.outcome}; the engine says "
                     f"{r.verdict}. {_cell(r.reason)}" + (f" *Why:* {_cell(r.note)}" if r.note else ""))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite docs/calibration.md")
    args = parser.parse_args(argv)
    rows = [row for path in cases() for row in score_case(path)]
    page = table(rows)
    if args.write:
        DOC.write_text(page, encoding="utf-8")
    s = score(rows)
    print(page if not args.write else f"wrote {DOC}")
    print(f"all {_pct(s['all'])}, lawful {_pct(s['lawful'])}, unlawful {_pct(s['unlawful'])}, exact {_pct(s['exact'])}")
    return 0 if s["all"][0] >= TARGET_ALL * s["all"][1] and s["lawful"][0] >= TARGET_LAWFUL * s["lawful"][1] else 1


if __name__ == "__main__":
    sys.exit(main())
