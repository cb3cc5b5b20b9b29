"""Collects check results; scripts/check-deploy.sh counts the `  ok ` and `  FAIL ` lines."""

import json
import re
from pathlib import Path

import yaml


class Report:
    def __init__(self) -> None:
        self.failures = 0

    def section(self, title: str) -> None:
        print(f"\n-- {title}")

    def ok(self, what: str) -> None:
        print(f"  ok    {what}")

    def fail(self, what: str) -> None:
        self.failures += 1
        print(f"  FAIL  {what}")

    def warn(self, what: str) -> None:
        print(f"  warn  {what}")

    def check(self, cond: bool, what: str, detail: str = "") -> bool:
        if cond:
            self.ok(what)
        else:
            self.fail(f"{what}{': ' + detail if detail else ''}")
        return cond

    def all(self, problems: list, what: str) -> bool:
        """ok when `problems` is empty, else one FAIL listing them."""
        return self.check(not problems, what, "; ".join(map(str, problems)))


def load_yaml(report: Report, path: Path):
    try:
        data = yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as err:
        report.fail(f"{path.name}: YAML does not parse: {err}")
        return None
    report.ok(f"{path.as_posix()}: YAML parses")
    return data


def load_json(report: Report, path: Path):
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as err:
        report.fail(f"{path.name}: JSON does not parse: {err}")
        return None
    report.ok(f"{path.as_posix()}: JSON parses")
    return data


def env_file_keys(path: Path) -> dict:
    """KEY=value lines of a dotenv file (comments and blanks skipped)."""
    out = {}
    for line in path.read_text().splitlines():
        m = re.match(r"^([A-Z][A-Z0-9_]*)=(.*)$", line.strip())
        if m:
            out[m.group(1)] = m.group(2)
    return out


def duration_seconds(text: str) -> float:
    """Compose/Prometheus durations such as 35s, 1m30s, 1h, 500ms."""
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31536000}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)", str(text))
    if not parts or "".join(n + u for n, u in parts) != str(text):
        raise ValueError(f"not a duration: {text!r}")
    return sum(float(n) * units[u] for n, u in parts)
