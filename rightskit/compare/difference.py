"""The typed result of ``rightskit diff``: what changed between two assessments, and in their results.

Every list is sorted, so the same two inputs always give byte-identical JSON, text and HTML.
The JSON Schema of :class:`DiffResult` is published as ``DIFF_SCHEMA_VERSION``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, JsonValue

from ..model.base import StrictModel

DIFF_SCHEMA_VERSION = "1.0"

ItemKind = Literal["framework", "aim", "measure", "interference", "safeguard", "mitigation", "alternative", "source"]
#: The order sections appear in, in every output.
ITEM_KINDS: tuple[str, ...] = (
    "framework", "aim", "measure", "interference", "safeguard", "mitigation", "alternative", "source",
)
ChangeStatus = Literal["added", "removed", "changed"]
Direction = Literal["worse", "better", "same", "new", "gone"]


class FieldChange(StrictModel):
    """One field that differs between the two versions of a record."""

    field: str = Field(description="Dotted path of the field inside the record, e.g. 'affected.suspicion'.")
    before: JsonValue = Field(description="Value in A (JSON); null when the field is absent or empty in A.")
    after: JsonValue = Field(description="Value in B (JSON); null when the field is absent or empty in B.")
    added: list[str] = Field(
        default_factory=list, description="For lists: entries only in B (the entry, or a record's 'ref' or 'id')."
    )
    removed: list[str] = Field(
        default_factory=list, description="For lists: entries only in A (the entry, or a record's 'ref' or 'id')."
    )


class ItemChange(StrictModel):
    """A record added, removed or changed: a measure, an interference, a safeguard, a mitigation, …"""

    kind: ItemKind = Field(description="What kind of record.")
    key: list[str] = Field(
        description="Identity of the record: [id] for most, [measure, right] for an interference, "
                    "[safeguard, measure, right] for a mitigation. Measure ids are after any --rename."
    )
    label: str = Field(description="The key as a reader sees it, e.g. 'reporting × eu-charter/art-8'.")
    status: ChangeStatus = Field(description="added (only in B), removed (only in A) or changed (in both).")
    title: str | None = Field(default=None, description="Title of the record (B's when it exists), if it has one.")
    summary: str = Field(description="One line saying what changed, e.g. 'severity serious → very-serious'.")
    changes: list[FieldChange] = Field(default_factory=list, description="For 'changed': every differing field.")


class StepChange(StrictModel):
    """The status of one Art. 52(1) step for one measure, in A and in B."""

    step: str = Field(description="Step id, e.g. 'legality'.")
    before: str | None = Field(description="Status in A, or null when the measure or step is absent there.")
    after: str | None = Field(description="Status in B, or null when the measure or step is absent there.")
    summary_before: str | None = Field(default=None, description="The step's one-line summary in A.")
    summary_after: str | None = Field(default=None, description="The step's one-line summary in B.")


class ResidualChange(StrictModel):
    """Residual severity of one measure's interference with one right, in A and in B."""

    right: str = Field(description="Right id.")
    before: str | None = Field(description="Residual severity in A; null when there was no interference.")
    after: str | None = Field(description="Residual severity in B; null when there is no interference.")
    direction: Direction = Field(description="worse, better, same, new (only in B) or gone (only in A).")


class MeasureOutcome(StrictModel):
    """How the test's outcome for one measure moved between A and B."""

    measure: str = Field(description="Measure id (after any --rename).")
    title: str = Field(description="Measure title (B's when it exists).")
    presence: Literal["both", "added", "removed"] = Field(description="Whether the measure is in A, B or both.")
    verdict_before: str | None = Field(description="Verdict in A; null when the measure is only in B.")
    verdict_after: str | None = Field(description="Verdict in B; null when the measure is only in A.")
    verdict_reason_before: str | None = Field(default=None, description="Why A's verdict, in one sentence.")
    verdict_reason_after: str | None = Field(default=None, description="Why B's verdict, in one sentence.")
    changed: bool = Field(description="True when the verdict, a step status or a residual severity differs.")
    steps: list[StepChange] = Field(
        default_factory=list, description="Steps whose status differs, in the method's order."
    )
    residuals: list[ResidualChange] = Field(
        default_factory=list, description="Residual severity per right, sorted by right; only differing ones."
    )


class RightOutcome(StrictModel):
    """The cumulative residual severity of the interference with one right, in A and in B."""

    right: str = Field(description="Right id.")
    title: str = Field(description="Name of the right.")
    before: str | None = Field(description="Cumulative residual severity in A; null when A does not touch it.")
    after: str | None = Field(description="Cumulative residual severity in B; null when B does not touch it.")
    direction: Direction = Field(description="worse, better, same, new (only in B) or gone (only in A).")


class ResultsDiff(StrictModel):
    """The engine's conclusions compared: verdicts, step statuses and residual severity."""

    measures: list[MeasureOutcome] = Field(description="Every measure in A or B, sorted by id.")
    rights: list[RightOutcome] = Field(description="Every right either side interferes with, sorted by id.")


class ArticleGroup(StrictModel):
    """The provisions of one article that a measure relies on, in A and in B."""

    article: str = Field(description="Article ref, e.g. 'csar-proposal/art-7' (a provision's own ref when it has "
                         "no article number).")
    status: Literal["kept", "only-in-a", "only-in-b"] = Field(
        default="kept", description="kept (relied on in both), only-in-a or only-in-b.")
    provisions_a: list[str] = Field(default_factory=list, description="A's provisions under this article, sorted.")
    provisions_b: list[str] = Field(default_factory=list, description="B's provisions under this article, sorted.")
    amended_via: list[str] = Field(
        default_factory=list, description="B's provisions filed here because they record that they amend one of "
        "its provisions ('<B ref> amends <A ref>'), sorted.")


class MeasurePair(StrictModel):
    """One measure in the two versions: what the text changes, and how its verdict and ground move."""

    measure: str = Field(description="Measure id (after any --rename).")
    title: str = Field(description="Measure title (B's when it exists).")
    presence: Literal["both", "only-in-a", "only-in-b"] = Field(description="both, or unmatched on one side.")
    articles: list[ArticleGroup] = Field(description="Provisions relied on (legal basis and safeguard sources), "
                                         "grouped by article, sorted by article.")
    text_changes: list[FieldChange] = Field(
        default_factory=list, description="Measure fields that differ, scope/kind/encryption/targeting/"
        "authorisation/detects first.")
    safeguards_added: list[str] = Field(
        default_factory=list, description="'<safeguard> × <right>' for each mitigation of it only in B.")
    safeguards_removed: list[str] = Field(
        default_factory=list, description="'<safeguard> × <right>' for each mitigation of it only in A.")
    strength_changed: list[str] = Field(
        default_factory=list, description="'<safeguard> × <right>: A → B' for each mitigation whose strength moved.")
    verdict_before: str | None = Field(description="Verdict in A; null when unmatched there.")
    verdict_after: str | None = Field(description="Verdict in B; null when unmatched there.")
    ground_before: str | None = Field(description="A's decisive structural ground, if any.")
    ground_after: str | None = Field(description="B's decisive structural ground, if any.")
    steps: list[StepChange] = Field(default_factory=list, description="Steps whose status moved, in method order.")
    requirements_met: list[str] = Field(
        default_factory=list, description="Required safeguard types missing in A and no longer missing in B.")
    requirements_missing: list[str] = Field(
        default_factory=list, description="Required safeguard types missing in B that were not missing in A.")

    @property
    def moved(self) -> bool:
        """True when the verdict or the decisive ground differs."""
        return self.verdict_before != self.verdict_after or self.ground_before != self.ground_after


class DiffSide(StrictModel):
    """One of the two assessments compared."""

    path: str = Field(description="The path given on the command line.")
    id: str = Field(description="Assessment id.")
    title: str = Field(description="Assessment title.")
    as_of: str = Field(description="As-of date used (ISO 8601), after any --as-of override.")
    evaluated: bool = Field(description="True when the Art. 52(1) engine ran on this side.")


class CarryOver(StrictModel):
    """Ids found on both sides: what an amended text keeps from the one before."""

    measures: list[str] = Field(description="Measure ids in both A and B (after any --rename).")
    safeguards: list[str] = Field(description="Safeguard ids in both.")
    aims: list[str] = Field(description="Aim ids in both.")
    renamed: dict[str, str] = Field(default_factory=dict, description="Measure ids mapped with --rename, A → B.")


class DiffResult(StrictModel):
    """Everything ``rightskit diff`` found: model changes, carry-over and, when evaluated, result changes."""

    schema_version: str = Field(default=DIFF_SCHEMA_VERSION, description="Version of this diff schema.")
    a: DiffSide = Field(description="The first assessment (the 'before').")
    b: DiffSide = Field(description="The second assessment (the 'after').")
    changes: list[ItemChange] = Field(
        description="Records added, removed or changed, sorted by kind (in ITEM_KINDS order) then key."
    )
    unchanged: dict[str, int] = Field(description="Kind → number of records identical on both sides.")
    carried_over: CarryOver = Field(description="Ids present on both sides.")
    results: ResultsDiff | None = Field(
        default=None, description="Changes in the engine's conclusions; null when either side was not evaluated."
    )
    versions: list[MeasurePair] = Field(
        default_factory=list, description="Article-by-article comparison, measure by measure (sorted by id); "
        "empty when either side was not evaluated.")
    notes: list[str] = Field(default_factory=list, description="Caveats about this comparison.")

    def of_kind(self, kind: str) -> list[ItemChange]:
        """The changes of one kind, in order."""
        return [c for c in self.changes if c.kind == kind]

    def counts(self, kind: str) -> dict[str, int]:
        """added / removed / changed / unchanged counts for one kind."""
        out = {"added": 0, "removed": 0, "changed": 0}
        for c in self.of_kind(kind):
            out[c.status] += 1
        out["unchanged"] = self.unchanged.get(kind, 0)
        return out
