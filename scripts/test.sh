#!/usr/bin/env bash
# Builds the test configuration (Debug, warnings as errors, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs every test suite through ctest.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"

ensure_packages "${CENTRALE_DEBIAN_PACKAGES[@]}" "${CENTRALE_DEBIAN_TEST_PACKAGES[@]}"
configure_and_build "$CENTRALE_ROOT/build-test" -DCMAKE_BUILD_TYPE=Debug -DCENTRALE_WERROR=ON -DCENTRALE_SANITIZE=ON
# The server suites run on SQLite and on this PostgreSQL; without it they fail rather than skip.
start_test_postgres
export CENTRALE_REQUIRE_POSTGRES=1
cd "$CENTRALE_ROOT/build-test"
status=0
ctest --output-on-failure --parallel "${CENTRALE_JOBS:-2}" "$@" || status=$?
exit $status
