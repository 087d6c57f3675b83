halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
bad=0
[ "$(sha256sum '/var/cache/halb-deploy/packages/keepalived_2.2.7-1_amd64.deb' 2>/dev/null | cut -d' ' -f1)" = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' ] || { echo '@@halb bad-digest keepalived_2.2.7-1_amd64.deb'; bad=1; }
[ "$(sha256sum '/var/cache/halb-deploy/packages/haproxy_2.6.12-1_amd64.deb' 2>/dev/null | cut -d' ' -f1)" = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' ] || { echo '@@halb bad-digest haproxy_2.6.12-1_amd64.deb'; bad=1; }
if [ "$bad" -ne 0 ]; then rm -rf '/var/cache/halb-deploy/packages'; exit 6; fi
auto=''
p=$(dpkg-deb -f '/var/cache/halb-deploy/packages/keepalived_2.2.7-1_amd64.deb' Package 2>/dev/null) && case "$p" in keepalived|haproxy) ;; *) dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q ' installed$' || auto="$auto $p" ;; esac
p=$(dpkg-deb -f '/var/cache/halb-deploy/packages/haproxy_2.6.12-1_amd64.deb' Package 2>/dev/null) && case "$p" in keepalived|haproxy) ;; *) dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q ' installed$' || auto="$auto $p" ;; esac
rc=0
DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=/dev/null -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= '/var/cache/halb-deploy/packages/keepalived_2.2.7-1_amd64.deb' '/var/cache/halb-deploy/packages/haproxy_2.6.12-1_amd64.deb' || rc=$?
if [ "$rc" -eq 0 ] && [ -n "$auto" ]; then apt-mark auto $auto >/dev/null || true; fi
rm -rf '/var/cache/halb-deploy/packages'
exit "$rc"
}
halb_main </dev/null
