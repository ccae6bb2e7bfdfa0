# shellcheck shell=bash
# Shared settings and helpers for the local Kafka + PostgreSQL used by development and tests.
# Sourced by kafka-ctl.sh, pg-ctl.sh, services-up.sh and services-down.sh; not run on its own.
#
# Conventions every helper relies on (see /work/notes/common.md):
#   Kafka 3.9 KRaft single node: 127.0.0.1:19092 (controller 127.0.0.1:19093)
#   PostgreSQL: 127.0.0.1:15432, superuser postgres, trust auth, database pos
#   State: build/.cache/services/ (override with POS_SERVICES_DIR)
#   A second checkout can run its own pair beside these: POS_KAFKA_PORT, POS_KAFKA_CONTROLLER_PORT,
#   POS_PG_PORT (then export KAFKA_BROKERS and DATABASE_URL to match for tests and benches).

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICES_DIR=${POS_SERVICES_DIR:-$REPO_ROOT/build/.cache/services}
KAFKA_LIBS=$REPO_ROOT/build/.cache/kafka-libs
KAFKA_DIR=$SERVICES_DIR/kafka
KAFKA_PORT=${POS_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${POS_KAFKA_CONTROLLER_PORT:-19093}
PG_PORT=${POS_PG_PORT:-15432}
PG_DATABASE=pos

services_log() { echo "services: $*" >&2; }
services_die() {
  echo "services: ERROR: $*" >&2
  exit 1
}

is_root() { [ "$(id -u)" = 0 ]; }

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

read_pid_file() { [ -f "$1" ] && tr -dc '0-9' <"$1" || true; }

# Pid of the process listening on 127.0.0.1:<port>, empty when none (or not visible to us).
listener_pid() {
  ss -Htlnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true
}

# PostgreSQL from Debian's packages: the newest /usr/lib/postgresql/<v>/bin.
find_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    services_die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin.
  Install them with:  bash .ci/run   (does everything)   or   apt-get install -y postgresql"
  fi
  echo "$dir"
}

# The cluster lives under the state dir; when run as root the postgres user must be able to reach
# it. If a parent directory is not traversable by postgres (o-x), fall back to a per-checkout
# directory under /tmp instead of loosening permissions on directories we do not own.
pg_dir() {
  if [ -n "${POS_PG_DIR:-}" ]; then
    echo "$POS_PG_DIR"
    return
  fi
  mkdir -p "$SERVICES_DIR"
  if ! is_root || runuser -u postgres -- test -x "$SERVICES_DIR" 2>/dev/null; then
    echo "$SERVICES_DIR/pg"
  else
    echo "/tmp/pos-services-pg-$(echo "$REPO_ROOT" | md5sum | cut -c1-8)"
  fi
}

# Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root).
as_pg() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The start|stop|restart|status command line both control scripts take; each defines cmd_start,
# cmd_stop and cmd_status before calling this.
services_dispatch() {
  local script=$1 command=$2
  case "$command" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop && cmd_start ;;
    status) cmd_status ;;
    *)
      echo "usage: $script start|stop|restart|status" >&2
      exit 2
      ;;
  esac
}
