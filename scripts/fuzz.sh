#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 and runs each for N seconds (default 30) on a
# copy of its seed corpus. Crashes are saved in build-fuzz/crashes; keep them as regression
# tests (tests/fuzz/corpus) once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then $SUDO apt-get update -qq; $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" --target fuzz_parsers fuzz_sim_request fuzz_http_answer fuzz_callback_request fuzz_mqtt fuzz_web_json
mkdir -p build-fuzz/crashes
status=0
for t in parsers sim_request http_answer callback_request mqtt web_json; do
  work=build-fuzz/corpus-$t
  rm -rf "$work"; cp -r tests/fuzz/corpus/$t "$work"
  echo "== fuzz_$t for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=0 ./build-fuzz/tests/fuzz/fuzz_$t "$work" -max_total_time="$seconds" \
       -artifact_prefix=build-fuzz/crashes/$t- -print_final_stats=1 2>build-fuzz/fuzz_$t.log; then
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss|cov:" build-fuzz/fuzz_$t.log | tail -3
done
exit $status
