#!/usr/bin/env bash
# The benchmark: builds the three programs and the bench (unless --no-build), then runs
# java -jar bench/target/bench.jar with the other arguments. Works from any directory; --help lists the settings.
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

build=true
args=()
command_line=$0   # as invoked, for the report
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=false; else args+=("$arg"); fi
  if [[ $arg =~ ^[A-Za-z0-9_./,=:@%+-]+$ ]]; then command_line+=" $arg"; else command_line+=" $(printf '%q' "$arg")"; fi
done

# --dashboard [rows] [jdbc-server-url user password]: item 8, the dashboard on a table of that many rows
# (5 000 000 by default; the scratch database dashboard_bench is kept, so that a rerun skips the fill). Its
# benchmark lives in the dashboard's test sources, beside the fixtures it shares with the dashboard's tests.
if [[ ${1:-} == --dashboard ]]; then
  shift
  cd "$project"
  mvn -B -q -pl dashboard -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp \
    -Dmdep.includeScope=test
  exec java -Xmx4g -cp "dashboard/target/test-classes:dashboard/target/classes:$(cat dashboard/target/cp)" \
    dev.weblogs.dashboard.bench.DashboardBenchmark "${1:-5000000}" "${2:-jdbc:mysql://127.0.0.1:3306/}" \
    "${3:-root}" "${4:-}"
fi

if $build; then
  echo "building the programs and the bench (mvn package; --no-build skips this)"
  (cd "$project" && mvn -q -DskipTests package -pl logs-producer,consumer-data-lake,consumer-data-clean,bench -am)
fi

exec java -Dbench.command="$command_line" -jar "$project/bench/target/bench.jar" "${args[@]+"${args[@]}"}"
