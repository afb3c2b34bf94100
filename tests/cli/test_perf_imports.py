"""Lazy imports: a preview (and the press package itself) never loads pypdf or the preflight checks."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal" / "2020-02-24"


def _run(code: str, tmp_path: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWSPRINT_CACHE_DIR=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout.strip().split("\n")[-1]


def test_preview_imports_neither_pypdf_nor_the_preflight_checks(tmp_path):
    png = tmp_path / "p1.png"
    code = ("import sys, io, contextlib\n"
            "import layout.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = layout.cli.main(['preview', {str(MINIMAL)!r}, '--page', '1', '--dpi', '20',"
            f" '-o', {str(png)!r}])\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'pypdf'"
            " or m == 'layout.preflight.checks')\n"
            "print(rc, loaded[:3])\n")
    assert _run(code, tmp_path) == "0 []"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_press_exports_load_on_first_use(tmp_path):
    code = ("import sys\n"
            "from layout.press import write_edition, atomic_write\n"
            "before = 'pypdf' in sys.modules or 'layout.preflight.checks' in sys.modules\n"
            "from layout.preflight import preflight, PreflightReport\n"
            "import layout.preflight as stage\n"
            "print(before, callable(preflight), preflight.__module__, stage.preflight is preflight,"
            " 'pypdf' in sys.modules)\n")
    assert _run(code, tmp_path) == "False True layout.preflight.checks True False"   # pypdf: only when needed


def test_build_preflights_its_files_without_pypdf(tmp_path):
    """The build's files are plain PDFs (layout.preflight.pdfread): preflight reads them
    without pypdf (and what pypdf imports), with and without marks and proof."""
    code = ("import sys, io, contextlib, json\n"
            "import layout.cli\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            f"    rc = layout.cli.main(['build', {str(PEER)!r}, '-o', {str(tmp_path / 'out')!r}, '--marks',"
            " '--proof', '--json'])\n"
            "report = json.loads(out.getvalue())\n"
            "print(rc, len(report['preflight']), [m for m in ('pypdf', 'cryptography') if m in sys.modules])\n")
    assert _run(code, tmp_path) == "0 5 []"


def test_unknown_press_name_is_an_attribute_error():
    import layout.press as press

    try:
        press.no_such_thing
    except AttributeError as e:
        assert "no_such_thing" in str(e)
    else:
        raise AssertionError("layout.press.no_such_thing resolved")


PEER = ROOT / "bench" / "peer" / "2020-03-02"     # an edition without pictures
NOT_FOR_CHECK = ("PIL", "pypdf", "reportlab", "fontTools", "uharfbuzz", "subprocess", "tempfile",
                 "hashlib", "difflib", "calendar", "layout.press", "layout.preflight", "layout.render",
                 "layout.fonts.embed")


def test_check_of_an_edition_without_pictures_imports_no_writer(tmp_path):
    """`check` reads and makes up; it writes nothing, so it loads neither the PDF and image
    libraries nor tempfile (atomic writes), nor what only a misspelling needs."""
    code = ("import sys, io, contextlib\n"
            "import layout.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = layout.cli.main(['check', {str(PEER)!r}, '-q'])\n"
            f"loaded = [m for m in {NOT_FOR_CHECK!r} if m in sys.modules]\n"
            "print(rc, loaded)\n")
    _run(code, tmp_path)                            # fills the font metrics cache
    assert _run(code, tmp_path) == "0 []"


def test_yaml_is_read_by_libyaml(tmp_path):
    """The build path parses its YAML in C (PyYAML's pure parser only for odd files)."""
    code = ("import yaml, layout.edition.source as s\n"
            f"print(yaml.__with_libyaml__, s._FastLoader is not None)\n")
    assert _run(code, tmp_path) in ("True True", "False False")
