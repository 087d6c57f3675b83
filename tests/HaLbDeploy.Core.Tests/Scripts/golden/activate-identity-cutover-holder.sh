halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
trap '' HUP PIPE
rollback() {
  rm -f '/etc/keepalived/keepalived.conf.halb-final'
  if [ -f '/etc/keepalived/keepalived.conf.halb-bak' ]; then mv -f '/etc/keepalived/keepalived.conf.halb-bak' '/etc/keepalived/keepalived.conf'; elif [ -f '/etc/keepalived/keepalived.conf.halb-created' ]; then rm -f '/etc/keepalived/keepalived.conf'; fi
  rm -f '/etc/keepalived/keepalived.conf.halb-created' '/etc/keepalived/keepalived.conf.halb-new'
  if [ -f '/etc/keepalived/keepalived.conf' ]; then systemctl restart keepalived; else systemctl stop keepalived; fi
  echo '@@halb rolled-back'
  exit 4
}
[ -f '/etc/keepalived/keepalived.conf.halb-new' ] || { echo 'staged file /etc/keepalived/keepalived.conf.halb-new is missing' >&2; rollback; }
if [ -e '/etc/keepalived/keepalived.conf' ]; then cp -p '/etc/keepalived/keepalived.conf' '/etc/keepalived/keepalived.conf.halb-bak' || rollback; else : > '/etc/keepalived/keepalived.conf.halb-created'; fi
mv -f '/etc/keepalived/keepalived.conf.halb-new' '/etc/keepalived/keepalived.conf' || rollback
if command -v restorecon >/dev/null 2>&1; then restorecon -F '/etc/keepalived/keepalived.conf' 2>/dev/null || true; fi
haproxy_workers() {
  main=$(systemctl show -p MainPID haproxy 2>/dev/null | cut -d= -f2)
  [ -n "$main" ] && [ "$main" != 0 ] && ps -o pid= --ppid "$main" 2>/dev/null | tr -d ' ' | sort | tr '\n' ' '
}
wait_for() {
  i=0
  until eval "$1"; do
    i=$((i + 1)); [ "$i" -le 100 ] || { echo "timed out waiting for: $1" >&2; rollback; }
    sleep 0.1
  done
}
cp -p '/etc/keepalived/keepalived.conf' '/etc/keepalived/keepalived.conf.halb-final' || rollback
sed -i -e 's/^\([[:space:]]*state\) BACKUP$/\1 MASTER/' -e 's/^\([[:space:]]*priority\) [0-9]*$/\1 255/' '/etc/keepalived/keepalived.conf' || rollback
systemctl reload keepalived || rollback
wait_for 'systemctl is-active -q keepalived'
vip_dev='eth0'
wait_for 'ip -o addr show dev "$vip_dev" | grep -qF " 192.168.88.201/"'
mv -f '/etc/keepalived/keepalived.conf.halb-final' '/etc/keepalived/keepalived.conf' || rollback
systemctl reload keepalived || rollback
rm -f '/etc/keepalived/keepalived.conf.halb-created' '/etc/keepalived/keepalived.conf.halb-bak'
echo '@@halb done'
}
halb_main </dev/null
