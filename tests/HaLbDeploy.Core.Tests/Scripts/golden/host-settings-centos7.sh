halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
set -e
zone=$(firewall-cmd --get-zone-of-interface='eth0' 2>/dev/null || firewall-cmd --get-default-zone)
firewall-cmd -q --zone="$zone" --add-rich-rule='rule priority="-112" family="ipv4" source address="192.168.88.92" protocol value="vrrp" accept'
firewall-cmd -q --permanent --zone="$zone" --add-rich-rule='rule priority="-112" family="ipv4" source address="192.168.88.92" protocol value="vrrp" accept'
zone=$(firewall-cmd --get-zone-of-interface='eth0' 2>/dev/null || firewall-cmd --get-default-zone)
firewall-cmd -q --zone="$zone" --add-rich-rule='rule priority="-112" family="ipv4" source address="192.168.88.93" protocol value="vrrp" accept'
firewall-cmd -q --permanent --zone="$zone" --add-rich-rule='rule priority="-112" family="ipv4" source address="192.168.88.93" protocol value="vrrp" accept'
zone=$(firewall-cmd --get-zone-of-interface='eth0' 2>/dev/null || firewall-cmd --get-default-zone)
firewall-cmd -q --zone="$zone" --add-port='6443/tcp'
firewall-cmd -q --permanent --zone="$zone" --add-port='6443/tcp'
setsebool -P haproxy_connect_any 1
}
halb_main </dev/null
