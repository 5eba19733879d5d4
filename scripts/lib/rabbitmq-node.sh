# shellcheck shell=bash
# Shared helpers of rabbitmq-cluster.sh and rabbitmq-tls.sh: run extra RabbitMQ nodes of the
# machine's own Debian install (/usr/lib/rabbitmq) beside the machine's node, each with its own
# name, ports, folders, config and Erlang cookie, as the `rabbitmq` user.
# Sourced, not run. The caller sets PROG (its name, for messages) before sourcing.
#
# Nothing here reads or writes /etc/rabbitmq, /var/lib/rabbitmq or /var/log/rabbitmq: every node
# is given RABBITMQ_CONF_ENV_FILE, RABBITMQ_CONFIG_FILE(S), RABBITMQ_ADVANCED_CONFIG_FILE, its own
# HOME (so its own .erlang.cookie), MNESIA_BASE, LOG_BASE and ENABLED_PLUGINS_FILE, and is started
# with a clean environment (env -i), so neither the machine's rabbitmq-env.conf nor the caller's
# RABBITMQ_* variables leak in.

RMQ_BIN=${WEBLOGS_RABBIT_BIN:-/usr/lib/rabbitmq/bin}
RMQ_USER=rabbitmq
RMQ_PATH=/usr/sbin:/usr/bin:/sbin:/bin
# Marker put in the environment of every process of a node we start: how we find them again.
RMQ_MARKER=WEBLOGS_RABBIT_NODE

die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
say() { printf '%s: %s\n' "$PROG" "$*" >&2; }

now_ms() { local t; t=$(date +%s%N); echo $((t / 1000000)); }
elapsed() { # start_ms -> "12.3"
  local d=$(( $(now_ms) - $1 ))
  printf '%d.%d' $((d / 1000)) $(((d % 1000) / 100))
}

# --- checks ---------------------------------------------------------------------------------------

rmq_require() {
  [[ -x $RMQ_BIN/rabbitmq-server ]] ||
    die "RabbitMQ is not installed ($RMQ_BIN/rabbitmq-server missing; apt-get install rabbitmq-server)"
  id -u "$RMQ_USER" >/dev/null 2>&1 || die "user '$RMQ_USER' does not exist (is rabbitmq-server installed?)"
  local c
  for c in setsid setpriv flock env date tr grep sed od sha256sum base64; do
    command -v "$c" >/dev/null 2>&1 || die "command '$c' not found (util-linux/coreutils)"
  done
  if [[ $(id -u) != 0 ]]; then
    die "must run as root (it starts the nodes as the '$RMQ_USER' user)"
  fi
}

# as_rmq CMD... : run CMD as the rabbitmq user
as_rmq() { setpriv --reuid="$RMQ_USER" --regid="$RMQ_USER" --init-groups "$@"; }

# rmq_state_dir SUBDIR : create $WEBLOGS_RABBIT_STATE/SUBDIR, check the rabbitmq user can use it
rmq_state_dir() {
  local base=${WEBLOGS_RABBIT_STATE:-/tmp/weblogs-rabbitmq}
  [[ $base == /* ]] || die "WEBLOGS_RABBIT_STATE must be an absolute path (got '$base')"
  # it ends up in rabbitmq.conf values, which take no quoting
  [[ $base =~ ^[A-Za-z0-9_./+-]+$ ]] || die "WEBLOGS_RABBIT_STATE may hold only letters, digits and _ . / + - (got '$base')"
  base=${base%/}
  STATE_DIR=$base/$1
  mkdir -p "$STATE_DIR" || die "cannot create state folder $STATE_DIR"
  chmod 755 "$base" "$STATE_DIR" 2>/dev/null || true
  as_rmq test -x "$STATE_DIR" ||
    die "state folder $STATE_DIR is not reachable by the '$RMQ_USER' user (a parent folder is private?); set WEBLOGS_RABBIT_STATE to a path under /tmp"
}

# rmq_lock : serialise the mutating commands of one script (fd 9; never inherited by nodes)
rmq_lock() {
  exec 9>"$STATE_DIR/.lock"
  flock -w "${WEBLOGS_RABBIT_LOCK_TIMEOUT:-300}" 9 ||
    die "another $PROG holds $STATE_DIR/.lock (waited ${WEBLOGS_RABBIT_LOCK_TIMEOUT:-300} s)"
}

# port_open PORT : something accepts connections on 127.0.0.1:PORT
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# port_owner PORT : one line about who listens on PORT (best effort)
port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null | head -1 | tr -s ' ' | cut -c1-200
  fi
}

# --- shared node material -------------------------------------------------------------------------

# rmq_prepare_home : $STATE_DIR/home with an .erlang.cookie of this script's nodes (kept across runs;
# WEBLOGS_RABBIT_COOKIE overrides its content)
rmq_prepare_home() {
  HOME_DIR=$STATE_DIR/home
  COOKIE_FILE=$HOME_DIR/.erlang.cookie
  mkdir -p "$HOME_DIR"
  local want=${WEBLOGS_RABBIT_COOKIE:-}
  if [[ -n $want ]]; then
    [[ $want =~ ^[A-Za-z0-9_]{8,255}$ ]] || die "WEBLOGS_RABBIT_COOKIE must be 8-255 letters, digits or _"
    if [[ ! -f $COOKIE_FILE || $(cat "$COOKIE_FILE") != "$want" ]]; then
      rm -f "$COOKIE_FILE"; printf '%s' "$want" >"$COOKIE_FILE"
    fi
  elif [[ ! -s $COOKIE_FILE ]]; then
    rm -f "$COOKIE_FILE"
    # 32 random upper-case letters, the alphabet Erlang uses for the cookies it makes itself
    local b cookie='' abc=ABCDEFGHIJKLMNOPQRSTUVWXYZ
    for b in $(od -An -N32 -tu1 /dev/urandom); do cookie+=${abc:b%26:1}; done
    printf '%s' "$cookie" >"$COOKIE_FILE"
  fi
  chown -R "$RMQ_USER:$RMQ_USER" "$HOME_DIR"
  chmod 700 "$HOME_DIR"
  chmod 400 "$COOKIE_FILE"
}

# rmq_prepare_plugins KEEP_REGEX : $STATE_DIR/plugins, symlinks to the installed plugins minus the
# RabbitMQ plugins these nodes never enable (and the libraries only those use). A shorter code path
# makes each node boot ~15% faster on this machine. WEBLOGS_RABBIT_ALL_PLUGINS=1 uses them all.
rmq_prepare_plugins() {
  local keep=$1 src dst name base
  src=$(cd "$RMQ_BIN/.." && pwd)/plugins
  [[ -d $src ]] || src=$(dirname "$(readlink -f "$RMQ_BIN/rabbitmq-server")")/../plugins
  src=$(readlink -f "$src")
  [[ -d $src ]] || die "cannot find RabbitMQ's plugins folder (looked at $src)"
  if [[ ${WEBLOGS_RABBIT_ALL_PLUGINS:-0} == 1 ]]; then PLUGINS_DIR=$src; return; fi
  PLUGINS_DIR=$STATE_DIR/plugins
  # made once (running nodes load code from it): again only when the installed plugins change
  local stamp
  stamp="$src: $(cd "$src" && echo *) / $keep"
  [[ -f $PLUGINS_DIR/.source && $(<"$PLUGINS_DIR/.source") == "$stamp" ]] && return 0
  rm -rf "$PLUGINS_DIR.new"; mkdir -p "$PLUGINS_DIR.new"
  for dst in "$src"/*; do
    [[ -d $dst ]] || continue
    base=${dst##*/}; name=${base%-*}
    case $name in
      # libraries used only by plugins that are left out
      accept | amqp10_client | base64url | eetcd | getopt | gun | jose | prometheus | quantile_estimator) continue ;;
      rabbitmq_prelaunch | rabbitmq_management | rabbitmq_management_agent | rabbitmq_web_dispatch) ;;
      rabbitmq_*) [[ $name =~ ^($keep)$ ]] || continue ;;
    esac
    ln -s "$dst" "$PLUGINS_DIR.new/$base"
  done
  printf '%s' "$stamp" >"$PLUGINS_DIR.new/.source"
  rm -rf "$PLUGINS_DIR"; mv "$PLUGINS_DIR.new" "$PLUGINS_DIR"
}

unhex() { # HEX : the bytes it spells
  local h=$1 i
  # shellcheck disable=SC2059 # the format is the byte
  for ((i = 0; i < ${#h}; i += 2)); do printf "\\x${h:i:2}"; done
}

# rmq_password_hash PASSWORD : rabbit_password_hashing_sha256 hash (base64 of salt ++ sha256(salt ++ pw))
rmq_password_hash() {
  local salt hex
  salt=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
  hex=$({ unhex "$salt"; printf '%s' "$1"; } | sha256sum | cut -c1-64)
  unhex "$salt$hex" | base64 -w0
}

# rmq_write_definitions FILE USER PASSWORD : users USER (administrator) and guest/guest, vhost /, full
# permissions for both; imported by the nodes at boot (load_definitions)
rmq_write_definitions() {
  local file=$1 user=$2 pass=$3
  # both go into URIs unencoded: keep them to characters that need no encoding
  [[ $user =~ ^[A-Za-z0-9_.~-]+$ ]] || die "user name '$user' must be letters, digits, _ . ~ or -"
  [[ $pass =~ ^[A-Za-z0-9_.~-]+$ ]] || die "the password must be letters, digits, _ . ~ or -"
  local u users='' perms='' pw
  for u in "$user" guest; do
    [[ $u == guest && $user == guest && -n $users ]] && continue
    if [[ $u == "$user" && -z $users ]]; then pw=$pass; else pw=guest; fi
    users+="${users:+,}
    {\"name\": \"$u\", \"password_hash\": \"$(rmq_password_hash "$pw")\",
     \"hashing_algorithm\": \"rabbit_password_hashing_sha256\", \"tags\": [\"administrator\"], \"limits\": {}}"
    perms+="${perms:+,}
    {\"user\": \"$u\", \"vhost\": \"/\", \"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}"
  done
  printf '{\n  "users": [%s\n  ],\n  "vhosts": [{"name": "/"}],\n  "permissions": [%s\n  ]\n}\n' \
    "$users" "$perms" >"$file.new"
  mv "$file.new" "$file"
  chown "$RMQ_USER:$RMQ_USER" "$file"; chmod 600 "$file"
}

# --- one node -------------------------------------------------------------------------------------
# A node is described by: NAME (rmq1@localhost), DIR (its folder), AMQP port, DIST port. DIR holds
# rabbitmq.conf, enabled_plugins, rabbitmq-env.conf (empty), conf.d/ (empty), mnesia/, log/.

# rmq_node_dirs DIR : create the node's folders, owned by rabbitmq
rmq_node_dirs() {
  mkdir -p "$1/mnesia" "$1/log" "$1/conf.d"
  : >"$1/rabbitmq-env.conf"
  chown -R "$RMQ_USER:$RMQ_USER" "$1"
}

# rmq_pids NAME [COMM] : pids of processes of node NAME (all, or those whose comm is COMM)
rmq_pids() { # no subprocess per process: this runs in polling loops while nodes boot
  local name=$1 comm=${2:-} p c e want="$RMQ_MARKER=$1"
  local -a envs
  for p in /proc/[0-9]*; do
    read -r c 2>/dev/null <"$p/comm" || continue
    # epmd, when a node had to start it, keeps the node's environment but serves every node
    [[ $c != epmd ]] || continue
    [[ -z $comm || $c == "$comm" ]] || continue
    mapfile -d '' envs 2>/dev/null <"$p/environ" || continue
    for e in "${envs[@]}"; do
      if [[ $e == "$want" ]]; then echo "${p#/proc/}"; break; fi
    done
  done
}
rmq_beam_pid() { rmq_pids "$1" beam.smp | head -1; }
rmq_alive() { [[ -n $(rmq_pids "$1") ]]; }

# rmq_alive_fast NAME : rmq_alive, but cheap for a node that this run launched (its launcher, the
# node's rabbitmq-server shell, lives as long as its VM)
declare -A RMQ_LAUNCHED=()
rmq_alive_fast() {
  local pid=${RMQ_LAUNCHED[$1]:-} stat
  if [[ -n $pid ]] && read -r stat 2>/dev/null <"/proc/$pid/stat"; then
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]] && return 0
  fi
  rmq_alive "$1"
}

# rmq_ensure_epmd : the Erlang port mapper (4369) runs, started with a clean environment when it was
# not (a node would start it itself, handing it our marker: stop would then end it, and the machine's
# node with it). It listens where the machine's rabbitmq-env.conf says (ERL_EPMD_ADDRESS), as the
# machine's node would have started it.
rmq_ensure_epmd() {
  port_open 4369 && return 0
  local epmd addr i
  epmd=$(command -v epmd || echo /usr/lib/erlang/bin/epmd)
  [[ -x $epmd ]] || die "epmd not found (erlang-base)"
  addr=$(sed -n 's/^[[:space:]]*\(export[[:space:]]\{1,\}\)\{0,1\}ERL_EPMD_ADDRESS=["'"'"']\{0,1\}\([^"'"'"' ]*\).*/\2/p' \
    /etc/rabbitmq/rabbitmq-env.conf 2>/dev/null | tail -1)
  (cd / && env -i PATH="$RMQ_PATH" ${addr:+ERL_EPMD_ADDRESS="$addr"} \
    setpriv --reuid="$RMQ_USER" --regid="$RMQ_USER" --init-groups "$epmd" -daemon) 9>&- ||
    die "could not start epmd"
  for ((i = 0; i < 50; i++)); do port_open 4369 && return 0; sleep 0.1; done
  die "epmd started but port 4369 did not open"
}

# rmq_launch NAME DIR AMQP_PORT DIST_PORT : start the node in the background, detached, as rabbitmq
rmq_launch() {
  local name=$1 dir=$2 amqp=$3 dist=$4
  rmq_ensure_epmd
  printf '\n===== %s start %s =====\n' "$(date '+%F %T')" "$name" >>"$dir/log/startup.log"
  chown "$RMQ_USER:$RMQ_USER" "$dir/log/startup.log"
  # cwd: the node's folder (an Erlang crash dump would go there otherwise); fd 9 (the lock) closed
  (cd "$dir" && exec env -i PATH="$RMQ_PATH" HOME="$HOME_DIR" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    "$RMQ_MARKER=$name" \
    RABBITMQ_NODENAME="$name" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$amqp" RABBITMQ_DIST_PORT="$dist" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_PID_FILE="$dir/node.pid" \
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_CONFIG_FILES="$dir/conf.d" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_PLUGINS_DIR="$PLUGINS_DIR" \
    ERL_CRASH_DUMP="$dir/log/erl_crash.dump" ERL_CRASH_DUMP_SECONDS=5 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    setsid setpriv --reuid="$RMQ_USER" --regid="$RMQ_USER" --init-groups \
    "$RMQ_BIN/rabbitmq-server") >>"$dir/log/startup.log" 2>&1 </dev/null 9>&- &
  # $! becomes the node's rabbitmq-server shell (env, setsid and setpriv exec), parent of its VM
  RMQ_LAUNCHED[$name]=$!
}

# rmq_check_ports NAME PORT LABEL [PORT LABEL]... : die if a port is taken (call when NAME is down)
rmq_check_ports() {
  local name=$1; shift
  while (($#)); do
    if port_open "$1"; then
      die "port $1 ($2 of $name) is already in use: $(port_owner "$1"); stop that process or change the ports (see scripts/README.md)"
    fi
    shift 2
  done
}

# rmq_startup_error NAME DIR : one line saying why a node that died during start-up died: the first
# error its last start wrote to startup.log (where the errors before logging is set up go)
rmq_startup_error() {
  local name=$1 dir=$2 section line logs
  section=$(awk '/^===== /{buf=""; next} {buf=buf $0 "\n"} END{printf "%s", buf}' \
    "$dir/log/startup.log" 2>/dev/null || true)
  line=$(grep -a -m1 '\[error\]' <<<"$section" | sed 's/^.*\[error\] <[^>]*> //' | cut -c1-300 || true)
  [[ -n $line ]] || line=$(grep -a -m1 -E 'Kernel pid terminated|[Ee]rror' <<<"$section" | cut -c1-300 || true)
  logs=$dir/log/startup.log
  [[ -f $dir/log/$name.log ]] && logs+=" and $dir/log/$name.log"
  printf '%s exited during start-up%s; see %s' "$name" "${line:+: $line}" "$logs"
}

# rmq_signal_stop TIMEOUT NAME... : SIGTERM the nodes (a graceful shutdown, as `rabbitmqctl stop`
# does), wait up to TIMEOUT s for all their processes to end, then SIGKILL what is left
rmq_signal_stop() {
  local timeout=$1; shift
  local name pid left deadline
  for name in "$@"; do
    pid=$(rmq_beam_pid "$name")
    if [[ -n $pid ]]; then kill -TERM "$pid" 2>/dev/null || true
    else for pid in $(rmq_pids "$name"); do kill -TERM "$pid" 2>/dev/null || true; done; fi
  done
  deadline=$((SECONDS + timeout))
  while :; do
    left=()
    for name in "$@"; do rmq_alive "$name" && left+=("$name"); done
    ((${#left[@]})) || return 0
    if ((SECONDS >= deadline)); then
      say "still running after ${timeout} s: ${left[*]}; sending SIGKILL"
      for name in "${left[@]}"; do
        for pid in $(rmq_pids "$name"); do kill -KILL "$pid" 2>/dev/null || true; done
      done
      sleep 0.5
      for name in "${left[@]}"; do
        rmq_alive "$name" && die "could not end the processes of $name: $(rmq_pids "$name" | tr '\n' ' ')"
      done
      return 0
    fi
    sleep 0.2
  done
}

# rmq_cli TOOL ARGS... : run a RabbitMQ CLI tool (rabbitmqctl, rabbitmq-diagnostics, rabbitmq-queues,
# rabbitmq-plugins...) with this script's cookie and without the machine's rabbitmq-env.conf
rmq_cli() {
  local tool=$1; shift
  [[ -x $RMQ_BIN/$tool ]] || die "no such RabbitMQ CLI tool: $RMQ_BIN/$tool"
  env -i PATH="$RMQ_PATH" HOME="$HOME_DIR" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    RABBITMQ_CONF_ENV_FILE="$STATE_DIR/cli-env.conf" "$RMQ_BIN/$tool" "$@" 9>&-
}

# http_get PORT PATH USER PASS : body of GET http://127.0.0.1:PORT/PATH (curl, or bash's /dev/tcp)
http_get() {
  local port=$1 path=$2 user=$3 pass=$4
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -m 5 -u "$user:$pass" "http://127.0.0.1:$port$path" 2>/dev/null
  else
    local resp
    resp=$(
      exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
      printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\n\r\n' \
        "$path" "$(printf '%s:%s' "$user" "$pass" | base64 -w0)" >&3
      timeout 5 cat <&3
    ) || return 1
    [[ $resp == 'HTTP/1.'?' 200'* ]] || return 1
    printf '%s' "${resp#*$'\r\n\r\n'}"
  fi
}

# rmq_running_seen_by MGMT_PORT USER PASS : names of the cluster's running nodes as that node's
# management API sees them (GET /api/nodes), one a line
rmq_running_seen_by() {
  http_get "$1" '/api/nodes?columns=name,running' "$2" "$3" | tr '}' '\n' |
    grep -F '"running":true' | grep -o '"name":"[^"]*"' | cut -d'"' -f4 | sort
}
