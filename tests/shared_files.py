"""Where the tests find ../shared (seeds, the policy corpus): next to the repository.

Without it a test skips on a developer's machine and fails where it must run: in CI, which
sets GONGKAI_REQUIRE_SHARED=1 (as GONGKAI_REQUIRE_BROWSER does for the browser suite).
"""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_required():
    return os.environ.get("GONGKAI_REQUIRE_SHARED") == "1"


def shared_path(*parts):
    """The path under ../shared, or skip (fail in CI) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} not found (../shared next to the repository)"
        if shared_required():
            pytest.fail(f"{reason} (GONGKAI_REQUIRE_SHARED=1)", pytrace=False)
        pytest.skip(reason)
    return path
