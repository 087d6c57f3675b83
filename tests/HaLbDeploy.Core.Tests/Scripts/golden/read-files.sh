halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
echo '@@halb file /etc/haproxy/haproxy.cfg'
if [ -f '/etc/haproxy/haproxy.cfg' ]; then base64 '/etc/haproxy/haproxy.cfg'; else echo '@@halb missing'; fi
echo '@@halb end'
echo '@@halb file /etc/keepalived/keepalived.conf'
if [ -f '/etc/keepalived/keepalived.conf' ]; then base64 '/etc/keepalived/keepalived.conf'; else echo '@@halb missing'; fi
echo '@@halb end'
}
halb_main </dev/null
