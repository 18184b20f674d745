"""Rewrite the generated counts table in frameworks/README.md from `rightskit frameworks --counts` (make docs)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rightskit.cli import main

README = Path(__file__).resolve().parents[1] / "frameworks" / "README.md"

if __name__ == "__main__":
    table = CliRunner().invoke(main, ["frameworks", "--counts"]).stdout
    text = README.read_text(encoding="utf-8")
    head = text.index("<!-- counts: begin")
    start = text.index("-->", head) + len("-->\n")
    end = text.index("<!-- counts: end -->")
    tmp = README.with_suffix(".md.tmp")
    tmp.write_text(text[:start] + table + text[end:], encoding="utf-8")
    tmp.replace(README)
    print(f"wrote {README.name} counts")
