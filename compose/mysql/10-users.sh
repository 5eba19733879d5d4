# The pipeline's MySQL users, made once: the mysql image's entrypoint sources this file (it is not
# executable) from /docker-entrypoint-initdb.d on its first start, when the data volume is empty, after it has
# set root's password and created MYSQL_DATABASE. Later starts do not run it, so MySQL keeps the passwords of
# that first start: to change one afterwards, see README.md ("Change a password"), or `docker compose down -v`
# (which deletes the data) and `up` again.
#
#   weblogs         the consumers: create, migrate and write the pipeline's tables in MYSQL_DATABASE, and
#                   delete from them (rebuild, pruning of clean-log-changes); nothing else
#   weblogs_reader  the dashboard (and anyone who only looks, phpMyAdmin included): SELECT only
#
# Their passwords are the first lines of the secrets db-password and db-reader-password, read as the programs
# read DB_PASSWORD_FILE.

# weblogs_secret FILE: the first line of FILE without its line end
weblogs_secret() {
	local line=''
	[ -r "$1" ] || mysql_error "$1 is missing, or not readable by the mysql user: make the secrets with compose/make-secrets.sh (mode 644 in a private folder)"
	IFS= read -r line < "$1" || true
	line=${line%$'\r'}
	[ -n "$line" ] || mysql_error "$1 is empty: its first line is the password"
	printf '%s' "$line"
}

# weblogs_quoted TEXT: TEXT as a single-quoted SQL string
weblogs_quoted() {
	local text=${1//\\/\\\\}
	printf "'%s'" "${text//\'/\\\'}"
}

weblogs_database=${MYSQL_DATABASE:?MYSQL_DATABASE names the pipeline database}
case "$weblogs_database" in
	*'`'* | '') mysql_error "MYSQL_DATABASE '$weblogs_database' cannot be a database name here" ;;
esac
# In a GRANT, _ and % in a database name are wildcards: escaped, the grant is on this database only.
weblogs_grant_on="\`${weblogs_database//_/\\_}\`"
weblogs_grant_on="${weblogs_grant_on//%/\\%}.*"

weblogs_password=$(weblogs_secret /run/secrets/db-password) || exit 1
weblogs_reader_password=$(weblogs_secret /run/secrets/db-reader-password) || exit 1

mysql_note "Creating the users weblogs and weblogs_reader on ${weblogs_database}"
docker_process_sql --database=mysql <<-EOSQL
	CREATE USER 'weblogs'@'%' IDENTIFIED BY $(weblogs_quoted "$weblogs_password");
	GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX ON ${weblogs_grant_on} TO 'weblogs'@'%';
	CREATE USER 'weblogs_reader'@'%' IDENTIFIED BY $(weblogs_quoted "$weblogs_reader_password");
	GRANT SELECT ON ${weblogs_grant_on} TO 'weblogs_reader'@'%';
EOSQL
unset weblogs_database weblogs_grant_on weblogs_password weblogs_reader_password
