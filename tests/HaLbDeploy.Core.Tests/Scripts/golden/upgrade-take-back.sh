halb_takeback() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
cp -p '/etc/keepalived/keepalived.conf' '/etc/keepalived/keepalived.conf.halb-final' || exit 1
restore() { mv -f '/etc/keepalived/keepalived.conf.halb-final' '/etc/keepalived/keepalived.conf'; }
sed -i -e 's/^\([[:space:]]*state\) BACKUP$/\1 MASTER/' -e 's/^\([[:space:]]*priority\) [0-9]*$/\1 255/' '/etc/keepalived/keepalived.conf' || { restore; exit 1; }
systemctl start keepalived || { restore; exit 1; }
n=0
until ip -o addr show dev 'eth0' | grep -qF ' 10.0.0.100/'; do
  n=$((n + 1)); [ "$n" -le 1000 ] || { restore; systemctl reload keepalived; echo 'the VIP did not come up here' >&2; exit 1; }
  sleep 0.01
done
restore
systemctl reload keepalived || exit 1
echo '@@halb done'
}
halb_takeback </dev/null
