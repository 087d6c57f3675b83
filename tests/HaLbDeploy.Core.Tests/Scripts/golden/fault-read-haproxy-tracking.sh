halb_tracking() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
if grep -q '^vrrp_track_file haproxy_down ' /etc/keepalived/keepalived.conf 2>/dev/null &&
   systemctl show -p DropInPaths haproxy.service 2>/dev/null | grep -qF /etc/systemd/system/haproxy.service.d/halb-track.conf; then
  echo '@@halb haproxy-track-file yes'
else
  echo '@@halb haproxy-track-file no'
fi
exit 0
}
halb_tracking </dev/null
