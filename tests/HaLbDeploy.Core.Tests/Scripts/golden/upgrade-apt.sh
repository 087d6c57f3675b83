halb_upgrade() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\n# halb-deploy upgrade\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d; fi
unpolicy() { grep -q '# halb-deploy upgrade' /usr/sbin/policy-rc.d 2>/dev/null && rm -f /usr/sbin/policy-rc.d; }
trap unpolicy EXIT
rc=0
DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold --allow-downgrades --allow-change-held-packages 'keepalived=1:2.2.7-1+halb1' 'haproxy=2.6.12-1+halb1' || rc=$?
unpolicy
[ "$rc" -eq 0 ] || exit "$rc"
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
