"""Hypothesis profiles: on CI (CI set in the environment, as .ci/run does) the examples are
derandomised, so a landing never fails on a draw no one can replay; elsewhere every run
draws new examples and keeps the failing ones in .hypothesis/."""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.txt from the current layout instead of comparing")
