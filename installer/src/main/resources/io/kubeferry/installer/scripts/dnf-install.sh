# dnf-install REPO_ID PACKAGE...
# Installs exactly the given name-version-release packages from REPO_ID with every other repository disabled, so
# nothing newer or foreign can slip in. Output goes to stdout (2>&1) for the error summary.
set -eu
repo=$1
shift
exec dnf -y --disablerepo='*' --enablerepo="$repo" install "$@" 2>&1
