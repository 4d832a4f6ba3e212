#!/usr/bin/env bash
# Starts the local services martflow's tests use when they are not running (commands from the machine's
# own setup). Safe to run again: each start is skipped when the service already answers.
set -uo pipefail

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 || echo "PostgreSQL is not reachable at 127.0.0.1:5432; the PostgreSQL tests will fail"

# Headless Chromium for the browser tests of the docs site and dashboards (Debian's package).
if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium; the browser tests will fail"
fi
