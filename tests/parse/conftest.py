"""Parser tests run in strict mode: an internal error fails the test instead of being logged."""
from __future__ import annotations

import os

os.environ["SEMIDASH_PARSE_STRICT"] = "1"
