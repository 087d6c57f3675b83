halb_hold() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
set -e
apt-mark hold 'keepalived' 'haproxy' >/dev/null
mkdir -p '/var/lib/halb-deploy'
{ cat '/var/lib/halb-deploy/package-holds' 2>/dev/null || true; printf '%s\n' 'keepalived' 'haproxy'; } | sort -u > '/var/lib/halb-deploy/package-holds.tmp'
mv -f '/var/lib/halb-deploy/package-holds.tmp' '/var/lib/halb-deploy/package-holds'
echo '@@halb done'
}
halb_hold </dev/null
