"""The one-screen summary ``rightskit check`` prints for a clean assessment."""

from __future__ import annotations

from .load import Resolved


def summary_lines(resolved: Resolved) -> list[str]:
    """Title, date, frameworks in effect, counts and legal-basis warnings, in under a screen."""
    a = resolved.assessment
    n_itf = sum(len(m.interferes) for m in a.measures)
    lines = [
        f"✓ {a.title} ({a.id})",
        f"  as of {a.as_of.isoformat()}",
        f"  {len(a.measures)} measures, {n_itf} interferences, {len(a.safeguards)} safeguards, "
        f"{len(a.aims)} aims, {len(a.alternatives)} alternatives",
        "  frameworks:",
    ]
    for use in a.frameworks:
        fw = resolved.frameworks[use.id]
        version = fw.version_at(a.as_of)
        state = f"version {version.id} ({version.status})" if version else "NOT IN EFFECT on this date"
        lines.append(f"    {use.id:<24} data {fw.data_version:<10} {state}")
    warnings = []
    for m in sorted(a.measures, key=lambda m: m.id):
        for ref in m.legal_basis:
            ok, why = resolved.provision_in_force(ref)
            if not ok:
                warnings.append(f"  ! {m.id}: legal basis {ref}: {why}")
        if not m.legal_basis:
            warnings.append(f"  ! {m.id}: no legal basis given")
    if warnings:
        lines.append("  notes (the legality step will weigh these):")
        lines.extend(warnings[:12])
        if len(warnings) > 12:
            lines.append(f"  … and {len(warnings) - 12} more")
    return lines
