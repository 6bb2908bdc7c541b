# A throw-away PostgreSQL server for the test suites: initdb in a temporary folder, on a loopback
# port, stopped and removed when the calling script ends. Sourced by test.sh.
# shellcheck shell=bash

centrale_pg_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { printf '%s\n' "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

# Starts the server and exports CENTRALE_TEST_PG_URL (postgresql://postgres@127.0.0.1:PORT/postgres).
start_test_postgres() {
    local bin
    bin=$(centrale_pg_bin) || { say "PostgreSQL (initdb, pg_ctl) is not installed."; return 1; }
    CENTRALE_PG_DIR=$(mktemp -d /tmp/centrale-pg.XXXXXX)
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$CENTRALE_PG_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$CENTRALE_PG_DIR/data" -A trust -U postgres --no-sync -E UTF8 >"$CENTRALE_PG_DIR/initdb.log" 2>&1 || {
        cat "$CENTRALE_PG_DIR/initdb.log" >&2; return 1; }
    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(( 20000 + (RANDOM % 20000) ))
        if "${run[@]}" "$bin/pg_ctl" -D "$CENTRALE_PG_DIR/data" -l "$CENTRALE_PG_DIR/server.log" -w -t 60 \
            -o "-p $port -k $CENTRALE_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
            CENTRALE_PG_BIN=$bin
            CENTRALE_PG_RUN=("${run[@]}")
            export CENTRALE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
            trap stop_test_postgres EXIT
            say "Test PostgreSQL on 127.0.0.1:$port ($CENTRALE_PG_DIR)"
            return 0
        fi
    done
    cat "$CENTRALE_PG_DIR/server.log" >&2
    return 1
}

stop_test_postgres() {
    [ -n "${CENTRALE_PG_DIR:-}" ] || return 0
    "${CENTRALE_PG_RUN[@]}" "$CENTRALE_PG_BIN/pg_ctl" -D "$CENTRALE_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$CENTRALE_PG_DIR"
    CENTRALE_PG_DIR=
}
