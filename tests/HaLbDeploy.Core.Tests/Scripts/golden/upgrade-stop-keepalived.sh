halb_handover() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
systemctl stop keepalived
}
halb_handover </dev/null
