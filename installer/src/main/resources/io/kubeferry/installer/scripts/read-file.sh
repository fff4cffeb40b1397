# read-file PATH
# Prints PATH; exit status 3 (not an error message) when there is no such file, so callers can tell "absent" from
# "unreadable".
set -eu
[ -f "$1" ] || exit 3
exec cat -- "$1"
