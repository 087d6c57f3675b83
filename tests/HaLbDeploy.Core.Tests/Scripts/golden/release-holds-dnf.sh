halb_release() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
set -e
dnf -q versionlock delete 'haproxy' >/dev/null 2>&1 || true
mkdir -p '/var/lib/halb-deploy'
{ grep -vx -e 'haproxy' '/var/lib/halb-deploy/package-holds' 2>/dev/null || true; } > '/var/lib/halb-deploy/package-holds.tmp'
mv -f '/var/lib/halb-deploy/package-holds.tmp' '/var/lib/halb-deploy/package-holds'
[ -s '/var/lib/halb-deploy/package-holds' ] || rm -f '/var/lib/halb-deploy/package-holds'
echo '@@halb done'
}
halb_release </dev/null
