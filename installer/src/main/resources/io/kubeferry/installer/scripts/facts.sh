# facts REQUIRED_BINARY...
# Gathers everything preflight checks, read-only, in one command: key=value lines (FactsScript parses them).
# Runs as root because product_uuid is root-only. No "set -e": a fact that cannot be read is reported empty or
# "unknown" and judged by preflight, it must not hide the others. Only coreutils and awk are assumed.
set -u
export PATH="$PATH:/usr/sbin:/sbin"
[ -r /etc/os-release ] && . /etc/os-release
echo "os_id=${ID:-unknown}"
echo "os_version_id=${VERSION_ID:-unknown}"
echo "hostname=$(hostname)"
echo "arch=$(uname -m)"
echo "kernel=$(uname -r)"
echo "cpus=$(nproc)"
awk '/^MemTotal:/ {print "mem_kib=" $2}' /proc/meminfo
echo "swap_kib=$(awk 'NR>1 {s+=$3} END {print s+0}' /proc/swaps)"
for f in /sys/class/net/*/address; do
  d=${f%/address}
  d=${d##*/}
  [ "$d" = lo ] && continue
  echo "mac=$(cat "$f")"
done
echo "product_uuid=$(cat /sys/class/dmi/id/product_uuid 2>/dev/null)"
echo "var_free_kib=$(df -Pk /var 2>/dev/null | awk 'NR==2 {print $4}')"
for b in "$@"; do
  command -v "$b" >/dev/null 2>&1 || echo "missing_binary=$b"
done
# Listening TCP sockets (state 0A), IPv4 and IPv6, as hex ports.
awk 'NR>1 && $4=="0A" {split($2,a,":"); print "listen_hex=" a[2]}' /proc/net/tcp /proc/net/tcp6 2>/dev/null
if command -v getenforce >/dev/null 2>&1; then
  echo "selinux=$(getenforce | tr A-Z a-z)"
else
  echo selinux=absent
fi
echo "firewalld=$(systemctl is-active firewalld 2>/dev/null || true)"
echo "time_ms=$(date +%s%3N)"
