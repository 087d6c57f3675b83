halb_sampler() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
halb_vip=' 192.168.88.201/'
halb_now=$(date +%s%N)
halb_end=$((halb_now + 10000000000))
echo "@@halb sampler 1 $halb_now"
halb_pid=$(systemctl show -p MainPID keepalived.service 2>/dev/null | cut -d= -f2)
if [ -n "$halb_pid" ] && [ "$halb_pid" != 0 ] && [ -r "/proc/$halb_pid/stat" ] && read -r halb_up _ < /proc/uptime; then
  halb_stat=$(cat "/proc/$halb_pid/stat" 2>/dev/null)
  halb_rest=${halb_stat##*) }
  set -- $halb_rest
  shift 19
  halb_hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
  halb_up_ms=$(( ${halb_up%.*} * 1000 + (1${halb_up#*.} - 100) * 10 ))
  echo "keepalived-started $(( halb_now / 1000000 - halb_up_ms + $1 * 1000 / halb_hz ))"
else
  echo 'keepalived-started -'
fi
halb_loop='halb_n=0
while [ "$halb_n" -lt 210 ]; do
  halb_clock
  [ "$halb_t" -lt "$2" ] || break
  case "$(ip -o -4 addr show 2>/dev/null)" in
    *"$1"*) echo "s $halb_t 1" ;;
    *) echo "s $halb_t 0" ;;
  esac
  halb_n=$((halb_n + 1))
  halb_pause
done
'
if command -v bash >/dev/null 2>&1; then
  bash -c 'if [ -n "${EPOCHREALTIME:-}" ]; then halb_clock() { halb_t=${EPOCHREALTIME/[.,]/}000; }; else halb_clock() { halb_t=$(date +%s%N); }; fi
if { exec 9<> <(:); } 2>/dev/null; then halb_pause() { read -r -t 0.05 -u 9 _; }; else halb_pause() { sleep 0.05; }; fi
'"$halb_loop" halb_sampler "$halb_vip" "$halb_end"
else
  halb_clock() { halb_t=$(date +%s%N); }
  halb_pause() { sleep 0.05; }
  set -- "$halb_vip" "$halb_end"
  eval "$halb_loop"
fi
echo '@@halb end'
}
halb_sampler </dev/null
exit 0
