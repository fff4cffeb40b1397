# read-checkpoints DIR
# Prints "<step-id> <input-hash>" for every checkpoint recorded in DIR, in one command (one round trip per host).
# No DIR yet means nothing was recorded: a fresh or reinstalled host.
set -eu
[ -d "$1" ] || exit 0
for f in "$1"/*; do
  [ -f "$f" ] || continue
  printf '%s %s\n' "${f##*/}" "$(cat -- "$f")"
done
