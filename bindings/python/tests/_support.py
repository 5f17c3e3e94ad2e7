"""Shared helpers of the Python tests: where the examples and the CLI are."""
import os
import subprocess
from typing import List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("SHIFAN_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", "..", ".."))
EXAMPLES = os.path.join(SOURCE_DIR, "examples", "applications")
CLI: Optional[str] = os.environ.get("SHIFAN_CLI") or None


def example(name: str) -> str:
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return f.read()


def example_names() -> List[str]:
    return sorted(n for n in os.listdir(EXAMPLES) if n.endswith(".json"))


def cli(*args: str) -> str:
    assert CLI
    return subprocess.run([CLI, *args], check=True, capture_output=True).stdout.decode("utf-8")
