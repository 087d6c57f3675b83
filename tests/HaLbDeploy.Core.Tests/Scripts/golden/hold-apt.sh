halb_hold() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
set -e
apt-mark hold 'keepalived' 'haproxy' >/dev/null
echo '@@halb done'
}
halb_hold </dev/null
