halb_fault() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
rm -f /run/systemd/system/haproxy.service.d/90-halb-failover-test.conf
rmdir /run/systemd/system/haproxy.service.d 2>/dev/null
systemctl daemon-reload
systemctl reset-failed haproxy.service 2>/dev/null
systemctl start haproxy.service
}
halb_fault </dev/null
