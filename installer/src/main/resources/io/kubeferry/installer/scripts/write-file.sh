# write-file PATH MODE < CONTENT
# Makes PATH hold exactly the bytes on stdin with MODE (octal), atomically and only when something differs: an
# unchanged file keeps its mtime, so a re-run changes nothing. Content comes on stdin because argv is visible to
# every user (ps). Prints "changed" or "unchanged".
set -eu
path=$1
mode=$2
dir=$(dirname -- "$path")
mkdir -p -- "$dir"
# Owner-only from the first byte: a secret is never readable by others, not even while it is being written.
umask 077
tmp=$(mktemp "$dir/.kubeferry-write.XXXXXX")
trap 'rm -f -- "$tmp"' EXIT
cat > "$tmp"
if [ -f "$path" ] && cmp -s -- "$tmp" "$path" && [ "$(stat -c %a -- "$path")" = "${mode#0}" ]; then
  echo unchanged
  exit 0
fi
chmod "$mode" -- "$tmp"
# rename(2) within one directory: readers see the old file or the new one, never a half-written one.
mv -f -- "$tmp" "$path"
trap - EXIT
echo changed
