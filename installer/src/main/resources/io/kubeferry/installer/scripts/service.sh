# service UNIT CONFIG_CHANGED
# Enables and starts UNIT; restarts it when CONFIG_CHANGED is "true" and it was already running (the new
# configuration takes effect). Prints "absent" when the unit does not exist, else "changed:<what>" with
# "start-failed" among them when it would not start.
set -eu
unit=$1
config_changed=$2
if ! systemctl cat "$unit.service" >/dev/null 2>&1; then
  echo absent
  exit 0
fi
c=''
systemctl daemon-reload
if ! systemctl is-enabled -q "$unit"; then
  systemctl enable "$unit" >/dev/null 2>&1
  c=enabled
fi
if ! systemctl is-active -q "$unit"; then
  if systemctl start "$unit"; then c="$c started"; else c="$c start-failed"; fi
elif [ "$config_changed" = true ]; then
  systemctl restart "$unit"
  c="$c restarted"
fi
echo "changed:$c"
