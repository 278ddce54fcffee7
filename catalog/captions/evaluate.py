"""`python -m catalog.captions.evaluate`: how well the caption parser reads captions, from a checkout.

The scoring and the labelled sets are not part of the installed package: the sets are test data
(``tests/data/captions``, and ``../shared/captions/dev.jsonl`` beside the checkout) and the scorer is
``tools/evaluate_captions.py``, which this module runs with the same arguments. Run from an installed
package with no checkout beside it, it says so and exits 2 instead of failing on a missing import.

    python -m catalog.captions.evaluate --split tune --show-errors
    python -m catalog.captions.evaluate ../shared/captions/dev.jsonl --speed
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

#: The checkout this module sits in, when it is run from one (catalog/captions/evaluate.py, two levels up).
CHECKOUT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    """Run tools/evaluate_captions.py's command (exit 1 below a target, 2 when nothing can be scored)."""
    if not (CHECKOUT / "tools" / "evaluate_captions.py").is_file():
        print("the caption evaluation needs a checkout of catalog (tools/ and tests/data/ are not installed "
              "with the package): run it from the repository", file=sys.stderr)
        return 2
    if str(CHECKOUT) not in sys.path:
        sys.path.insert(0, str(CHECKOUT))
    scorer = importlib.import_module("tools.evaluate_captions")
    return int(scorer.main(argv))


if __name__ == "__main__":
    sys.exit(main())
