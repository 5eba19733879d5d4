#!/bin/sh
# Makes the passwords of docker-compose.yml, one file each, in compose/secrets/ (or in the folder given as
# the argument, or SECRETS_DIR): 32 random letters and digits per password. A file that exists is kept, so
# running it again changes nothing; delete a file to make a new password for it (and see README.md, "Change a
# password", for a stack that has already started). Nothing is printed but the file names.
#
# The folder is made private (mode 700): only you can reach the files. The files themselves are readable by
# all (mode 644), because Compose mounts them unchanged into containers whose programs run as other users.
set -eu

dir=${1:-${SECRETS_DIR:-$(dirname "$0")/secrets}}
mkdir -p "$dir"
chmod 700 "$dir"

for name in mysql-root-password db-password db-reader-password \
  rabbitmq-admin-password rabbitmq-producer-password rabbitmq-lake-password rabbitmq-clean-password \
  rabbitmq-erlang-cookie; do
  file=$dir/$name.txt
  if [ -s "$file" ]; then
    echo "kept $file"
    continue
  fi
  value=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32)
  [ "${#value}" -eq 32 ] || { echo "make-secrets: could not read /dev/urandom" >&2; exit 1; }
  (umask 022 && printf '%s\n' "$value" >"$file.new")
  chmod 644 "$file.new"
  mv "$file.new" "$file"
  echo "made $file"
done
