# Start and stop a throwaway PostgreSQL cluster for the tests (sourced by .ci/run; usable by hand:
#   source .ci/postgres.sh && pg_start && export CATALOG_TEST_POSTGRES=postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres
#   ... pytest ...; pg_stop
# initdb refuses to run as root, so the cluster belongs to the postgres user (or yours, when not root).
PGPORT=${PGPORT:-54329}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGDIR=${PGDIR:-/tmp/catalog-ci-pg}

_pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  [ -n "$PGBIN" ] || return 1
  pg_stop >/dev/null 2>&1
  rm -rf "$PGDIR" && mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  _pg_as "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log"; return 1; }
  _pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c max_connections=200" start >/dev/null || { cat "$PGDIR/server.log"; return 1; }
  echo "PostgreSQL running on 127.0.0.1:$PGPORT"
}

pg_stop() {
  [ -d "$PGDIR/data" ] && _pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1
  return 0
}
