PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
halb_locked_read() {
sh -s <<'HALB_LOCKED_READ_END'
# halb-deploy node facts, format 1: read-only; every section prints a parseable body; always exits 0.
LC_ALL=C
export LC_ALL
# A fixed PATH: sudo and non-login shells may lack the sbin directories, and the caller's PATH could hold an
# empty entry (the working directory) where a missing tool would then be looked up.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

halb_has() { command -v "$1" >/dev/null 2>&1; }
halb_section() { printf '\n@@halb section %s\n' "$*"; }
halb_missing() { echo "@@halb missing $*"; }
halb_systemd() { [ -d /run/systemd/system ] && halb_has systemctl; }

# Commands that talk to a daemon (systemd, firewalld over D-Bus) get a time limit: a wedged daemon must not
# hang the run.
halb_limited() {
  if halb_has timeout; then timeout 20 "$@"; else "$@"; fi
}

halb_clock() {
  date +%s%N 2>/dev/null || halb_missing date
}

halb_file() {
  halb_section file "$1"
  if [ ! -e "$1" ] && [ ! -L "$1" ]; then
    echo absent
    return 0
  fi
  if halb_has stat; then
    stat -c 'stat %a %U %G %F' "$1" 2>/dev/null || echo '@@halb unreadable stat'
  else
    halb_missing stat
  fi
  if [ -f "$1" ]; then
    if halb_has sha256sum; then
      halb_sum=$(sha256sum 2>/dev/null <"$1") && echo "sha256 $halb_sum"
    else
      halb_missing sha256sum
    fi
  fi
}

halb_packages() {
  if halb_has dpkg-query && { halb_has apt-get || ! halb_has rpm; }; then
    echo '@@halb via dpkg'
    dpkg-query -W -f '${Package} ${Status} ${Version}\n' keepalived haproxy 2>/dev/null
  elif halb_has rpm; then
    echo '@@halb via rpm'
    rpm -q --qf '%{NAME} %{VERSION}-%{RELEASE}\n' keepalived haproxy 2>/dev/null
  else
    halb_missing dpkg-query rpm
  fi
}

halb_firewall() {
  halb_section firewall-state
  if ! halb_has firewall-cmd; then
    echo not-installed
    return 0
  fi
  if halb_systemd; then
    if halb_limited systemctl is-active --quiet firewalld.service 2>/dev/null; then halb_fw=running; else halb_fw=not-running; fi
  else
    halb_fw=$(halb_limited firewall-cmd --state 2>&1)
    [ "$halb_fw" = running ] || halb_fw=not-running
  fi
  echo "$halb_fw"
  [ "$halb_fw" = running ] || return 0
  halb_section firewall-default-zone
  halb_limited firewall-cmd --get-default-zone 2>/dev/null
  halb_section firewall-runtime
  halb_limited firewall-cmd --list-all-zones 2>/dev/null
  halb_section firewall-permanent
  halb_limited firewall-cmd --permanent --list-all-zones 2>/dev/null
}

halb_facts() {
  echo '@@halb facts 1'
  halb_section clock-start
  halb_clock

  halb_section hostname
  uname -n 2>/dev/null || cat /proc/sys/kernel/hostname 2>/dev/null || halb_missing uname

  halb_section os-release
  if [ -r /etc/os-release ]; then cat /etc/os-release
  elif [ -r /usr/lib/os-release ]; then cat /usr/lib/os-release
  else halb_missing os-release
  fi

  halb_section tools
  for halb_tool in apt-get dnf yum dpkg-query rpm systemctl ip ss stat sha256sum timeout firewall-cmd getenforce getsebool; do
    if halb_has "$halb_tool"; then echo "$halb_tool"; fi
  done

  halb_section systemd
  if [ -d /run/systemd/system ]; then echo running; else echo not-running; fi

  halb_section packages
  halb_packages

  halb_section units
  if halb_systemd; then
    halb_limited systemctl show -p Id,LoadState,UnitFileState,ActiveState,SubState,MainPID,ActiveEnterTimestampMonotonic,InvocationID keepalived.service haproxy.service firewalld.service 2>/dev/null
  else
    halb_missing systemd
  fi

  halb_section links
  if halb_has ip; then ip -o link show 2>/dev/null; else halb_missing ip; fi
  halb_section addresses
  if halb_has ip; then ip -o -4 addr show 2>/dev/null; else halb_missing ip; fi

  halb_section listeners "$halb_frontend_ports"
  if halb_has ss; then
    for halb_port in $halb_frontend_ports; do ss -ltnp "sport = :$halb_port" 2>/dev/null; done
  else
    halb_missing ss
  fi

  halb_files

  halb_firewall

  halb_section selinux
  if halb_has getenforce; then getenforce 2>/dev/null || echo unknown; else halb_missing getenforce; fi
  halb_section selinux-booleans
  if halb_has getsebool; then getsebool haproxy_connect_any 2>&1; else halb_missing getsebool; fi

  # What the installed haproxy was built with (the metrics listener needs its Prometheus exporter and Lua).
  halb_section haproxy-build
  if halb_has haproxy; then halb_limited haproxy -vv 2>/dev/null; else echo not-installed; fi

  # keepalived's track_process needs the kernel's process events, which reach only the initial PID and user namespaces.
  halb_section namespaces
  readlink /proc/self/ns/pid /proc/self/ns/user 2>/dev/null || halb_missing readlink

  halb_section clock-end
  halb_clock
  echo '@@halb end'
}
halb_frontend_ports='6443'
halb_files() {
  halb_file '/etc/haproxy/haproxy.cfg'
  halb_file '/etc/keepalived/keepalived.conf'
  :
}
halb_facts </dev/null
exit 0
HALB_LOCKED_READ_END
}
halb_lock() {
lock='/run/halb-deploy.lock'
for tool in flock timeout dd stat; do
  command -v "$tool" >/dev/null 2>&1 || { echo "halb-deploy: $tool is not installed; the run lock needs it (flock: util-linux, the others: coreutils)" >&2; exit 69; }
done
exec 9>>"$lock" || { echo "halb-deploy: cannot open $lock" >&2; exit 73; }
if ! flock -n 9; then
  beat=$(stat -c %Y "$lock.owner" 2>/dev/null || echo 0)
  echo "halb-deploy-run-lock-beat-age $(( $(date +%s) - beat ))"
  cat "$lock.owner" 2>/dev/null || echo "an unknown run (no owner record)"
  exit 75
fi
printf '%s\n' 'run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z' > "$lock.owner"
exec 4>&1
read_err=$(halb_locked_read 2>&1 >&4 4>&- 3<&- 9>&-)
read_status=$?
exec 4>&-
printf '\n%s%s\n' 'halb-deploy-run-lock-read-exit ' "$read_status"
[ -z "$read_err" ] || printf '%s\n' "$read_err"
echo halb-deploy-run-lock-taken
while got=$(timeout 5 dd bs=1 count=1 status=none <&3 2>/dev/null 9>&- 3<&-) && [ -n "$got" ]; do
  touch "$lock.owner" 9>&- 3<&-
done
exit 0
}
halb_lock 3<&0 </dev/null
