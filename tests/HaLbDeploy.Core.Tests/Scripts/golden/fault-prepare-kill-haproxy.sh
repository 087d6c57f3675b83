halb_fault() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
set -e
mkdir -p /run/systemd/system/haproxy.service.d
printf '[Service]\nRestart=no\n' > /run/systemd/system/haproxy.service.d/90-halb-failover-test.conf
systemctl daemon-reload
[ "$(systemctl show -p Restart haproxy.service)" = Restart=no ] || { echo 'systemd did not take the Restart=no drop-in' >&2; exit 1; }
}
halb_fault </dev/null
