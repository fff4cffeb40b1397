# swap
# Turns swap off now and for good, because the kubelet refuses to start with swap on: swapoff -a, and the swap
# lines of /etc/fstab commented out (the file as it was is kept in /etc/fstab.kubeferry-bak). Prints
# "changed:<what>" (nothing after the colon: already off); "swapoff-failed" among them when the kernel refused (a
# container cannot switch the host's swap off; preflight's swap check reports what stays on).
set -eu
changed=''
if [ "$(awk 'NR>1' /proc/swaps | wc -l)" -gt 0 ]; then
  if swapoff -a; then changed=swapoff; else changed=swapoff-failed; fi
fi
if [ -f /etc/fstab ] && grep -Eq '^[^#].*[[:space:]]swap[[:space:]]' /etc/fstab; then
  cp -p /etc/fstab /etc/fstab.kubeferry-bak
  sed -i -E 's/^([^#].*[[:space:]]swap[[:space:]].*)$/# \1/' /etc/fstab
  changed="$changed fstab"
fi
echo "changed:$changed"
