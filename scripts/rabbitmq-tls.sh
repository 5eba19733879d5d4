#!/usr/bin/env bash
# One RabbitMQ node with a TLS (amqps) listener, beside the machine's own node, for the TLS tests:
# a test CA, a server certificate for localhost/127.0.0.1, a client certificate, and an unrelated
# second CA (with a client certificate of its own) for the "wrong CA" cases. See scripts/README.md.
# Commands:
#   start    make the certificates (once), start the node, check a TLS handshake against the CA
#            and its failure against the wrong CA; prints NAME=value lines (URIs, file paths)
#   stop     stop the node (graceful; SIGKILL after WEBLOGS_RABBIT_STOP_TIMEOUT s)
#   status   the node and its listeners; exit 0 running, 3 stopped
#   verify   the full TLS check list against the running node (openssl s_client)
#   env      the NAME=value lines again
#   certs    make the certificates only (no node)
#   cli TOOL ARGS...   run a RabbitMQ CLI tool against the node, e.g. cli rabbitmqctl status
#   purge    stop, then delete the state folder (certificates included)
set -euo pipefail

PROG=${0##*/}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/rabbitmq-node.sh
. "$HERE/lib/rabbitmq-node.sh"

HOST=${WEBLOGS_RABBIT_HOST:-localhost}
NAME=rmqtls@$HOST
AMQPS_PORT=${WEBLOGS_RABBIT_TLS_AMQPS_PORT:-5690}
AMQP_PORT=${WEBLOGS_RABBIT_TLS_AMQP_PORT:-5691}
MGMT_PORT=${WEBLOGS_RABBIT_TLS_MGMT_PORT:-15691}
DIST_PORT=${WEBLOGS_RABBIT_TLS_DIST_PORT:-25691}
USER_NAME=${WEBLOGS_RABBIT_USER:-weblogs}
USER_PASS=${WEBLOGS_RABBIT_PASSWORD:-weblogs}
STORE_PASS=${WEBLOGS_RABBIT_TLS_STORE_PASSWORD:-weblogs}  # PKCS#12 key/trust stores
START_TIMEOUT=${WEBLOGS_RABBIT_START_TIMEOUT:-120}
STOP_TIMEOUT=${WEBLOGS_RABBIT_STOP_TIMEOUT:-30}
for v in AMQPS_PORT AMQP_PORT MGMT_PORT DIST_PORT START_TIMEOUT STOP_TIMEOUT; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a number (got '${!v}')"
done
((${#STORE_PASS} >= 6)) || die "WEBLOGS_RABBIT_TLS_STORE_PASSWORD must have at least 6 characters (keytool)"

setup() {
  rmq_require
  command -v openssl >/dev/null 2>&1 || die "openssl not found (apt-get install openssl)"
  [[ $HOST =~ ^[A-Za-z0-9-]+$ ]] || die "WEBLOGS_RABBIT_HOST must be a short host name (got '$HOST')"
  getent hosts "$HOST" >/dev/null || die "host name '$HOST' does not resolve (check /etc/hosts)"
  rmq_state_dir tls
  NODE_DIR=$STATE_DIR/node
  CERTS=$STATE_DIR/certs
  rmq_prepare_home
  : >"$STATE_DIR/cli-env.conf"
}

# --- certificates ---------------------------------------------------------------------------------

ossl() { # openssl, its chatter kept for the error message
  local out
  out=$(openssl "$@" 2>&1) || die "openssl $1 failed: $(tail -1 <<<"$out")"
}

# new_ca NAME CN : NAME.key, NAME.pem (self-signed, 10 years)
new_ca() {
  ossl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/O=weblogs tests/CN=$2" \
    -keyout "$CERTS/$1.key" -out "$CERTS/$1.pem" \
    -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' \
    -addext 'subjectKeyIdentifier=hash'
}

# new_leaf NAME CA CN EXT : NAME.key, NAME.pem signed by CA (825 days); EXT: server or client
new_leaf() {
  local ext=$CERTS/$1.ext
  printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' \
    'subjectKeyIdentifier=hash' 'authorityKeyIdentifier=keyid' >"$ext"
  if [[ $4 == server ]]; then
    printf '%s\n' 'extendedKeyUsage=serverAuth' 'subjectAltName=DNS:localhost,IP:127.0.0.1' >>"$ext"
  else
    printf '%s\n' 'extendedKeyUsage=clientAuth' >>"$ext"
  fi
  ossl req -new -newkey rsa:2048 -nodes -sha256 -subj "/O=weblogs tests/CN=$3" \
    -keyout "$CERTS/$1.key" -out "$CERTS/$1.csr"
  ossl x509 -req -sha256 -days 825 -in "$CERTS/$1.csr" -CA "$CERTS/$2.pem" -CAkey "$CERTS/$2.key" \
    -set_serial "0x$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" -extfile "$ext" -out "$CERTS/$1.pem"
  rm -f "$CERTS/$1.csr" "$ext"
}

# p12 NAME CA : NAME.p12, NAME's key and certificate with CA's certificate
p12() {
  ossl pkcs12 -export -name weblogs-client -inkey "$CERTS/$1.key" -in "$CERTS/$1.pem" \
    -certfile "$CERTS/$2.pem" -passout "pass:$STORE_PASS" -out "$CERTS/$1.p12"
}

# truststore CA NAME : NAME.p12, a Java trust store holding CA's certificate. keytool is needed: a
# PKCS#12 file that openssl 3.0 writes has no entry that Java takes as trusted.
truststore() {
  local out
  out=$(keytool -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -importcert -noprompt -alias "$1" \
    -file "$CERTS/$1.pem" -storetype PKCS12 -keystore "$CERTS/$2.p12" -storepass "$STORE_PASS" 2>&1) ||
    die "keytool failed making $2.p12: $(tail -1 <<<"$out")"
}

certs_ok() { # all made (the .complete mark), and the server certificate good for another day
  [[ -f $CERTS/.complete && -s $CERTS/ca.pem && -s $CERTS/server.pem && -s $CERTS/server.key ]] &&
    openssl x509 -checkend 86400 -noout -in "$CERTS/server.pem" >/dev/null 2>&1
}

# make_server_certs : a new certs folder with ca and server, all the node needs to boot; returns 1
# when the certificates made earlier are all there and still good (nothing to do)
make_server_certs() {
  if [[ ${WEBLOGS_RABBIT_TLS_REGENERATE:-0} != 1 ]] && certs_ok; then return 1; fi
  rm -rf "$CERTS"; mkdir -p "$CERTS"
  new_ca ca 'weblogs test CA'
  new_leaf server ca localhost server
  chown -R "$RMQ_USER:$RMQ_USER" "$CERTS"; chmod 600 "$CERTS"/*.key
}

# make_client_certs : everything else (run while the node boots: the node does not need these)
make_client_certs() {
  local pids=() p
  new_leaf client ca weblogs-client client & pids+=($!)
  { new_ca wrong-ca 'unrelated test CA'; new_leaf wrong-client wrong-ca weblogs-client client
    p12 wrong-client wrong-ca; } & pids+=($!)
  for p in "${pids[@]}"; do wait "$p" || exit 1; done
  p12 client ca
  if command -v keytool >/dev/null 2>&1; then
    pids=()
    truststore ca truststore & pids+=($!)
    truststore wrong-ca wrong-truststore & pids+=($!)
    for p in "${pids[@]}"; do wait "$p" || exit 1; done
  else
    say "keytool not found: no Java trust stores (truststore.p12) made; PEM and PKCS#12 files are there"
  fi
  chmod 644 "$CERTS"/*; chmod 600 "$CERTS"/*.key; chmod 755 "$CERTS"
  chown -R "$RMQ_USER:$RMQ_USER" "$CERTS"
  : >"$CERTS/.complete"
}

# --- the node -------------------------------------------------------------------------------------

write_config() {
  rmq_node_dirs "$NODE_DIR"
  echo '[rabbitmq_management].' >"$NODE_DIR/enabled_plugins"
  cat >"$NODE_DIR/rabbitmq.conf" <<EOF
# Generated by scripts/rabbitmq-tls.sh: $NAME, AMQP over TLS on $AMQPS_PORT, plain AMQP on $AMQP_PORT.
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
listeners.ssl.1 = 127.0.0.1:$AMQPS_PORT
ssl_options.cacertfile = $CERTS/ca.pem
ssl_options.certfile = $CERTS/server.pem
ssl_options.keyfile = $CERTS/server.key
# A client certificate is asked for and checked against ca.pem when sent, but not required.
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = false
ssl_options.depth = 2
ssl_options.versions.1 = tlsv1.3
ssl_options.versions.2 = tlsv1.2
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
# Users $USER_NAME and guest (administrators, full permissions on /).
load_definitions = $STATE_DIR/definitions.json
log.console = false
log.file.level = info
EOF
  chown "$RMQ_USER:$RMQ_USER" "$NODE_DIR/enabled_plugins" "$NODE_DIR/rabbitmq.conf"
}

node_ready() {
  rmq_alive_fast "$NAME" || die "$(rmq_startup_error "$NAME" "$NODE_DIR")"
  local p
  for p in "$AMQPS_PORT:AMQPS" "$AMQP_PORT:AMQP" "$MGMT_PORT:management"; do
    port_open "${p%%:*}" || { WAITING="${p#*:} port ${p%%:*}"; return 1; }
  done
}

# tls_probe ARGS... : TLS handshake with 127.0.0.1:AMQPS_PORT (openssl s_client ARGS), then the AMQP
# 0-9-1 protocol header; succeeds as soon as the broker answers with connection.start (which lists
# the SASL mechanisms, PLAIN among them), fails when openssl gives up or after 10 s
tls_probe() {
  local dir pid i rc=1
  dir=$(mktemp -d "$STATE_DIR/probe.XXXXXX")
  mkfifo "$dir/in"
  timeout 10 openssl s_client -connect "127.0.0.1:$AMQPS_PORT" -servername localhost \
    -verify_return_error -quiet -no_ign_eof "$@" <"$dir/in" >"$dir/out" 2>&1 9>&- &
  pid=$!
  exec 4>"$dir/in"
  printf 'AMQP\0\0\011\001' >&4
  for ((i = 0; i < 200; i++)); do
    if grep -aq PLAIN "$dir/out"; then rc=0; break; fi
    kill -0 "$pid" 2>/dev/null || { grep -aq PLAIN "$dir/out" && rc=0; break; }
    sleep 0.05
  done
  exec 4>&-
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  PROBE_OUT=$(tr -c '[:print:]\n' '.' <"$dir/out")
  rm -rf "$dir"
  return $rc
}

# first_error : the line of openssl's output that says why the handshake failed
first_error() { grep -m1 -iE 'error|alert|verify' <<<"$PROBE_OUT" | cut -c1-200 || true; }

check_basic() {
  tls_probe -CAfile "$CERTS/ca.pem" -verify_hostname localhost ||
    die "TLS check failed: a handshake trusting ca.pem (host name localhost) did not get an AMQP answer from 127.0.0.1:$AMQPS_PORT: $(first_error); see $NODE_DIR/log/$NAME.log"
  if tls_probe -CAfile "$CERTS/wrong-ca.pem"; then
    die "TLS check failed: a client trusting only wrong-ca.pem was accepted"
  fi
}

cmd_verify() {
  rmq_alive "$NAME" || die "$NAME is not running; run: $0 start"
  node_ready || die "$NAME is not ready ($WAITING closed)"
  local fails=0
  check() { # description, expect ok|fail, s_client args...
    local what=$1 want=$2 got; shift 2
    if tls_probe "$@"; then got=ok; else got=fail; fi
    if [[ $got == "$want" ]]; then printf 'ok    %s\n' "$what"
    else printf 'FAIL  %s (expected %s, got %s: %s)\n' "$what" "$want" "$got" "$(first_error)"; fails=$((fails + 1)); fi
  }
  local ca=$CERTS/ca.pem
  check "TLS handshake trusting ca.pem, host name localhost verified" ok -CAfile "$ca" -verify_hostname localhost
  check "TLS handshake trusting ca.pem, IP 127.0.0.1 verified" ok -CAfile "$ca" -verify_ip 127.0.0.1
  check "TLS 1.3" ok -CAfile "$ca" -tls1_3
  check "TLS 1.2" ok -CAfile "$ca" -tls1_2
  check "client certificate signed by ca.pem accepted" ok -CAfile "$ca" -cert "$CERTS/client.pem" -key "$CERTS/client.key"
  check "server rejected by a client trusting only wrong-ca.pem" fail -CAfile "$CERTS/wrong-ca.pem"
  check "client certificate signed by wrong-ca.pem rejected (TLS 1.3)" fail -CAfile "$ca" -tls1_3 \
    -cert "$CERTS/wrong-client.pem" -key "$CERTS/wrong-client.key"
  check "client certificate signed by wrong-ca.pem rejected (TLS 1.2)" fail -CAfile "$ca" -tls1_2 \
    -cert "$CERTS/wrong-client.pem" -key "$CERTS/wrong-client.key"
  check "host name other.example rejected" fail -CAfile "$ca" -verify_hostname other.example
  if port_open "$AMQP_PORT"; then printf 'ok    plain AMQP listener on 127.0.0.1:%s\n' "$AMQP_PORT"
  else printf 'FAIL  plain AMQP listener on 127.0.0.1:%s\n' "$AMQP_PORT"; fails=$((fails + 1)); fi
  ((fails == 0)) || die "$fails TLS check(s) failed"
}

print_env() {
  local f
  printf 'WEBLOGS_RABBIT_TLS_URI=%q\n' "amqps://$USER_NAME:$USER_PASS@localhost:$AMQPS_PORT/%2F"
  printf 'WEBLOGS_RABBIT_TLS_PLAIN_URI=%q\n' "amqp://$USER_NAME:$USER_PASS@127.0.0.1:$AMQP_PORT/%2F"
  printf 'WEBLOGS_RABBIT_TLS_MANAGEMENT_URI=%q\n' "http://127.0.0.1:$MGMT_PORT"
  printf 'WEBLOGS_RABBIT_TLS_NODE=%q\n' "$NAME"
  for f in ca.pem:CA server.pem:SERVER_CERT client.pem:CLIENT_CERT client.key:CLIENT_KEY \
    client.p12:CLIENT_P12 truststore.p12:TRUSTSTORE wrong-ca.pem:WRONG_CA \
    wrong-client.pem:WRONG_CLIENT_CERT wrong-client.key:WRONG_CLIENT_KEY \
    wrong-client.p12:WRONG_CLIENT_P12 wrong-truststore.p12:WRONG_TRUSTSTORE; do
    [[ -e $CERTS/${f%%:*} ]] && printf 'WEBLOGS_RABBIT_TLS_%s=%q\n' "${f#*:}" "$CERTS/${f%%:*}"
  done
  printf 'WEBLOGS_RABBIT_TLS_STORE_PASSWORD=%q\n' "$STORE_PASS"
  printf 'WEBLOGS_RABBIT_TLS_STORE_TYPE=PKCS12\n'
}

cmd_start() {
  local t0 deadline certs_job=''
  t0=$(now_ms)
  deadline=$((SECONDS + START_TIMEOUT))
  rmq_lock
  if make_server_certs; then
    # the node boots (~1 core) while the rest of the certificates are made (the other core)
    (make_client_certs) 9>&- &
    certs_job=$!
  fi
  if rmq_alive "$NAME"; then
    say "$NAME is already running"
    [[ -z $certs_job ]] || say "note: the certificates were made anew; restart the node ($PROG stop; $PROG start) for it to use them"
  else
    rmq_prepare_plugins ''
    rmq_write_definitions "$STATE_DIR/definitions.json" "$USER_NAME" "$USER_PASS"
    rm -rf "$NODE_DIR" # a fresh node each start: no queues left from an earlier run
    write_config
    rmq_check_ports "$NAME" "$AMQPS_PORT" AMQPS "$AMQP_PORT" AMQP "$MGMT_PORT" management "$DIST_PORT" "Erlang distribution"
    rmq_launch "$NAME" "$NODE_DIR" "$AMQP_PORT" "$DIST_PORT"
  fi
  if [[ -n $certs_job ]]; then
    wait "$certs_job" || die "making the test certificates in $CERTS failed (see the error above)"
    say "made the test certificates in $CERTS ($(elapsed "$t0") s)"
  fi
  while ! { WAITING=''; node_ready; }; do
    ((SECONDS < deadline)) ||
      die "timed out after $START_TIMEOUT s waiting for the $WAITING of $NAME; see $NODE_DIR/log/$NAME.log"
    sleep 0.2
  done
  check_basic
  say "$NAME is up: amqps://localhost:$AMQPS_PORT (TLS), amqp://127.0.0.1:$AMQP_PORT, http://127.0.0.1:$MGMT_PORT; user $USER_NAME/$USER_PASS; CA $CERTS/ca.pem; stores' password $STORE_PASS"
  say "TLS handshake trusting ca.pem: ok; trusting wrong-ca.pem: refused, as it should ($PROG verify checks more)"
  say "ready in $(elapsed "$t0") s"
  print_env
}

cmd_stop() {
  local t0
  t0=$(now_ms)
  rmq_lock
  if rmq_alive "$NAME"; then
    rmq_signal_stop "$STOP_TIMEOUT" "$NAME"
    say "stopped $NAME ($(elapsed "$t0") s); certificates and logs stay in $STATE_DIR"
  else
    say "$NAME was not running"
  fi
  rm -f "$NODE_DIR/node.pid"
}

cmd_status() {
  local pid p
  pid=$(rmq_beam_pid "$NAME")
  if [[ -z $pid ]]; then
    if rmq_alive "$NAME"; then echo "$NAME  not ready (processes alive, no VM yet)"; return 1; fi
    echo "$NAME  stopped (state folder $STATE_DIR)"; return 3
  fi
  printf '%s  running  pid %s\n' "$NAME" "$pid"
  for p in "$AMQPS_PORT:amqps (TLS)" "$AMQP_PORT:amqp" "$MGMT_PORT:management (http)" "$DIST_PORT:erlang distribution"; do
    port_open "${p%%:*}" && printf '  %-22s 127.0.0.1:%s  open\n' "${p#*:}" "${p%%:*}" ||
      printf '  %-22s 127.0.0.1:%s  closed\n' "${p#*:}" "${p%%:*}"
  done
  printf '  CA %s, client %s / %s (PKCS#12 %s, password %s)\n' "$CERTS/ca.pem" "$CERTS/client.pem" \
    "$CERTS/client.key" "$CERTS/client.p12" "$STORE_PASS"
  port_open "$AMQPS_PORT"
}

cmd=${1:-}
[[ -n $cmd ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
shift
case $cmd in
  start) setup; cmd_start ;;
  stop) setup; cmd_stop ;;
  status) setup; cmd_status ;;
  verify) setup; cmd_verify ;;
  env) setup; print_env ;;
  certs)
    setup; rmq_lock
    if make_server_certs; then make_client_certs; say "made the test certificates in $CERTS"; fi
    print_env ;;
  cli)
    (($#)) || die "usage: $PROG cli TOOL [ARGS...]"
    setup
    [[ $1 =~ ^rabbitmq(ctl|-[a-z]+)$ ]] || die "not a RabbitMQ CLI tool: $1"
    tool=$1; shift
    rmq_cli "$tool" -n "$NAME" "$@" ;;
  purge) setup; cmd_stop; rm -rf "$STATE_DIR"; say "removed $STATE_DIR" ;;
  -h | --help | help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
  *) die "unknown command '$cmd' (start, stop, status, verify, env, certs, cli, purge)" ;;
esac
