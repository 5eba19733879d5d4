#!/usr/bin/env bash
# The healthcheck of the mysql service: healthy only when the pipeline's users log in over TCP with the
# passwords in their secrets, so that the programs, which wait for it, can log in too. While the image
# initialises its data (a server without networking) the check fails quietly: that is the start_period.
# A refusal says what to do, in the health log (docker inspect) and, once a minute, in the container's own
# log (docker compose logs mysql, and the output of `docker compose up`).
set -u

database=${MYSQL_DATABASE:-weblogs}

# first_line FILE: the file's first line without its line end, as the programs read DB_PASSWORD_FILE
first_line() {
  local line=''
  IFS= read -r line <"$1" || true
  printf '%s' "${line%$'\r'}"
}

# tell MESSAGE: print it, and write it to the log of the container's main process at most once a minute
tell() {
  echo "$1"
  local stamp=/tmp/weblogs-healthcheck-told
  if [[ -z $(find "$stamp" -newermt '-60 seconds' 2>/dev/null) ]]; then
    touch "$stamp"
    echo "healthcheck: $1" >>/proc/1/fd/1 2>/dev/null || true
  fi
}

# check USER FILE: USER logs in with the password in FILE, a secret
check() {
  local user=$1 file=$2 secret=${2##*/} out
  if [[ ! -r $file ]]; then
    echo "the secret $secret is missing ($file): make the secrets (compose/make-secrets.sh)"
    return 1
  fi
  # The password as an argument, not in an option file, which would read escapes in it.
  if out=$(mysql --protocol=tcp --host=127.0.0.1 --user="$user" --password="$(first_line "$file")" \
      --database="$database" --batch --skip-column-names --execute='SELECT 1' 2>&1 >/dev/null); then
    return 0
  fi
  out=$(grep -v 'Using a password on the command line' <<<"$out")
  case $out in
    *'ERROR 2002'* | *'ERROR 2003'* | *'ERROR 2013'*)
      echo "MySQL does not accept connections yet: $out" ;;
    *'ERROR 1045'*)
      tell "MySQL refuses user $user with the password in the secret $secret: MySQL keeps the passwords of its\
 first start (its data volume), and a secret changed since then is not the password. Set the secrets' passwords\
 in MySQL with: docker compose exec mysql bash /usr/local/lib/weblogs/set-passwords.sh (README.md, \"Change a\
 password\"), or start again from nothing with docker compose down -v (which deletes the data). $out" ;;
    *'ERROR 1044'* | *'ERROR 1049'*)
      tell "user $user may not use the database $database: was MYSQL_DATABASE changed after the first start?\
 The users were granted the database of that start; docker compose down -v starts again (deleting the data). $out" ;;
    *)
      echo "user $user cannot log in: $out" ;;
  esac
  return 1
}

check weblogs /run/secrets/db-password && check weblogs_reader /run/secrets/db-reader-password
