"""Synthetic assessments for benchmarks: N measures, written as YAML split across include: files.

Each measure has about three interferences and two safeguards, realistic text lengths (titles of
about 60 characters, rationales of about 300), aims, a few alternatives, ``feeds`` chains and
detection figures on detection measures. Every reference points into the shipped frameworks; the
ids are read from the framework files themselves, so the generator follows the data.

Deterministic: the same (N, seed) writes byte-identical files.

    python benchmarks/generate.py 1000 -o /tmp/bench-1000
    rightskit check /tmp/bench-1000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ROOT / "frameworks"
#: Most measures one included file holds.
CHUNK = 1_000
#: The rights measures interfere with (the issue names them; each must exist in the framework files).
RIGHTS = ("eu-charter/art-7", "eu-charter/art-8", "eu-charter/art-11", "eprivacy/confidentiality",
          "gdpr/data-protection")
FRAMEWORK_IDS = ("eu-charter", "eprivacy", "gdpr", "reg-2021-1232")
SEVERITIES = ("minor", "moderate", "serious", "very-serious")
LEVELS = ("low", "medium", "high")
STRENGTHS = ("weak", "moderate", "strong")
KINDS = ("detection", "detection", "reporting", "removal", "retention", "access", "filtering", "risk-assessment")
CATEGORIES = ("content", "traffic-data", "metadata", "subscriber-data", "location-data", "hashes", "derived-data")
DETECTS = ("known-material", "new-material", "solicitation")
#: A chain of measures (feeds:) is at most this long.
CHAIN = 4

_VOCABULARY = (
    "provider processes message content traffic data users service automated review scanning hash "
    "classifier report authority retention period access logs account metadata image video text "
    "communication confidentiality private life personal data expression children protection abuse "
    "material detection false positive rate human oversight necessity proportionality safeguard "
    "transparency complaint remedy deletion encryption interference suspicion scope intensity extent "
    "purpose limitation minimisation legal basis foreseeable precise clear accessible order court "
    "independent supervisory oversight audit documentation notification affected persons volume daily"
)
WORDS = tuple(_VOCABULARY.split())


class _Text:
    """Plausible prose of a given length from a fixed vocabulary, drawn from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self, length: int) -> str:
        out: list[str] = []
        size = 0
        sentence = 0
        while size < length:
            word = self.rng.choice(WORDS)
            if sentence == 0:
                word = word.capitalize()
            sentence += 1
            if sentence >= self.rng.randint(8, 16):
                word += "."
                sentence = 0
            out.append(word)
            size += len(word) + 1
        text = " ".join(out).rstrip(".")
        return text[: length + 12].rsplit(" ", 1)[0].rstrip(".,") + "."


def _ids(file: Path, section: str) -> list[str]:
    if not file.is_file():
        return []
    data = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return [item["id"] for item in data.get(section) or []]


def framework_ids(frameworks: Path = FRAMEWORKS) -> dict[str, list[str]]:
    """The ids the generator refers to, read from the framework files (so they are always real)."""
    law = frameworks / "law"
    rights = {f"{fid}/{r}" for fid in ("eu-charter", "eprivacy", "gdpr") for r in _ids(law / f"{fid}.yaml", "rights")}
    missing = [r for r in RIGHTS if r not in rights]
    if missing:
        raise SystemExit(f"generate.py: rights missing from {law}: {', '.join(missing)}")
    reg = _ids(law / "reg-2021-1232.yaml", "provisions")
    safeguard_types = _ids(frameworks / "catalogue" / "safeguards.yaml", "safeguard_types")
    return {
        "rights": list(RIGHTS),
        "basis": [f"reg-2021-1232/{p}" for p in reg if p.startswith("art-3-1")][:4] or [],
        "safeguard_sources": [f"reg-2021-1232/{p}" for p in reg if p.startswith("art-3-1-")],
        "safeguard_types": [f"safeguards/{t}" for t in safeguard_types],
        "protects": [r for r in ("eu-charter/art-24", "eu-charter/art-7") if r.split("/")[1] in
                     _ids(law / "eu-charter.yaml", "rights")],
    }


def _estimate(rng: random.Random, value: float, spread: float, unit: str, cite: str) -> dict[str, Any]:
    return {"low": float(f"{value / spread:.3g}"), "high": float(f"{value * spread:.3g}"), "unit": unit,
            "cite": [cite]}


def build(n: int, seed: int = 1232, ids: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The assessment as plain data: header plus every section (not yet split into files)."""
    ids = ids or framework_ids()
    rng = random.Random(seed)
    text = _Text(rng)
    n_sources = max(3, min(40, n // 50))
    sources = [
        {"id": f"src-{i:03d}", "title": text(60), "kind": rng.choice(("report", "study", "opinion", "dataset")),
         "publisher": text(30), "date": f"20{rng.randint(15, 22)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
         "url": f"https://example.org/sources/{i:03d}", "verified": rng.random() < 0.5}
        for i in range(n_sources)
    ]
    src: list[str] = [str(s["id"]) for s in sources]
    aims = [
        {"id": f"aim-{i}", "title": text(60), "kind": "rights-of-others" if i % 2 == 0 else "general-interest",
         "protects": ids["protects"][: 1 + i % 2] if i % 2 == 0 else [],
         "importance": rng.choice(("high", "very-high")),
         "description": text(200), "cite": [rng.choice(src)]}
        for i in range(max(2, min(8, n // 100 + 2)))
    ]
    aim_ids = [a["id"] for a in aims]
    measures: list[dict[str, Any]] = []
    safeguards: list[dict[str, Any]] = []
    chain_start = 0
    chain_len = rng.randint(1, CHAIN)
    for i in range(n):
        mid = f"m-{i:05d}"
        kind = rng.choice(KINDS)
        rights = rng.sample(ids["rights"], 3)
        m: dict[str, Any] = {
            "id": mid, "title": text(60), "description": text(250), "kind": kind, "actor": text(50),
            "context": rng.choice(("interpersonal-communications", "hosting", "other")),
            "data_categories": sorted(rng.sample(CATEGORIES, rng.randint(1, 3))),
            "automated": kind in ("detection", "filtering"), "mandatory": rng.random() < 0.3,
            "scope": "general" if rng.random() < 0.7 else "targeted",
            "affected": {"description": text(80), "count": {"value": rng.choice((1e4, 1e6, 4.5e8)),
                                                            "cite": [rng.choice(src)]},
                         "suspicion": rng.choice(("none", "risk-based")), "includes_children": rng.random() < 0.5},
            "legal_basis": [rng.choice(ids["basis"])] if ids["basis"] else [],
            "aims": sorted(rng.sample(aim_ids, rng.randint(1, 2))),
            "effectiveness": {"level": rng.choice(("low", "medium", "high")), "statement": text(200),
                              "cite": [rng.choice(src)]},
            "interferes": [
                {"right": r, "severity": rng.choice(SEVERITIES), "scope": rng.choice(LEVELS),
                 "extent": rng.choice(LEVELS), "intensity": rng.choice(LEVELS), "rationale": text(300),
                 "cite": [rng.choice(src)]}
                for r in rights
            ],
            "cite": [rng.choice(src)],
        }
        if kind == "detection":
            m["detects"] = [rng.choice(DETECTS)]
            m["detection"] = {
                "items_per_day": _estimate(rng, 10 ** rng.randint(6, 9), 3, "items/day", rng.choice(src)),
                "prevalence": _estimate(rng, 10 ** -rng.randint(4, 6), 10, "rate", rng.choice(src)),
                "true_positive_rate": {"value": round(rng.uniform(0.5, 0.95), 2), "cite": [rng.choice(src)]},
                "false_positive_rate": _estimate(rng, 10 ** -rng.randint(2, 8), 10, "rate per item", rng.choice(src)),
                "items_per_user_per_day": {"value": rng.randint(5, 50), "cite": [rng.choice(src)]},
                "review_minutes_per_hit": {"value": rng.randint(1, 10), "cite": [rng.choice(src)]},
            }
        # feeds: chains of up to CHAIN measures, each feeding the next.
        if i + 1 < n and i + 1 < chain_start + chain_len:
            m["feeds"] = [f"m-{i + 1:05d}"]
        elif i + 1 >= chain_start + chain_len:
            chain_start, chain_len = i + 1, rng.randint(1, CHAIN)
        measures.append(m)
        for k in range(2):
            mitigated = rights[:2] if k == 0 else rights[1:]
            s: dict[str, Any] = {
                "id": f"s-{i:05d}-{k}", "title": text(60), "requires": text(200),
                "mitigates": [{"measure": mid, "right": r, "strength": rng.choice(STRENGTHS), "rationale": text(150),
                               "cite": [rng.choice(src)]} for r in mitigated],
                "effective": rng.random() < 0.9,
            }
            if ids["safeguard_types"]:
                s["type"] = rng.choice(ids["safeguard_types"])
            if ids["safeguard_sources"] and rng.random() < 0.6:
                s["source"] = rng.choice(ids["safeguard_sources"])
            safeguards.append(s)
    alternatives = [
        {"id": f"alt-{i:04d}", "title": text(60), "description": text(200),
         "replaces": sorted({f"m-{rng.randrange(n):05d}" for _ in range(rng.randint(1, 3))}),
         "aims": [rng.choice(aim_ids)],
         "effectiveness": {"level": rng.choice(("low", "medium")), "statement": text(150), "cite": [rng.choice(src)]},
         "interferes": [{"right": rng.choice(ids["rights"]), "severity": rng.choice(SEVERITIES[:2]),
                         "rationale": text(150)}]}
        for i in range(max(2, n // 25))
    ]
    return {
        "id": f"bench-{n}", "title": f"Synthetic register of {n:,} processing operations", "authors": ["benchmarks"],
        "as_of": "2022-06-01", "frameworks": list(FRAMEWORK_IDS), "summary": text(400),
        "sources": sources, "aims": aims, "measures": measures, "safeguards": safeguards,
        "alternatives": alternatives,
    }


def _dump(data: Any, path: Path) -> None:
    path.write_text(yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120),
                    encoding="utf-8")


def write(n: int, out_dir: Path, seed: int = 1232, chunk: int = CHUNK) -> list[Path]:
    """Write the assessment for N measures into ``out_dir``; returns the files, main file first.

    ``assessment.yaml`` holds the header, sources, aims and alternatives; ``measures-NNN.yaml``
    hold at most ``chunk`` measures each, with their safeguards.
    """
    data = build(n, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("measures-*.yaml"):
        old.unlink()
    measures, safeguards = data.pop("measures"), data.pop("safeguards")
    parts: list[Path] = []
    for start in range(0, len(measures), chunk):
        part = out_dir / f"measures-{start // chunk:03d}.yaml"
        _dump({"measures": measures[start:start + chunk], "safeguards": safeguards[2 * start:2 * (start + chunk)]},
              part)
        parts.append(part)
    main = out_dir / "assessment.yaml"
    header = {k: v for k, v in data.items() if k not in ("sources", "aims", "alternatives")}
    header["include"] = [p.name for p in parts]
    header.update({k: data[k] for k in ("sources", "aims", "alternatives")})
    _dump(header, main)
    return [main, *parts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of measures")
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder to write the assessment into")
    parser.add_argument("--seed", type=int, default=1232)
    args = parser.parse_args()
    files = write(args.n, args.out, args.seed)
    size = sum(f.stat().st_size for f in files)
    print(f"{args.out}: {args.n:,} measures in {len(files)} files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
