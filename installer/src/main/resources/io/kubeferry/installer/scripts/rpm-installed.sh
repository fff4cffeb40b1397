# rpm-installed PACKAGE...
# Exit status 0 when rpm has every package (name-version-release) installed; rpm names the missing ones.
set -eu
exec rpm -q "$@"
