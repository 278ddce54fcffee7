#!/usr/bin/env bash
# Lint and type-check the code: ruff (rules in pyproject.toml [tool.ruff]) on the package, tests, tools and
# benchmarks, then mypy on catalog/ ([tool.mypy]). Exits non-zero when either finds something.
#   tools/check_code.sh            # from anywhere in the repository; uses .venv/bin when it exists
set -uo pipefail
cd "$(dirname "$0")/.."

bin=""
[ -x .venv/bin/ruff ] && bin=".venv/bin/"
status=0
"${bin}ruff" check catalog tests tools bench || status=1
"${bin}mypy" || status=1
exit $status
