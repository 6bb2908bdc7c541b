#!/usr/bin/env bash
# Builds the libFuzzer target of the voice prompt importer (tests/fuzz/fuzz_prompt_import.cpp) with
# clang, AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz, then runs it for a bounded
# time with the audio fixtures (tests/data/audio) as seed corpus.
#   scripts/fuzz.sh [SECONDS] [libFuzzer options...]      default: 60 seconds
# A crash leaves its input in build-fuzz/fuzz-artifacts/; replay it with
#   build-fuzz/bin/fuzz_prompt_import build-fuzz/fuzz-artifacts/crash-...
set -euo pipefail
source "$(dirname "$0")/common.sh"

seconds=${1:-60}
[ $# -gt 0 ] && shift
ensure_packages "${CENTRALE_DEBIAN_PACKAGES[@]}" "${CENTRALE_DEBIAN_FUZZ_PACKAGES[@]}"
dir="$CENTRALE_ROOT/build-fuzz"
# centrale_core is instrumented for coverage too (fuzzer-no-link); only the target links libFuzzer.
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
[ -f "$dir/CMakeCache.txt" ] || generator_args=("${generator[@]}")
cmake -S "$CENTRALE_ROOT" -B "$dir" ${generator_args[@]+"${generator_args[@]}"} -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link \
    -DCENTRALE_BUILD_GUI=OFF -DCENTRALE_SANITIZE=ON -DCENTRALE_FUZZ=ON >/dev/null || { print_requirements; exit 1; }
cmake --build "$dir" --parallel "${CENTRALE_JOBS:-2}" --target fuzz_prompt_import
corpus="$dir/fuzz-corpus" # grows from run to run; the fixtures only seed it
mkdir -p "$corpus" "$dir/fuzz-artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
# Known leaks inside libsndfile/libvorbis, not in Centrale (see the file).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$CENTRALE_ROOT/tests/fuzz/lsan.supp}
"$dir/bin/fuzz_prompt_import" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$dir/fuzz-artifacts/" "$@" "$corpus" "$CENTRALE_ROOT/tests/data/audio"
