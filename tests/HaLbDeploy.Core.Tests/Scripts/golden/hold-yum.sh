halb_hold() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
set -e
yum -q versionlock list >/dev/null 2>&1 || yum install -y -q yum-plugin-versionlock
yum -q versionlock delete 'keepalived' >/dev/null 2>&1 || true
yum -q versionlock add 'keepalived-1:2.2.7-1' >/dev/null
yum -q versionlock delete 'haproxy' >/dev/null 2>&1 || true
yum -q versionlock add 'haproxy-2.6.12-1' >/dev/null
mkdir -p '/var/lib/halb-deploy'
{ cat '/var/lib/halb-deploy/package-holds' 2>/dev/null || true; printf '%s\n' 'keepalived' 'haproxy'; } | sort -u > '/var/lib/halb-deploy/package-holds.tmp'
mv -f '/var/lib/halb-deploy/package-holds.tmp' '/var/lib/halb-deploy/package-holds'
echo '@@halb done'
}
halb_hold </dev/null
