halb_takeback() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
systemctl start keepalived
}
halb_takeback </dev/null
