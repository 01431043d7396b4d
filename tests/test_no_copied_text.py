"""No file of the repository holds passages of the real reports in ../shared: tests read them
from there, fixtures are our own wording (``../shared/tools/copied_text.py`` compares windows of
36 characters; a formulaic sentence may match once or twice, a passage may not)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import REPO, SHARED, SHARED_REASON

TOOL = SHARED / "tools" / "copied_text.py"


@pytest.mark.skipif(not TOOL.is_file(), reason=f"{SHARED_REASON} (or it has no tools/)")
def test_no_file_holds_real_report_text() -> None:
    result = subprocess.run([sys.executable, str(TOOL), str(REPO)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.stdout == "", result.stdout
