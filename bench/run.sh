#!/usr/bin/env bash
# The benchmark of issue 6: builds the three programs and the bench (unless --no-build), then runs
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

if $build; then
  echo "building the programs and the bench (mvn package; --no-build skips this)"
  (cd "$project" && mvn -q -DskipTests package -pl logs-producer,consumer-data-lake,consumer-data-clean,bench -am)
fi

exec java -Dbench.command="$command_line" -jar "$project/bench/target/bench.jar" "${args[@]+"${args[@]}"}"
