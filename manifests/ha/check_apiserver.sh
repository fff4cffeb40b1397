#!/bin/sh
# /etc/keepalived/check_apiserver.sh — fails when the API server behind the VIP port does not answer /healthz.
errorExit() { echo "*** $*" 1>&2; exit 1; }
curl -sfk --max-time 2 https://localhost:{{ apiServerPort }}/healthz -o /dev/null || errorExit "GET https://localhost:{{ apiServerPort }}/healthz"
