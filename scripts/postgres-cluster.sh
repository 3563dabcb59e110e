#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for CommunityKit's tests, benchmarks and demos.
#
#   scripts/postgres-cluster.sh start [DIR]    create and start a cluster in DIR (default: a new
#                                              temporary directory); prints its URL on the last line
#   scripts/postgres-cluster.sh url [DIR]      print the URL of the cluster in DIR
#   scripts/postgres-cluster.sh restart [DIR]  restart the server (fast shutdown: connections drop)
#   scripts/postgres-cluster.sh stop [DIR]     stop the server and delete DIR
#
# DIR defaults to $COMMUNITYKIT_POSTGRES_DIR for url/restart/stop. Installs Debian's
# `postgresql` package when initdb is missing. The server runs as an unprivileged user (the
# `postgres` account when run as root), listens on 127.0.0.1 on a free port, trusts local
# connections and keeps everything in DIR. The database is `communitykit`, the user `postgres`.
set -euo pipefail

# The server pg_ctl starts must not inherit the caller's descriptors (a test's pipes would stay open).
for fd in /proc/$$/fd/*; do
    fd="${fd##*/}"
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
done

command="${1:-}"
dir="${2:-${COMMUNITYKIT_POSTGRES_DIR:-}}"

bindir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
        if [ "$(id -u)" = 0 ]; then
            echo "postgres-cluster: installing postgresql from Debian's packages" >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
                || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
        else
            echo "postgres-cluster: PostgreSQL is not installed; run: sudo apt-get install postgresql" >&2
            exit 1
        fi
        found="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    echo "$found"
}

# Runs a command as the cluster's owner.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

need_dir() {
    if [ -z "$dir" ] || [ ! -f "$dir/url" ]; then
        echo "postgres-cluster: no cluster in '${dir}' (give its directory or set COMMUNITYKIT_POSTGRES_DIR)" >&2
        exit 1
    fi
}

case "$command" in
start)
    bin="$(bindir)"
    if [ -z "$dir" ]; then dir="$(mktemp -d "${TMPDIR:-/tmp}/communitykit-postgres.XXXXXX")"; else mkdir -p "$dir"; fi
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port="$(free_port)"
    # fsync stays on: the reliability tests kill hosts, not the server, and restart it cleanly.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres communitykit
    echo "postgresql://postgres@127.0.0.1:$port/communitykit" >"$dir/url"
    echo "$bin" >"$dir/bin"
    echo "postgres-cluster: started in $dir (stop with: $0 stop $dir)" >&2
    cat "$dir/url"
    ;;
url)
    need_dir
    cat "$dir/url"
    ;;
restart)
    need_dir
    as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m fast restart >&2
    ;;
stop)
    need_dir
    as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >&2 || true
    rm -rf "$dir"
    ;;
*)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
