halb_status() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
halb_has() { command -v "$1" >/dev/null 2>&1; }
halb_limited() { if halb_has timeout; then timeout 10 "$@"; else "$@"; fi; }
echo '@@halb units'
halb_limited systemctl show -p Id,LoadState,UnitFileState,ActiveState,SubState keepalived.service haproxy.service 2>/dev/null
echo '@@halb units-end'
ip -o -4 addr show 2>/dev/null | while IFS= read -r halb_line; do echo "addr $halb_line"; done
halb_sock='/var/lib/haproxy/admin.sock'
halb_cmd='show stat'
halb_py='import socket,sys
s=socket.socket(socket.AF_UNIX,socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] if len(sys.argv)>2 else "show stat").encode("ascii")+b"\n")
d=b""
while True:
    c=s.recv(65536)
    if not c: break
    d+=c
sys.stdout.write(d.decode("ascii","replace"))'
halb_pl='use IO::Socket::UNIX; my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "connect: $!\n"; print $s (defined $ARGV[1] ? $ARGV[1] : "show stat"), "\n"; print while <$s>;'
if [ ! -S "$halb_sock" ]; then
  echo "stats-error no stats socket at $halb_sock"
elif halb_has socat; then
  echo 'stats-client socat'; echo '@@halb stats'
  printf '%s\n' "$halb_cmd" | halb_limited socat -t 5 - "UNIX-CONNECT:$halb_sock" 2>&1
  echo '@@halb stats-end'
elif halb_has python3; then
  echo 'stats-client python3'; echo '@@halb stats'
  halb_limited python3 -c "$halb_py" "$halb_sock" "$halb_cmd" 2>&1
  echo '@@halb stats-end'
elif [ -x /usr/libexec/platform-python ]; then
  echo 'stats-client platform-python'; echo '@@halb stats'
  halb_limited /usr/libexec/platform-python -c "$halb_py" "$halb_sock" "$halb_cmd" 2>&1
  echo '@@halb stats-end'
elif halb_has python; then
  echo 'stats-client python'; echo '@@halb stats'
  halb_limited python -c "$halb_py" "$halb_sock" "$halb_cmd" 2>&1
  echo '@@halb stats-end'
elif halb_has perl; then
  echo 'stats-client perl'; echo '@@halb stats'
  halb_limited perl -e "$halb_pl" "$halb_sock" "$halb_cmd" 2>&1
  echo '@@halb stats-end'
else
  echo 'stats-error no client for the stats socket (socat, python3 or perl)'
fi
echo "@@halb clock $(date +%s%N 2>/dev/null)"
halb_log='/var/lib/halb-deploy/vrrp-transitions.log'
if [ -f "$halb_log" ]; then
  echo '@@halb transitions'
  tail -n 1000 "$halb_log" 2>/dev/null
  echo '@@halb transitions-end'
else
  echo '@@halb transitions-missing'
fi
echo '@@halb end'
}
halb_status </dev/null
exit 0
