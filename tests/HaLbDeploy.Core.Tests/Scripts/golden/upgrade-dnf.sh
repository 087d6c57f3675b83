halb_upgrade() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
dnf install -y -q 'keepalived-1:2.2.7-1+halb1' 'haproxy-2.6.12-1+halb1' || exit 1
systemctl restart haproxy || exit 1
systemctl restart keepalived || exit 1
n=0
until systemctl is-active -q haproxy && systemctl is-active -q keepalived; do
  n=$((n + 1)); [ "$n" -le 300 ] || { echo 'haproxy or keepalived did not become active after the upgrade' >&2; exit 1; }
  sleep 0.1
done
echo '@@halb done'
}
halb_upgrade </dev/null
