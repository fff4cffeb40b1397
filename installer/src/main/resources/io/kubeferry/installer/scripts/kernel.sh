# kernel MODULE... -- KEY=VALUE...
# Loads the kernel modules and sets the sysctls Kubernetes needs now; the files in /etc/modules-load.d and
# /etc/sysctl.d (written separately) make them permanent. Where the kernel cannot be changed from here (a container
# without module loading, a read-only /proc/sys) it says so instead of failing, one line per item:
#   module NAME loaded|now-loaded|failed REASON
#   sysctl KEY ok|set|absent|failed
set -eu
export PATH="$PATH:/usr/sbin:/sbin"
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  m=$1
  shift
  # Built-in modules have no /sys/module entry; their effect shows instead (overlay in /proc/filesystems, the
  # bridge sysctls for br_netfilter).
  case $m in
    overlay) builtin_present() { grep -qw overlay /proc/filesystems; } ;;
    br_netfilter) builtin_present() { [ -d /proc/sys/net/bridge ]; } ;;
    *) builtin_present() { false; } ;;
  esac
  if [ -d "/sys/module/$m" ] || builtin_present; then
    echo "module $m loaded"
  elif out=$(modprobe "$m" 2>&1); then
    echo "module $m now-loaded"
  else
    echo "module $m failed $(printf '%s\n' "$out" | head -n 1)"
  fi
done
[ $# -gt 0 ] && shift
for kv in "$@"; do
  key=${kv%%=*}
  value=${kv#*=}
  path=/proc/sys/$(printf '%s' "$key" | tr . /)
  if [ ! -e "$path" ]; then
    echo "sysctl $key absent"
  elif [ "$(cat "$path")" = "$value" ]; then
    echo "sysctl $key ok"
  elif sysctl -w "$key=$value" >/dev/null 2>&1; then
    echo "sysctl $key set"
  else
    echo "sysctl $key failed"
  fi
done
