halb_probe() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
echo "keepalived=$(systemctl is-active keepalived 2>/dev/null)"
echo "haproxy=$(systemctl is-active haproxy 2>/dev/null)"
ip -o -4 addr show 2>/dev/null | while read -r _ dev _ cidr _; do echo "addr=$dev $cidr"; done
}
halb_probe </dev/null
