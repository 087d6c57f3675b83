halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
trap '' HUP PIPE
rollback() {
  if [ -f '/usr/libexec/keepalived/check_haproxy.sh.halb-bak' ]; then mv -f '/usr/libexec/keepalived/check_haproxy.sh.halb-bak' '/usr/libexec/keepalived/check_haproxy.sh'; elif [ -f '/usr/libexec/keepalived/check_haproxy.sh.halb-created' ]; then rm -f '/usr/libexec/keepalived/check_haproxy.sh'; fi
  rm -f '/usr/libexec/keepalived/check_haproxy.sh.halb-created' '/usr/libexec/keepalived/check_haproxy.sh.halb-new'
  echo '@@halb rolled-back'
  exit 4
}
chown 'root:root' '/usr/libexec/keepalived/check_haproxy.sh' && chmod 0755 '/usr/libexec/keepalived/check_haproxy.sh' || rollback
rm -f '/usr/libexec/keepalived/check_haproxy.sh.halb-new'
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
rm -f '/usr/libexec/keepalived/check_haproxy.sh.halb-created' '/usr/libexec/keepalived/check_haproxy.sh.halb-bak'
echo '@@halb done'
}
halb_main </dev/null
