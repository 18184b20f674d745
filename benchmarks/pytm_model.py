"""Write an OWASP pytm model of the same size as a synthetic rightskit assessment.

The rightskit assessment of N measures becomes N pytm elements (processes for the measures, with
servers, datastores and actors mixed in, as a real model would have), spread over boundaries of
at most 100 elements (rightskit's diagrams group by cluster too), and N dataflows: each element
sends to the next in its boundary, plus one cross-boundary flow per boundary. Runs only in the
separate pytm venv (benchmarks/.venv-pytm), never in the project's.

    python benchmarks/pytm_model.py 100 -o /tmp/pytm-100.py
    benchmarks/.venv-pytm/bin/python /tmp/pytm-100.py --report benchmarks/pytm_template.md
    benchmarks/.venv-pytm/bin/python /tmp/pytm-100.py --dfd | dot -Tsvg > /tmp/pytm-100.svg
"""

from __future__ import annotations

import argparse
from pathlib import Path

#: The tiny report template: model name, then one line per finding.
TEMPLATE = """# {tm.name}

{findings:repeat:- {{item.id}} {{item.threat_id}} {{item.target}}
}
"""

_HEAD = '''"""Generated pytm model: {n} elements, {flows} dataflows (benchmarks/pytm_model.py)."""
from pytm import TM, Actor, Boundary, Dataflow, Datastore, Process, Server

tm = TM("Synthetic register of {n} processing operations")
tm.description = "Benchmark model generated to match rightskit's synthetic assessment of the same size."
tm.isOrdered = True
'''

#: Element classes in rotation; processes dominate, as measures do in the rightskit assessment.
_KINDS = ("Process", "Process", "Server", "Datastore", "Process", "Actor")


def source(n: int, per_boundary: int = 100) -> str:
    """The Python source of a pytm model with ``n`` elements and ``n`` dataflows."""
    boundaries = max(1, -(-n // per_boundary))
    flows = 0
    lines: list[str] = []
    for b in range(boundaries):
        lines.append(f'b{b} = Boundary("Boundary {b}")')
    for i in range(n):
        kind = _KINDS[i % len(_KINDS)]
        lines.append(f'e{i} = {kind}("Element {i} of the synthetic register")')
        lines.append(f"e{i}.inBoundary = b{i // per_boundary}")
        if kind in ("Process", "Server"):
            lines.append(f"e{i}.handlesResources = True")
    for i in range(n):
        b = i // per_boundary
        last_in_boundary = (i + 1) % per_boundary == 0 or i + 1 == n
        if not last_in_boundary:
            lines.append(f'Dataflow(e{i}, e{i + 1}, "Flow {i}: element {i} to element {i + 1}")')
            flows += 1
        elif b + 1 < boundaries:
            lines.append(f'Dataflow(e{i}, e{i + 1}, "Flow {i}: boundary {b} to boundary {b + 1}")')
            flows += 1
    # Close the ring so the model has N flows (N elements, N dataflows).
    if n > 1:
        lines.append(f'Dataflow(e{n - 1}, e0, "Flow {n - 1}: back to the start")')
        flows += 1
    tail = '\nif __name__ == "__main__":\n    tm.process()\n'
    return _HEAD.format(n=n, flows=flows) + "\n".join(lines) + "\n" + tail


def write(n: int, out: Path) -> Path:
    """Write the model for ``n`` and the tiny template beside it; returns the model file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(source(n), encoding="utf-8")
    (out.parent / "pytm_template.md").write_text(TEMPLATE, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    write(args.n, args.out)


if __name__ == "__main__":
    main()
