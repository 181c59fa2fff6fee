#!/usr/bin/env bash
# PostgreSQL (Debian's postgresql, with pg_trgm and pg_stat_statements in its contrib modules) for
# the corpus database tests (test/postgres) and `npm run bench -- --postgres`. The tests start a
# throwaway cluster of their own (test/postgres/cluster.ts): nothing is configured here.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL is installed: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
install() { $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends postgresql postgresql-contrib; }
install || { $SUDO apt-get -o DPkg::Lock::Timeout=900 update && install; }
# Debian starts a cluster of its own on port 5432; the tests do not use it.
ls -d /usr/lib/postgresql/*/bin
