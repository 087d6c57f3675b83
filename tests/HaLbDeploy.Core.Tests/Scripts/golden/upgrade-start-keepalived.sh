halb_restart() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
systemctl start keepalived
}
halb_restart </dev/null
