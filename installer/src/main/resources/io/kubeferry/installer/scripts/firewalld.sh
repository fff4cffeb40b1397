# firewalld disable | firewalld open-ports PORT/PROTO...
# Applies the inventory's firewalld policy: stop and disable it, or open the role's ports permanently (reloading
# only when a port was added, so a re-run does not disturb the running firewall). Prints "absent" when firewalld is
# not installed, else "changed:<what>" (nothing after the colon: already as asked).
set -eu
if ! systemctl list-unit-files firewalld.service >/dev/null 2>&1 \
    || ! systemctl cat firewalld.service >/dev/null 2>&1; then
  echo absent
  exit 0
fi
action=$1
shift
c=''
case $action in
  disable)
    if systemctl is-active -q firewalld; then c=stopped; fi
    if systemctl is-enabled -q firewalld 2>/dev/null; then c="$c disabled"; fi
    systemctl disable --now firewalld >/dev/null 2>&1 || true
    ;;
  open-ports)
    for p in "$@"; do
      if ! firewall-cmd --permanent --query-port="$p" >/dev/null 2>&1; then
        firewall-cmd --permanent --add-port="$p" >/dev/null
        c="$c $p"
      fi
    done
    if [ -n "$c" ]; then firewall-cmd --reload >/dev/null; fi
    ;;
  *)
    echo "firewalld: unknown action '$action'" >&2
    exit 2
    ;;
esac
echo "changed:$c"
