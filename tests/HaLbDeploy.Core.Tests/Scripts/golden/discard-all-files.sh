halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
rm -f '/etc/haproxy/haproxy.cfg.halb-new'
rm -f '/usr/libexec/keepalived/check_haproxy.sh.halb-new'
rm -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-new'
rm -f '/etc/keepalived/keepalived.conf.halb-new'
}
halb_main </dev/null
