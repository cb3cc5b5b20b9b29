"""Structural checks of the deploy artifacts; run by scripts/check-deploy.sh as `run.py <repo root>`.
Prints `  ok`/`  FAIL`/`  warn` lines and exits 1 when anything failed."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import compose_rules  # noqa: E402
import image_rules  # noqa: E402
import observability_rules  # noqa: E402
import workflow_rules  # noqa: E402
from report import Report  # noqa: E402


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    report = Report()
    for module in (compose_rules, image_rules, workflow_rules, observability_rules):
        try:
            module.run(report, root)
        except Exception as err:  # one broken file must not hide the other groups' results
            report.fail(f"{module.__name__} crashed: {type(err).__name__}: {err}")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
