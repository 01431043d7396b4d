"""Shared test fixtures: where ../shared is, Hypothesis profiles."""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import govreport

# Hypothesis mixes the literal constants of the local modules loaded so far into what it
# draws, so a module that one test imports late would change the examples of every later
# property, and a fixed (``derandomize``) search would differ between one file and the whole
# suite; and every literal changed in the package would change every fixed example. The
# draws are kept independent of the package's source: no local constants (Hypothesis'
# private hook, so guarded), and should that hook go, every module of the package is loaded
# before any test, so that one file and the whole suite still draw alike.
try:
    from hypothesis.internal.conjecture import providers as _providers
    from hypothesis.internal.constants_ast import Constants as _Constants
except ImportError:  # pragma: no cover - another Hypothesis
    pass
else:
    if hasattr(_providers, "_get_local_constants"):
        _providers._get_local_constants = _Constants  # type: ignore[assignment]
for _module in pkgutil.walk_packages(govreport.__path__, "govreport."):
    importlib.import_module(_module.name)

REPO = Path(__file__).resolve().parent.parent
#: real reports live beside the repository, never inside it (see README "Tests")
SHARED = Path(os.environ.get("GOVREPORT_SHARED", REPO.parent / "shared"))
GOLDEN = Path(__file__).resolve().parent / "golden"

SHARED_REASON = (
    f"real report texts not found at {SHARED} (a fresh clone has no ../shared; "
    "set GOVREPORT_SHARED to its location to run these tests)"
)


def shared_path(relative: str) -> Path:
    """Path of a file under ../shared, or skip the test with a clear reason."""
    path = SHARED / relative
    if not path.is_file():
        pytest.skip(f"{SHARED_REASON}: missing {relative}")
    return path


def shared_text(relative: str) -> str:
    return shared_path(relative).read_text(encoding="utf-8")


requires_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=SHARED_REASON)

# Hypothesis: `dev` for quick local runs; `ci` (selected by HYPOTHESIS_PROFILE=ci, set by
# .ci/run) searches more widely with a fixed seed, so that a CI run on main is reproducible;
# `explore` searches at random with many more examples (run it locally and pin what it finds
# as an @example). Deadlines stay on, just generous for parsing whole reports.
settings.register_profile("dev", max_examples=30, deadline=2000)
settings.register_profile(
    "ci", max_examples=200, deadline=5000, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore", max_examples=2000, deadline=10000, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("fast", max_examples=10, deadline=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
