#!/usr/bin/env bash
# Results must not change when the code only gets faster. Runs the small fixed-seed study in
# study-small.json (every design, the fitted model and one anchored crash) on 1 thread and on 2,
# and digests what the report says: summary.json with timing fields removed and keys in canonical
# order (the values and every array order compared exactly), metrics.csv, and the
# scenario tables. The two thread counts must agree with each other and with digest.txt.
#
#   bench/results/check.sh [JAR]           check (JAR defaults to cli/target/noliq.jar)
#   bench/results/check.sh --record [JAR]  write digest.txt (after a change that is meant to move results)
#
# Exit 0 when identical, 1 when a digest differs (the differing files are named), 2 on bad usage.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
record=""
if [ "${1:-}" = "--record" ]; then record=1; shift; fi
jar="${1:-$root/cli/target/noliq.jar}"
[ -f "$jar" ] || { echo "check.sh: no jar at $jar (build with ./mvnw -pl cli -am package -DskipTests)" >&2; exit 2; }
. "$root/.mvn/find-jdk.sh"
JAVA_HOME=$(noliq_find_jdk)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

digest() { # DIR -> one line per file: sha256 name
  local dir=$1
  python3 - "$dir/summary.json" > "$dir/summary.stripped.json" <<'PY'
import json, re, sys
timing = re.compile(r'(elapsed|wall|timing|duration|seconds_taken|generated_?at|started|finished|millis)', re.I)
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if not timing.search(k)}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
json.dump(strip(json.load(open(sys.argv[1]))), sys.stdout, indent=1, sort_keys=True)
PY
  (cd "$dir" && for f in summary.stripped.json metrics.csv headline-by-scenario.csv scenario-*.csv claims.csv; do
     if [ -f "$f" ]; then sha256sum "$f"; fi
   done)
}

for t in 1 2; do
  "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" simulate --config "$here/study-small.json" --threads "$t" \
      --out "$work/t$t" >"$work/t$t.log" 2>&1 || { cat "$work/t$t.log" >&2; exit 1; }
  digest "$work/t$t" > "$work/t$t.sha"
done
if ! diff "$work/t1.sha" "$work/t2.sha" >/dev/null; then
  echo "check.sh: 1 thread and 2 threads differ:" >&2
  diff "$work/t1.sha" "$work/t2.sha" >&2 || true
  exit 1
fi
if [ -n "$record" ]; then
  cp "$work/t1.sha" "$here/digest.txt"
  echo "check.sh: recorded $(wc -l < "$here/digest.txt") digests in $here/digest.txt"
  exit 0
fi
if ! diff "$here/digest.txt" "$work/t1.sha" >&2; then
  echo "check.sh: results differ from digest.txt (lines above: < recorded, > now)" >&2
  exit 1
fi
echo "check.sh: results identical to digest.txt on 1 and 2 threads ($(wc -l < "$here/digest.txt") files)"
