#!/usr/bin/env bash
# Packs nanodream, installs the tarball in an empty folder, and runs it under Node 20, 22 and 24
# (the others fetched with `npx -y -p node@N`). Used by .ci/run after the test suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && npm pack --silent --ignore-scripts --pack-destination "$work" >/dev/null)
mkdir -p "$work/app" && cd "$work/app"
echo '{"name":"app","version":"1.0.0","private":true}' > package.json
npm install --silent --no-audit --no-fund --ignore-scripts "$work"/nanodream-*.tgz
bin="$work/app/node_modules/nanodream/bin/nanodream.cjs"
fail=0
for v in 20 22 24; do
  if [ "$v" = 20 ]; then node_cmd=(node); else node_cmd=(npx -y -p "node@$v" node); fi
  ver=$("${node_cmd[@]}" "$bin" --version 2>&1) || { echo "node $v: --version failed: $ver"; fail=1; continue; }
  out=$(printf 'look\nx me\ni\nswitch to mia\nlook\nundo\nquit\n' | "${node_cmd[@]}" "$bin" --new --home "$work/home$v" 2>&1) || { echo "node $v: piped play failed"; fail=1; continue; }
  if grep -q "You are now playing Mia" <<<"$out"; then echo "node $v: ok (version $ver, piped play)"; else echo "node $v: piped play did not switch to Mia"; fail=1; fi
done
exit $fail
