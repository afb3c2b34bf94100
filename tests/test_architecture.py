"""Imports point only backwards along the pipeline; compose and makeup never touch PDF.

Every module's stage is the first part of its path under layout/ (layout/compose/lines.py
is in compose, layout/cli/messages.py in cli); every import of a layout module is
resolved, written any way Python allows (`import layout.x`, `from layout.x import y`,
`from layout import x`, `from .y import z`, `from ..render import paint`), at module level
or inside a function, and must not point to a later stage."""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "layout"
# the pipeline, first to last (`ls layout/` must show nothing else)
ORDER = ["base", "edition", "fonts", "compose", "makeup", "render", "press", "preflight",
         "pipeline", "cli", "__main__"]
NO_PDF = {"base", "edition", "fonts", "compose", "makeup"}
PDF_LIBS = {"reportlab", "pypdfium2", "pypdf"}


def module_name(path: Path, pkg: Path = PKG) -> str:
    """layout/compose/lines.py -> layout.compose.lines; a package's __init__.py -> the package."""
    parts = ("layout",) + path.relative_to(pkg).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str:
    """layout.compose.lines -> compose; layout -> '' (the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layout_imports(source: str, module: str, is_package: bool):
    """(line, imported module) for every layout module `source` imports, relative ones resolved."""
    here = module if is_package else module.rpartition(".")[0]     # the package `.` means
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "layout":
                    yield node.lineno, a.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "layout":
                continue
            if target == "layout":        # from layout import compose, base: each is a module
                for a in node.names:
                    yield node.lineno, f"layout.{a.name}"
            else:
                yield node.lineno, target


def backward_arrows(source: str, module: str, is_package: bool = False) -> list[str]:
    stage = stage_of(module)
    out = []
    for line, target in layout_imports(source, module, is_package):
        to = stage_of(target)
        if to in ORDER and stage in ORDER and ORDER.index(to) > ORDER.index(stage):   # a stray: strays()
            out.append(f"{module}:{line}: {stage} imports the later stage {to} ({target})")
    return out


MODULES = sorted(PKG.rglob("*.py"))


def _id(p: Path) -> str:
    return str(p.relative_to(PKG))


def strays(pkg: Path) -> list[str]:
    """What `ls pkg` shows beyond the pipeline's stages (and __init__.py, __pycache__)."""
    return sorted(p.name for p in pkg.iterdir()
                  if p.name not in ("__init__.py", "__pycache__") and p.name.removesuffix(".py") not in ORDER)


def arrows_in(path: Path, pkg: Path = PKG) -> list[str]:
    """The backward arrows of one module file of the package at `pkg`."""
    return backward_arrows(path.read_text(encoding="utf-8"), module_name(path, pkg), path.name == "__init__.py")


def test_the_folder_list_is_the_pipeline():
    """`ls layout/` shows the stages and nothing else; every module belongs to one."""
    assert strays(PKG) == []
    stray = {_id(p) for p in MODULES if stage_of(module_name(p)) not in ORDER and p != PKG / "__init__.py"}
    assert not stray, f"modules outside the pipeline's stages: {sorted(stray)}"
    assert (PKG / "__init__.py").read_text(encoding="utf-8").strip() == ""


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_imports_point_backwards(path):
    source = path.read_text(encoding="utf-8")
    module = module_name(path)
    assert arrows_in(path) == []
    if stage_of(module) in NO_PDF:
        for node in ast.walk(ast.parse(source)):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                     else [])
            for name in names:
                assert name.split(".")[0] not in PDF_LIBS, f"{_id(path)}: {name} in a stage before render"


@pytest.mark.parametrize("source, module, is_package, later", [
    ("from ..render import paint_page", "layout.compose.lines", False, "render"),
    ("from ..render.paint import ink", "layout.compose.lines", False, "render"),
    ("from .. import render", "layout.makeup.pages", False, "render"),
    ("from layout import press", "layout.makeup.pages", False, "press"),
    ("import layout.cli.app", "layout.pipeline.run", False, "cli"),
    ("def f():\n    from layout.preflight import preflight", "layout.press.write", False, "preflight"),
    ("from .paint import ink", "layout.render", True, None),                # the package's own module
    ("from . import model", "layout.compose.lines", False, None),
    ("from ..base.diagnostics import error", "layout.compose.lines", False, None),
    ("from layout import base", "layout.edition.load", False, None),
])
def test_the_resolver_sees_every_spelling(source, module, is_package, later):
    found = backward_arrows(source, module, is_package)
    if later is None:
        assert found == []
    else:
        assert len(found) == 1 and f"the later stage {later}" in found[0]


def test_every_stage_exists():
    for stage in ORDER[ORDER.index("edition"):ORDER.index("__main__")]:
        assert (PKG / stage / "__init__.py").exists()


def test_a_planted_backward_import_and_a_stray_module_are_caught(tmp_path):
    """The checks above run on a copy of the package with one backward import (compose
    importing render, relatively, inside a function) and one module loose at the top."""
    copy = tmp_path / "layout"
    for path in MODULES:
        target = copy / path.relative_to(PKG)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    assert strays(copy) == [] and not any(arrows_in(p, copy) for p in copy.rglob("*.py"))
    planted = copy / "compose" / "lines.py"
    planted.write_text(planted.read_text(encoding="utf-8") + "\n\ndef _planted():\n    from ..render import paint\n",
                       encoding="utf-8")
    (copy / "messages.py").write_text("from layout.base.catalogue import msg\n", encoding="utf-8")
    found = [a for p in sorted(copy.rglob("*.py")) for a in arrows_in(p, copy)]
    assert len(found) == 1 and found[0].startswith("layout.compose.lines:") and "later stage render" in found[0]
    assert strays(copy) == ["messages.py"]


LAZY = PDF_LIBS | {"layout.render", "layout.press", "layout.preflight"}


@pytest.mark.parametrize("path", sorted((PKG / "cli").glob("*.py")) + sorted((PKG / "pipeline").glob("*.py")),
                         ids=_id)
def test_cli_imports_the_pdf_stages_only_inside_functions(path):
    """`import layout.cli` (and so `newsprint check`) stays free of reportlab and pypdf."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:                       # module level only; a function may import them
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
        for name in names:
            assert not any(name == m or name.startswith(m + ".") for m in LAZY), \
                f"{_id(path)}: {name} at module level"


def test_tests_mirror_the_package():
    """tests/<stage>/test_*.py for every stage; only whole-pipeline tests sit in tests/ itself."""
    tests = Path(__file__).resolve().parent
    folders = {p.parent.name for p in tests.glob("*/test_*.py")}
    stages = {p.name for p in PKG.iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert folders <= stages, f"test folders that are no stage: {sorted(folders - stages)}"
    assert stages <= folders, f"stages without tests: {sorted(stages - folders)}"
    names = [p.name for p in tests.rglob("test_*.py")]
    assert len(names) == len(set(names)), "a test file name is used twice (no __init__.py here)"
    loose = sorted(p.name for p in tests.glob("test_*.py"))
    assert loose == ["test_architecture.py", "test_end_to_end.py", "test_sample_edition.py"], loose
