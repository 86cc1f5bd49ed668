#!/usr/bin/env bash
# Runs README's own "fix everything" command (`dotnet format analyzers MyProject.csproj --diagnostics ... --severity
# info`, read from README.md, the project path substituted) N times, each time on a fresh copy of a project, and
# reports whether every run gave the same result and whether any run printed "Unable to fix" (dotnet format's line
# when the first diagnostic of an id it meets carries no fix: it then fixes no diagnostic of that id). After the
# first run it builds the result and counts the diagnostics of the command's ids left. See bench/README.md.
#
#   bench/format-repeat.sh [-n RUNS] [--no-build] [--no-verify] PROJECT...
#
# PROJECT: a folder name under tests/data/format-hard-cases/ (KerasNetHardCases, TfNetHardCases) or samples/
# (KerasNetSample, TfNetSample, TorchSharpSample). Exit status 0 when every project gave one result, no "Unable to
# fix", every run exited 0 and no diagnostic of the command's ids was left; 1 otherwise; 2 on a usage error.
set -uo pipefail

runs=20
build=1
verify=1
projects=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-verify) verify=0; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) projects+=("$1"); shift ;;
  esac
done
[ ${#projects[@]} -gt 0 ] || { echo "usage: $0 [-n RUNS] [--no-build] [--no-verify] PROJECT..." >&2; exit 2; }
case "$runs" in ''|*[!0-9]*) echo "-n needs a positive number" >&2; exit 2 ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# README's command, exactly as a user copies it (one line starting with "dotnet format analyzers MyProject.csproj").
readme_command="$(grep -m1 -E '^dotnet format analyzers MyProject\.csproj ' "$root/README.md")"
[ -n "$readme_command" ] || { echo "README.md has no 'dotnet format analyzers MyProject.csproj ...' line" >&2; exit 2; }
ids="$(echo "$readme_command" | grep -oE 'KL[0-9]{4}' | sort -u | tr '\n' ' ')"

if [ "$build" = 1 ]; then
  dotnet build "$root/src/KerasLint.CodeFixes/KerasLint.CodeFixes.csproj" -c Release --nologo -v q >/dev/null \
    || { echo "building src/KerasLint.CodeFixes failed" >&2; exit 2; }
fi
codefixes="$(ls "$root"/src/KerasLint.CodeFixes/bin/Release/*/KerasLint.CodeFixes.dll 2>/dev/null | head -1)"
[ -n "$codefixes" ] || { echo "no built KerasLint.CodeFixes.dll (drop --no-build)" >&2; exit 2; }
analyzer_dir="$(dirname "$codefixes")"

# The .cs files of a project folder, hashed in a fixed order (bin/ and obj/ left out).
digest() { (cd "$1" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16); }

# A copy of PROJECT and its stand-in API next to it, under a fresh folder, with the built analyzer referenced by path.
fresh_copy() {
  local name="$1" src="$2" api="$3" dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/keraslint-format-repeat.XXXXXX")"
  mkdir -p "$dir/samples"
  for d in "$src" ${api:+"$root/samples/$api"}; do
    local target="$dir/samples/$(basename "$d")"
    [ "$d" = "$src" ] && target="$dir/samples/$name"
    cp -r "$d" "$target"
    find "$target" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
  done
  cp "$root/samples/.editorconfig" "$dir/samples/.editorconfig"
  cp "$root/Directory.Build.props" "$root/Directory.Packages.props" "$dir/"
  local csproj="$dir/samples/$name/$name.csproj"
  sed -i -E '/<ProjectReference Include="[^"]*src[\\/]KerasLint\.(Analyzers|CodeFixes)[\\/][^"]*"[^>]*\/>/d' "$csproj"
  sed -i "s#</Project>#  <ItemGroup>\n    <Analyzer Include=\"$analyzer_dir/KerasLint.Analyzers.dll\" />\n    <Analyzer Include=\"$analyzer_dir/KerasLint.CodeFixes.dll\" />\n  </ItemGroup>\n</Project>#" "$csproj"
  echo "$dir"
}

echo "command (README.md): $readme_command"
echo "analyzer: $analyzer_dir"
status=0
summaries=()
for name in "${projects[@]}"; do
  if [ -d "$root/tests/data/format-hard-cases/$name" ]; then src="$root/tests/data/format-hard-cases/$name"
  elif [ -d "$root/samples/$name" ]; then src="$root/samples/$name"
  else echo "no project folder $name under tests/data/format-hard-cases/ or samples/" >&2; exit 2; fi
  api="$(grep -oE '\.\.[\\/](KerasNetApi|TfNetApi)[\\/]' "$src/$name.csproj" | head -1 | sed -E 's#^\.\.[\\/]##; s#[\\/]$##')"
  original="$(digest "$src")"
  declare -A results=()
  unable_runs=0; failed_runs=0; unchanged_runs=0; left="not checked"
  start=$(date +%s)
  for i in $(seq 1 "$runs"); do
    dir="$(fresh_copy "$name" "$src" "$api")"
    command="${readme_command/MyProject.csproj/$dir/samples/$name/$name.csproj}"
    (cd "$dir" && eval "$command") >"$dir/format.log" 2>&1
    rc=$?
    unable=$(grep -c "Unable to fix" "$dir/format.log")
    result="$(digest "$dir/samples/$name")"
    results[$result]=$(( ${results[$result]:-0} + 1 ))
    [ "$unable" -gt 0 ] && unable_runs=$((unable_runs + 1))
    [ "$rc" -ne 0 ] && failed_runs=$((failed_runs + 1))
    [ "$result" = "$original" ] && unchanged_runs=$((unchanged_runs + 1))
    echo "$name run $i/$runs: exit $rc, result $result$([ "$result" = "$original" ] && echo ' (unchanged)'), \"Unable to fix\" lines: $unable"
    [ "$unable" -gt 0 ] && grep "Unable to fix" "$dir/format.log" | head -3 | sed 's/^/    /'
    if [ "$i" = 1 ] && [ "$verify" = 1 ]; then
      # What the first result leaves: the diagnostics of the command's ids a build still reports.
      (cd "$dir" && dotnet build "samples/$name/$name.csproj" --no-incremental --nologo --disable-build-servers -nodeReuse:false) >"$dir/build.log" 2>&1
      build_rc=$?
      left=$(grep -oE "[^ ]+\([0-9]+,[0-9]+\): (warning|error) KL[0-9]{4}" "$dir/build.log" | sort -u | grep -oE "KL[0-9]{4}$" \
        | grep -xF -f <(tr ' ' '\n' <<<"$ids" | grep .) | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')
      [ -z "$left" ] && left="none"
      echo "$name run 1 built: exit $build_rc; diagnostics of the command's ids left: $left"
      [ "$build_rc" -ne 0 ] && { grep -E " error " "$dir/build.log" | head -5 | sed 's/^/    /'; status=1; }
      [ "$left" != "none" ] && status=1
    fi
    rm -rf "$dir"
  done
  distinct=${#results[@]}
  wall=$(( $(date +%s) - start ))
  summary="$name: $runs runs in ${wall}s, $distinct distinct result(s), $unable_runs run(s) with \"Unable to fix\", $failed_runs non-zero exit(s), $unchanged_runs unchanged, left after run 1: $left"
  summaries+=("$summary")
  [ "$distinct" -ne 1 ] || [ "$unable_runs" -ne 0 ] || [ "$failed_runs" -ne 0 ] && status=1
  unset results
done
echo
printf '%s\n' "${summaries[@]}"
exit $status
