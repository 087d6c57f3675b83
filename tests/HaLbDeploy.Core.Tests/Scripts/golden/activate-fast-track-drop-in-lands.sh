halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
trap '' HUP PIPE
rollback() {
  if [ -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-bak' ]; then mv -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-bak' '/usr/libexec/keepalived/halb-vrrp-notify.sh'; elif [ -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-created' ]; then rm -f '/usr/libexec/keepalived/halb-vrrp-notify.sh'; fi
  rm -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-created' '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-new'
  if [ -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-bak' ]; then mv -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-bak' '/etc/systemd/system/haproxy.service.d/halb-track.conf'; elif [ -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-created' ]; then rm -f '/etc/systemd/system/haproxy.service.d/halb-track.conf'; fi
  rm -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-created' '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new'
  if [ -f '/etc/keepalived/keepalived.conf.halb-bak' ]; then mv -f '/etc/keepalived/keepalived.conf.halb-bak' '/etc/keepalived/keepalived.conf'; elif [ -f '/etc/keepalived/keepalived.conf.halb-created' ]; then rm -f '/etc/keepalived/keepalived.conf'; fi
  rm -f '/etc/keepalived/keepalived.conf.halb-created' '/etc/keepalived/keepalived.conf.halb-new'
  systemctl daemon-reload
  if [ -f '/etc/keepalived/keepalived.conf' ]; then systemctl restart keepalived; else systemctl stop keepalived; fi
  echo '@@halb rolled-back'
  exit 4
}
[ -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-new' ] || { echo 'staged file /usr/libexec/keepalived/halb-vrrp-notify.sh.halb-new is missing' >&2; rollback; }
if [ -e '/usr/libexec/keepalived/halb-vrrp-notify.sh' ]; then cp -p '/usr/libexec/keepalived/halb-vrrp-notify.sh' '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-bak' || rollback; else : > '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-created'; fi
mv -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-new' '/usr/libexec/keepalived/halb-vrrp-notify.sh' || rollback
if command -v restorecon >/dev/null 2>&1; then restorecon -F '/usr/libexec/keepalived/halb-vrrp-notify.sh' 2>/dev/null || true; fi
[ -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new' ] || { echo 'staged file /etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new is missing' >&2; rollback; }
if [ -e '/etc/systemd/system/haproxy.service.d/halb-track.conf' ]; then cp -p '/etc/systemd/system/haproxy.service.d/halb-track.conf' '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-bak' || rollback; else : > '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-created'; fi
mv -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new' '/etc/systemd/system/haproxy.service.d/halb-track.conf' || rollback
if command -v restorecon >/dev/null 2>&1; then restorecon -F '/etc/systemd/system/haproxy.service.d/halb-track.conf' 2>/dev/null || true; fi
[ -f '/etc/keepalived/keepalived.conf.halb-new' ] || { echo 'staged file /etc/keepalived/keepalived.conf.halb-new is missing' >&2; rollback; }
if [ -e '/etc/keepalived/keepalived.conf' ]; then cp -p '/etc/keepalived/keepalived.conf' '/etc/keepalived/keepalived.conf.halb-bak' || rollback; else : > '/etc/keepalived/keepalived.conf.halb-created'; fi
mv -f '/etc/keepalived/keepalived.conf.halb-new' '/etc/keepalived/keepalived.conf' || rollback
if command -v restorecon >/dev/null 2>&1; then restorecon -F '/etc/keepalived/keepalived.conf' 2>/dev/null || true; fi
systemctl daemon-reload || rollback
if systemctl is-active -q haproxy; then echo 0; else echo 1; fi > '/run/halb-haproxy-down' || rollback
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
systemctl reload keepalived || rollback
wait_for 'systemctl is-active -q keepalived'
rm -f '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-created' '/usr/libexec/keepalived/halb-vrrp-notify.sh.halb-bak'
rm -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-created' '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-bak'
rm -f '/etc/keepalived/keepalived.conf.halb-created' '/etc/keepalived/keepalived.conf.halb-bak'
echo '@@halb done'
}
halb_main </dev/null
