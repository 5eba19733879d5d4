#!/usr/bin/env bash
# The entrypoint of the RabbitMQ nodes of docker-compose.yml. It runs as root, at every start of the node,
# before the image's own entrypoint (docker-entrypoint.sh, which then runs the server as the rabbitmq user):
#
#  1. the Erlang cookie from the secret rabbitmq-erlang-cookie, so that the nodes of the cluster profile (and
#     the CLI tools in each container) authenticate to one another;
#  2. the users, vhost and permissions of definitions.json, with the hashes of the passwords in the secrets,
#     in /etc/rabbitmq/weblogs-definitions.json, which the node imports as it boots (load_definitions): a
#     password changed in its secret file takes effect at the node's next start (docker compose restart
#     rabbitmq), and no password is ever written anywhere, only its salted hash;
#  3. with WEBLOGS_WAIT_FOR_SEED=host:port (the cluster profile's rabbitmq-2 and rabbitmq-3), on the node's
#     first start only, a wait until the seed node accepts connections, so that a blank node never asks a seed
#     that is still creating its database. Later starts do not wait: after `down`, the three nodes must come
#     up together to find one another.
set -euo pipefail

SECRETS=/run/secrets
TEMPLATE=/etc/rabbitmq/weblogs/definitions.json
DEFINITIONS=/etc/rabbitmq/weblogs-definitions.json
DATA=/var/lib/rabbitmq

say() { printf 'start-node: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# first_line FILE: the file's first line without its line end, as the programs read a password file
first_line() {
  local line=''
  [[ -r $1 ]] || die "$1 is missing: make the secrets first (compose/make-secrets.sh, see README.md)"
  IFS= read -r line <"$1" || true
  line=${line%$'\r'}
  [[ -n $line ]] || die "$1 is empty: its first line is the password"
  printf '%s' "$line"
}

# password_hash FILE: RabbitMQ's rabbit_password_hashing_sha256 of the password in FILE, that is
# base64(salt ++ sha256(salt ++ password)) with a random 32-bit salt (RabbitMQ's "Credentials and Passwords")
password_hash() {
  local dir
  dir=$(mktemp -d)
  head -c 4 /dev/urandom >"$dir/salt"
  first_line "$1" >"$dir/password"
  cat "$dir/salt" "$dir/password" | openssl dgst -sha256 -binary >"$dir/digest"
  cat "$dir/salt" "$dir/digest" | base64 -w0
  rm -rf "$dir"
}

# 1. The cookie: readable by its owner only, or Erlang refuses it.
cookie=$(first_line "$SECRETS/rabbitmq-erlang-cookie")
[[ $cookie =~ ^[A-Za-z0-9_]{20,255}$ ]] ||
  die "$SECRETS/rabbitmq-erlang-cookie must be 20 to 255 letters and digits"
(umask 077 && printf '%s' "$cookie" >"$DATA/.erlang.cookie.new")
chown rabbitmq:rabbitmq "$DATA/.erlang.cookie.new"
chmod 400 "$DATA/.erlang.cookie.new"
mv -f "$DATA/.erlang.cookie.new" "$DATA/.erlang.cookie"

# 2. The definitions. Base64 holds no '|', the sed delimiter.
substitutions=()
for user in weblogs-admin weblogs-producer weblogs-lake weblogs-clean; do
  hash=$(password_hash "$SECRETS/rabbitmq-${user#weblogs-}-password")
  substitutions+=(-e "s|@$user@|$hash|")
done
(umask 077 && sed "${substitutions[@]}" "$TEMPLATE" >"$DEFINITIONS.new")
if grep -q '"@weblogs-[a-z]*@"' "$DEFINITIONS.new"; then
  die "$TEMPLATE names a user this script has no password for"
fi
chown rabbitmq:rabbitmq "$DEFINITIONS.new"
mv -f "$DEFINITIONS.new" "$DEFINITIONS"
say "users weblogs-admin, weblogs-producer, weblogs-lake, weblogs-clean in vhost weblogs, from the secrets"

# 3. A blank node of the cluster profile waits for its seed.
if [[ -n ${WEBLOGS_WAIT_FOR_SEED:-} && ! -d $DATA/mnesia/rabbit@$(hostname) ]]; then
  seed_host=${WEBLOGS_WAIT_FOR_SEED%:*}
  seed_port=${WEBLOGS_WAIT_FOR_SEED##*:}
  say "first start: waiting for the seed node $seed_host to accept connections on port $seed_port"
  for ((waited = 0; ; waited += 2)); do
    if (exec 3<>"/dev/tcp/$seed_host/$seed_port") 2>/dev/null; then
      break
    fi
    ((waited < 300)) || die "$seed_host:$seed_port did not accept connections within 300 s"
    sleep 2
  done
  say "$seed_host is up: joining it"
fi

exec docker-entrypoint.sh "$@"
