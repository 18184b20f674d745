"""Offline, no side effects: rendering opens no network connection, writes only inside the output folder
and never changes its inputs.

* Every format is rendered in-process with the socket layer replaced by a tripwire (Typst runs in-process
  through the typst wheel, so its font and package lookups are covered too), and once more as a subprocess
  in a network namespace with no interfaces (``unshare -rn``), which also covers the ``dot`` processes.
* Writes stay in the output folder: a symlink planted there (index.html → a file outside, diagrams/ → a
  folder outside) never redirects a write, and names with '..' or absolute paths are refused.
* Inputs are hashed before and after every command that reads them (assessment, included files, framework
  data, templates), and no file appears next to them (no __pycache__, no temporary file).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from harness import skip_or_fail

from rightskit.cli import main

ROOT = Path(__file__).resolve().parent
MINIMAL = ROOT / "fixtures" / "security" / "minimal"
FORMATS = "html,md,json,svg,pdf"


def tree_digest(*folders: Path) -> dict[str, str]:
    """Every file under ``folders`` (symlinks as their target text), with its SHA-256 and mode."""
    out: dict[str, str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                out[str(path)] = "link:" + os.readlink(path)
            elif path.is_file():
                out[str(path)] = f"{hashlib.sha256(path.read_bytes()).hexdigest()} {path.stat().st_mode:o}"
            else:
                out[str(path)] = "dir"
    return out


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    """A private copy of an assessment (with an include), the framework data it uses and a templates folder."""
    from rightskit.load import packaged_frameworks_dir

    folder = tmp_path / "input"
    shutil.copytree(MINIMAL, folder)
    text = (folder / "assessment.yaml").read_text(encoding="utf-8")
    (folder / "assessment.yaml").write_text(text + "include:\n  - more/aims.yaml\n", encoding="utf-8")
    (folder / "more").mkdir()
    (folder / "more" / "aims.yaml").write_text(
        "aims:\n  - {id: prevent-spread, title: Prevent the spread of material, kind: general-interest}\n",
        encoding="utf-8")
    frameworks = tmp_path / "frameworks"
    shutil.copytree(packaged_frameworks_dir(), frameworks)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "_title.html.j2").write_text(
        (ROOT.parent / "rightskit" / "render" / "templates" / "_title.html.j2").read_text(encoding="utf-8"),
        encoding="utf-8")
    return {"folder": folder, "file": folder / "assessment.yaml", "frameworks": frameworks, "templates": templates}


class Tripwire:
    """Replaces every way to open a connection or resolve a name; records each attempt and refuses it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.attempts: list[str] = []

        def refuse(what: str) -> Any:
            def blocked(*args: Any, **_kwargs: Any) -> Any:
                self.attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
                raise OSError(f"network access during a render: {what}")

            return blocked

        monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
        monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
        monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
        monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
        monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
        monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))


def test_render_every_format_in_process_without_network(inputs: dict[str, Path], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from rightskit.pipeline import Options, evaluate
    from rightskit.render import render_formats
    from rightskit.render.diagram import diagram

    wire = Tripwire(monkeypatch)
    bundle = evaluate(inputs["file"], Options(frameworks_dirs=[inputs["frameworks"]]))
    written = render_formats(bundle, FORMATS.split(","), tmp_path / "out", templates=inputs["templates"])
    for fmt in ("svg", "png", "pdf", "dot"):
        assert diagram(bundle, "overview", fmt)
    assert {p.name for p in written} >= {"index.html", "report.md", "results.json", "report.pdf", "overview.svg"}
    assert not wire.attempts, wire.attempts


def test_the_tripwire_catches_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    wire = Tripwire(monkeypatch)
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("example.org", 443), timeout=1)
    assert wire.attempts


def _unshare_works() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:

        skip_or_fail("unshare (util-linux) is not installed")
    done = subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False, timeout=30)
    return done.returncode == 0


def test_render_in_a_network_namespace_without_interfaces(inputs: dict[str, Path], tmp_path: Path) -> None:
    if not _unshare_works():
        pytest.skip("unshare -rn is not permitted here (user namespaces disabled)")
    out = tmp_path / "out"
    before = tree_digest(inputs["folder"], inputs["frameworks"], inputs["templates"])
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    # Prove the namespace has no network first: a connection attempt inside it must fail.
    probe = subprocess.run(["unshare", "-rn", sys.executable, "-c",
                            "import socket; socket.create_connection(('1.1.1.1', 53), timeout=2)"],
                           capture_output=True, check=False, timeout=60)
    assert probe.returncode != 0
    done = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "rightskit", "render", str(inputs["file"]), "-o", str(out),
         "--format", FORMATS, "--frameworks-dir", str(inputs["frameworks"]), "--templates", str(inputs["templates"])],
        capture_output=True, text=True, check=False, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    for name in ("index.html", "report.md", "results.json", "report.pdf", "diagrams/overview.svg"):
        assert (out / name).is_file(), name
    assert tree_digest(inputs["folder"], inputs["frameworks"], inputs["templates"]) == before


# --- writes stay inside the output folder -------------------------------------------------------------------


def test_symlinked_index_in_the_output_folder_is_never_followed(inputs: dict[str, Path], tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "precious.html"
    victim.write_text("the user's own file\n", encoding="utf-8")
    os.utime(victim, (1_000_000_000, 1_000_000_000))
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").symlink_to(victim)
    (out / "diagrams").symlink_to(outside, target_is_directory=True)
    before = tree_digest(outside)
    result = CliRunner().invoke(main, ["render", str(inputs["file"]), "-o", str(out), "--format", "html,svg",
                                       "--frameworks-dir", str(inputs["frameworks"])])
    assert "Traceback" not in result.output + result.stderr
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert "refusing to write" in result.stderr, result.stderr
    else:  # replacing the link itself is fine too, as long as the file it pointed at is untouched
        assert not (out / "index.html").is_symlink()
    assert tree_digest(outside) == before
    assert victim.stat().st_mtime == 1_000_000_000


def test_output_names_cannot_leave_the_folder(tmp_path: Path) -> None:
    from rightskit.errors import RenderError
    from rightskit.render.output import target_in

    root = tmp_path / "out"
    root.mkdir()
    for name in ("../escape.html", "/etc/passwd", "diagrams/../../escape.svg", "", "./../x", "a/../../x"):
        with pytest.raises(RenderError):
            target_in(root, name)
    (root / "inner").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(RenderError):
        target_in(root, "inner/x.svg")
    assert target_in(root, "diagrams/overview.svg") == root.resolve() / "diagrams" / "overview.svg"


def test_ids_never_become_paths(tmp_path: Path) -> None:
    """File names come from ids; ids with dots and dashes still make names inside diagrams/."""
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "assessment.yaml").write_text(
        "id: dots\ntitle: Dots\nas_of: 2022-06-01\nframeworks: [eu-charter]\n"
        "rights:\n  - {id: my..right, title: Mine, provisions: [eu-charter/art-7]}\n"
        "measures:\n  - id: a..b\n    title: Dots\n    kind: detection\n    interferes:\n"
        "      - {right: my..right, severity: minor, rationale: x}\n"
        "  - {id: x.svg, title: Ext, kind: removal}\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(folder), "-o", str(out), "--format", "svg"])
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file() and folder not in p.parents]
    assert written and all(out in p.parents for p in written), written
    assert all(p.parent == out / "diagrams" for p in written)


def test_an_output_file_never_replaces_an_input(tmp_path: Path) -> None:
    from rightskit.errors import UsageError
    from rightskit.render.output import refuse_inputs

    source = tmp_path / "assessment.yaml"
    source.write_text("id: x\n", encoding="utf-8")
    (tmp_path / "alias.yaml").symlink_to(source)
    (tmp_path / "sub").mkdir()
    for output in (source, tmp_path / "alias.yaml", tmp_path / "sub" / ".." / "assessment.yaml"):
        with pytest.raises(UsageError, match="is an input of this command"):
            refuse_inputs(output, [source])
    refuse_inputs(tmp_path / "report.txt", [source])  # any other name is fine


# --- inputs are never modified ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["check", "{A}"],
    ["evaluate", "{A}", "--format", "json"],
    ["export", "{A}", "--format", "yaml"],
    ["diagram", "{A}", "--view", "measure:scan", "--format", "svg"],
    ["diff", "{A}", "{A}", "--format", "html"],
    ["render", "{A}", "-o", "{O}", "--format", FORMATS, "--templates", "{T}"],
    ["render", "{A}", "-o", "{IN}", "--format", "html,md,json,svg"],  # even into the input's own folder
])
def test_commands_never_modify_their_inputs(command: list[str], inputs: dict[str, Path], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    fill = {"{A}": str(inputs["file"]), "{O}": str(tmp_path / "out"), "{T}": str(inputs["templates"]),
            "{IN}": str(inputs["folder"])}
    args = [fill.get(a, a) for a in command] + ["--frameworks-dir", str(inputs["frameworks"])] * (
        command[0] not in ("export",))
    watched = (inputs["folder"], inputs["frameworks"], inputs["templates"])
    before = tree_digest(*watched)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output + result.stderr
    after = tree_digest(*watched)
    if "{IN}" in command:  # the report's own files may appear next to the input; nothing else changes
        after = {k: v for k, v in after.items() if k not in before and not any(
            k.endswith(n) for n in ("index.html", "report.md", "results.json"))
                 and "/diagrams" not in k} | {k: after[k] for k in before}
    assert after == before, sorted(set(after.items()) ^ set(before.items()))
    assert not any(private_tmp.iterdir()), f"temporary files left behind: {list(private_tmp.iterdir())}"


def test_python_assessment_leaves_no_bytecode_next_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Running a .py assessment that imports a helper next to it must not write __pycache__ there."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as in a plain shell, whatever this runner sets
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "helper.py").write_text("TITLE = 'Helper title'\n", encoding="utf-8")
    (folder / "assessment.py").write_text(
        "from helper import TITLE\n\nfrom rightskit import Assessment\n\n"
        "assessment = Assessment(TITLE, as_of='2022-06-01', frameworks=['eu-charter'])\n", encoding="utf-8")
    before = tree_digest(folder)
    result = CliRunner().invoke(main, ["check", str(folder / "assessment.py")])
    assert result.exit_code == 0, result.output
    assert "helper" not in sys.modules  # unloaded: another assessment may have its own helper.py
    assert tree_digest(folder) == before
