"""Imports point only backwards along the pipeline; compose and makeup never touch PDF."""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "layout"
ORDER = ["catalogue", "diagnostics", "files", "edition", "fonts", "compose", "makeup", "render", "press", "preflight",
         "pipeline", "cli"]
NO_PDF = {"edition", "fonts", "compose", "makeup"}
PDF_LIBS = {"reportlab", "pypdfium2", "pypdf"}


# top-level modules that serve the command line belong to the cli stage
CLI_MODULES = {"messages", "__main__"}


def stage_of(path: Path) -> str:
    rel = path.relative_to(PKG)
    name = rel.parts[0].removesuffix(".py") if rel.parts else ""
    return "cli" if name in CLI_MODULES else name


def imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


MODULES = sorted(p for p in PKG.rglob("*.py") if stage_of(p) in ORDER)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PKG)))
def test_imports_point_backwards(path):
    stage = stage_of(path)
    for name in imports(path):
        top = name.split(".")[0]
        if stage in NO_PDF:
            assert top not in PDF_LIBS, f"{path.name}: stage {stage} imports {name}"
        if top == "layout" and len(name.split(".")) > 1:
            target = name.split(".")[1]
            if target in ORDER:
                assert ORDER.index(target) <= ORDER.index(stage), \
                    f"{path.relative_to(PKG)}: {stage} imports later stage {name}"


def test_every_stage_exists():
    for stage in ORDER[ORDER.index("edition"):]:
        assert (PKG / stage / "__init__.py").exists()


LAZY = PDF_LIBS | {"layout.render", "layout.press", "layout.preflight"}


@pytest.mark.parametrize("path", sorted((PKG / "cli").glob("*.py")), ids=lambda p: p.name)
def test_cli_imports_the_pdf_stages_only_inside_functions(path):
    """`import layout.cli` (and so `newsprint check`) stays free of reportlab and pypdf."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:                       # module level only; a function may import them
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
        for name in names:
            assert not any(name == m or name.startswith(m + ".") for m in LAZY), \
                f"cli/{path.name}: {name} at module level"
