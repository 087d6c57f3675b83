halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
bad=0
[ "$(sha256sum '/var/cache/halb-deploy/packages/keepalived-2.2.8-3.el9.x86_64.rpm' 2>/dev/null | cut -d' ' -f1)" = 'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc' ] || { echo '@@halb bad-digest keepalived-2.2.8-3.el9.x86_64.rpm'; bad=1; }
[ "$(sha256sum '/var/cache/halb-deploy/packages/haproxy-2.4.22-1.el9.x86_64.rpm' 2>/dev/null | cut -d' ' -f1)" = 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd' ] || { echo '@@halb bad-digest haproxy-2.4.22-1.el9.x86_64.rpm'; bad=1; }
if [ "$bad" -ne 0 ]; then rm -rf '/var/cache/halb-deploy/packages'; exit 6; fi
rc=0
yum localinstall -y -q --disablerepo='*' '/var/cache/halb-deploy/packages/keepalived-2.2.8-3.el9.x86_64.rpm' '/var/cache/halb-deploy/packages/haproxy-2.4.22-1.el9.x86_64.rpm' || rc=$?
rm -rf '/var/cache/halb-deploy/packages'
exit "$rc"
}
halb_main </dev/null
