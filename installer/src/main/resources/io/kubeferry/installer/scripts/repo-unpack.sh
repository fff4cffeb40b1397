# repo-unpack STAGED_TAR REPO_DIR MARKER DIGEST
# Replaces REPO_DIR with the uploaded repository archive: unpacked into a fresh REPO_DIR.new, swapped in, the old
# copy removed. MARKER records the archive's digest last, so an interrupted unpack is redone by the next run and a
# finished one is never unpacked again. The staged archive is removed at the end.
set -eu
staged=$1
repo=$2
marker=$3
digest=$4
rm -rf "$repo.new"
mkdir -p "$repo.new"
tar -xf "$staged" -C "$repo.new"
rm -rf "$repo.old"
if [ -d "$repo" ]; then mv "$repo" "$repo.old"; fi
mv "$repo.new" "$repo"
rm -rf "$repo.old"
printf '%s\n' "$digest" > "$marker"
rm -f "$staged"
