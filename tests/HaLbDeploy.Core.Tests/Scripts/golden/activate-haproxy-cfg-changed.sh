halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
trap '' HUP PIPE
rollback() {
  if [ -f '/etc/haproxy/haproxy.cfg.halb-bak' ]; then mv -f '/etc/haproxy/haproxy.cfg.halb-bak' '/etc/haproxy/haproxy.cfg'; elif [ -f '/etc/haproxy/haproxy.cfg.halb-created' ]; then rm -f '/etc/haproxy/haproxy.cfg'; fi
  rm -f '/etc/haproxy/haproxy.cfg.halb-created' '/etc/haproxy/haproxy.cfg.halb-new'
  if [ -f '/etc/haproxy/haproxy.cfg' ]; then systemctl restart haproxy; else systemctl stop haproxy; fi
  echo '@@halb rolled-back'
  exit 4
}
[ -f '/etc/haproxy/haproxy.cfg.halb-new' ] || { echo 'staged file /etc/haproxy/haproxy.cfg.halb-new is missing' >&2; rollback; }
if [ -e '/etc/haproxy/haproxy.cfg' ]; then cp -p '/etc/haproxy/haproxy.cfg' '/etc/haproxy/haproxy.cfg.halb-bak' || rollback; else : > '/etc/haproxy/haproxy.cfg.halb-created'; fi
mv -f '/etc/haproxy/haproxy.cfg.halb-new' '/etc/haproxy/haproxy.cfg' || rollback
if command -v restorecon >/dev/null 2>&1; then restorecon -F '/etc/haproxy/haproxy.cfg' 2>/dev/null || true; fi
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
before=$(haproxy_workers)
systemctl reload haproxy || rollback
wait_for 'now=$(haproxy_workers); [ -n "$now" ] && [ "$now" != "$before" ]'
wait_for 'systemctl is-active -q haproxy'
wait_for 'ss -ltn "sport = :6443" 2>/dev/null | grep -q LISTEN'
rm -f '/etc/haproxy/haproxy.cfg.halb-created' '/etc/haproxy/haproxy.cfg.halb-bak'
echo '@@halb done'
}
halb_main </dev/null
