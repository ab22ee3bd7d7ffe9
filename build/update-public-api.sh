#!/usr/bin/env bash
# Adds every public symbol the compiler reports as undeclared (RS0016) to PublicAPI.Unshipped.txt and drops the
# ones it reports as gone (RS0017), for one project or all of src/, and keeps the file sorted ordinally (LC_ALL=C:
# byte order, which is ordinal for these ASCII lines), #nullable enable first. Review the diff: it is the API you ship.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/*/)
for project in "${projects[@]}"; do
  dir=${project%/}; [ -f "$dir/PublicAPI.Unshipped.txt" ] || continue
  out=$(dotnet build "$dir" -nologo -p:TreatWarningsAsErrors=false 2>&1 || true)
  grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" <<<"$out" | LC_ALL=C sort -u >> "$dir/PublicAPI.Unshipped.txt" || true
  grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared API, but is either not public or could not be found)" <<<"$out" | sort -u | while IFS= read -r gone; do
    grep -vxF -- "$gone" "$dir/PublicAPI.Unshipped.txt" > "$dir/PublicAPI.tmp" || true; mv "$dir/PublicAPI.tmp" "$dir/PublicAPI.Unshipped.txt"
  done
  { head -n1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$dir/PublicAPI.tmp" && mv "$dir/PublicAPI.tmp" "$dir/PublicAPI.Unshipped.txt"
done
