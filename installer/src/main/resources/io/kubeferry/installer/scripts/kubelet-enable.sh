# kubelet-enable
# Enables the kubelet so it starts at boot. Not started here: without the configuration kubeadm writes it would
# only crash-loop; kubeadm starts it during init/join. Prints absent, enabled (already) or now-enabled.
set -eu
if ! systemctl cat kubelet.service >/dev/null 2>&1; then
  echo absent
  exit 0
fi
if systemctl is-enabled -q kubelet; then
  echo enabled
else
  systemctl daemon-reload
  systemctl enable kubelet >/dev/null 2>&1
  echo now-enabled
fi
