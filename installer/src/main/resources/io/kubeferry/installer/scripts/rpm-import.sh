# rpm-import KEYFILE...
# Imports OpenPGP keys into the rpm database so dnf can check the bundle's signatures. Importing a key rpm already
# has is a no-op, so the key count before and after ("<before> <after>") tells whether anything changed.
set -eu
count() { rpm -q gpg-pubkey 2>/dev/null | grep -c ^gpg-pubkey || true; }
before=$(count)
rpm --import "$@"
after=$(count)
echo "$before $after"
