# Start and stop a throwaway PostgreSQL cluster for the tests (sourced by .ci/run; usable by hand):
#
#   source .ci/postgres.sh && pg_start      # prints the URL and exports CATALOG_TEST_POSTGRES
#   .venv/bin/python -m pytest
#   pg_stop                                 # stops the server and deletes its folder
#
# Each cluster lives in its own fresh folder (mktemp) and listens on 127.0.0.1 only, on PGPORT (54329 by default)
# or, when that port is taken (another run, another cluster), the next free one: two runs at once never share
# a server or a folder, and pg_stop only ever stops the cluster this shell started.
# initdb refuses to run as root, so as root the cluster belongs to the postgres user (as anyone else, to you).

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_FIRST_PORT=${PGPORT:-54329}
PGDIR=""

_pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# True when something already listens on 127.0.0.1:$1.
_pg_port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_start() {
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
    return 1
  fi
  [ -n "$PGDIR" ] && pg_stop
  PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/catalog-pg.XXXXXX") || return 1
  chmod 755 "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  _pg_as "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
    >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; pg_stop; return 1; }
  local port=$PG_FIRST_PORT tries=0
  while [ $tries -lt 20 ]; do
    tries=$((tries + 1))
    if _pg_port_taken "$port"; then port=$((port + 1)); continue; fi
    # The socket goes into the cluster's own folder, so its lock file cannot clash with another cluster's.
    if _pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $PGDIR -c fsync=off -c max_connections=200" start >"$PGDIR/pg_ctl.log" 2>&1; then
      PGPORT=$port
      export PGPORT
      export CATALOG_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:${PGPORT}/postgres"
      echo "PostgreSQL running on 127.0.0.1:$PGPORT (cluster in $PGDIR): CATALOG_TEST_POSTGRES=$CATALOG_TEST_POSTGRES"
      return 0
    fi
    # Lost a race for the port (another cluster bound it first): stop whatever half-started, try the next one.
    if grep -q "could not bind\|Address already in use" "$PGDIR/server.log" 2>/dev/null; then
      _pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
      port=$((port + 1))
      continue
    fi
    cat "$PGDIR/pg_ctl.log" "$PGDIR/server.log" >&2
    pg_stop
    return 1
  done
  echo "no free port for PostgreSQL from $PG_FIRST_PORT to $port" >&2
  pg_stop
  return 1
}

pg_stop() {
  [ -n "$PGDIR" ] || return 0
  if [ -f "$PGDIR/data/postmaster.pid" ]; then
    _pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -t 60 stop >/dev/null 2>&1 \
      || _pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$PGDIR"
  PGDIR=""
  return 0
}
