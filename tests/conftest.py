"""Hypothesis profiles: on CI (CI set in the environment, as .ci/run does) the examples are
derandomised, so a landing never fails on a draw no one can replay; elsewhere every run
draws new examples and keeps the failing ones in .hypothesis/."""
import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.txt from the current layout instead of comparing")


@pytest.fixture
def copy(tmp_path):
    """A private copy of the minimal fixture edition; returns its folder."""
    import shutil

    from fixtures.editing import MINIMAL
    target = tmp_path / "minimal"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture
def synth(tmp_path):
    """Two synthetic fonts and their manifest; returns (font folder, cache folder)."""
    from fixtures.synthfonts import GLYPHS_A, GLYPHS_B, build_font, write_manifest
    folder = tmp_path / "fonts"
    folder.mkdir()
    build_font(folder / "a.ttf", "SynthA", GLYPHS_A)
    build_font(folder / "b.ttf", "SynthB", GLYPHS_B)
    write_manifest(folder, ["a", "b"])
    return folder, tmp_path / "cache"
