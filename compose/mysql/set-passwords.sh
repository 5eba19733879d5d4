#!/usr/bin/env bash
# Sets the passwords of MySQL's root, weblogs and weblogs_reader to those in their secrets, for a stack
# whose secret files were changed after MySQL's first start (MySQL keeps the passwords of that start):
#
#   docker compose up -d --force-recreate mysql        # the container then mounts the new files
#   docker compose exec mysql bash /usr/local/lib/weblogs/set-passwords.sh
#   docker compose up -d --force-recreate              # the programs read the new files
#
# It logs in as root with mysql-root-password, or, when MySQL refuses that (root's password changed too), with
# the old root password, which it asks for. Nothing is printed but what it did.
set -euo pipefail

first_line() {
  local line=''
  [[ -r $1 ]] || { echo "set-passwords: $1 is missing or not readable" >&2; exit 1; }
  IFS= read -r line <"$1" || true
  line=${line%$'\r'}
  [[ -n $line ]] || { echo "set-passwords: $1 is empty" >&2; exit 1; }
  printf '%s' "$line"
}

quoted() {
  local text=${1//\\/\\\\}
  printf "'%s'" "${text//\'/\\\'}"
}

root=$(first_line /run/secrets/mysql-root-password)
writer=$(first_line /run/secrets/db-password)
reader=$(first_line /run/secrets/db-reader-password)
sql="ALTER USER 'weblogs'@'%' IDENTIFIED BY $(quoted "$writer");
ALTER USER 'weblogs_reader'@'%' IDENTIFIED BY $(quoted "$reader");"

as_root() { # PASSWORD : run $sql as root over the socket
  mysql --protocol=socket --user=root --password="$1" --batch --execute="$sql" 2>&1 |
    grep -v 'Using a password on the command line' || true
}

out=$(as_root "$root")
if [[ $out == *'ERROR 1045'* ]]; then
  echo "MySQL refuses root with the password in mysql-root-password: root's password is still the old one."
  read -rsp "The old root password: " old
  echo
  sql="$sql
ALTER USER 'root'@'localhost' IDENTIFIED BY $(quoted "$root");"
  out=$(as_root "$old")
fi
if [[ $out == *ERROR* ]]; then
  echo "set-passwords: $out" >&2
  exit 1
fi
echo "set-passwords: the MySQL passwords are those of the secrets now"
