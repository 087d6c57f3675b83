# Sourced by lab/lab: the bastion topology (lab/README.md, "Behind a bastion"). A second bridge halb1
# (10.212.0.0/24) on which this machine has no address at all (IPv6 off on it, no route, no forwarding), LB nodes
# lb21, lb22 and API servers api21, api22 on halb1 only, and a two-legged container `bastion` (host0 on halb0,
# inner0 on halb1, forwarding off) as the only way in. The nodes' apt repository is a mirror of the lab's on halb1
# (a network namespace serving the same directory), as a private network would have its own.
# `lab/lab up --bastion` or `lab/lab bastion up` make it; `lab/lab bastion down` and `lab/lab down` remove it.

BASTION_BRIDGE=halb1
BASTION_NET=10.212.0
BASTION_PREFIX=24
BASTION_NAME=bastion
BASTION_OUTER_IP=10.211.0.9          # the bastion on halb0: the only address of this topology the host reaches
BASTION_INNER_IP=$BASTION_NET.9      # the bastion on halb1
BASTION_MIRROR_IP=$BASTION_NET.5     # apt mirror (netns halb-mirror) on halb1
BASTION_VIP=$BASTION_NET.100
BASTION_NODES=(lb21 lb22)            # at $BASTION_NET.21, .22
BASTION_APIS=(api21 api22)           # at $BASTION_NET.41, .42
BASTION_RUN=$RUN/bastion

# addresses of this topology's hosts, for node_ip / api_ip in lab/lab
declare -A LAB_IP_OF=(
  [$BASTION_NAME]=$BASTION_OUTER_IP
  [lb21]=$BASTION_NET.21 [lb22]=$BASTION_NET.22
  [api21]=$BASTION_NET.41 [api22]=$BASTION_NET.42
)

bastion_lab_up_already() { [[ -e $BASTION_RUN/ready ]]; }

bastion_leader() { node_leader "$BASTION_NAME"; }

# run a command in the bastion's network namespace only (host binaries and files): what reaches halb1 from here
bastion_netns() {
  local leader; leader=$(bastion_leader) || { echo "lab: the bastion is not running" >&2; return 125; }
  nsenter -t "$leader" -n -- "$@"
}

bastion_bridge_up() {
  ip link add "$BASTION_BRIDGE" type bridge stp_state 0
  # no address of this machine on halb1, not even an IPv6 link-local one, and nothing routed from it
  sysctl -qw "net.ipv6.conf.$BASTION_BRIDGE.disable_ipv6=1"
  sysctl -qw "net.ipv4.conf.$BASTION_BRIDGE.forwarding=0"
  ip link set "$BASTION_BRIDGE" up
}

# the bastion's second leg: a veth from halb1 into its network namespace, configured by its networkd
bastion_inner_leg() {
  local leader; leader=$(bastion_leader) || die "bastion: not running"
  ip link add vx-bastion type veth peer name inner0 netns "$leader"
  ip link set vx-bastion master "$BASTION_BRIDGE" up
  # a two-legged host that routes nothing between its legs
  bastion_netns sysctl -qw net.ipv4.ip_forward=0 net.ipv4.conf.all.forwarding=0
}

bastion_mirror_start() {
  local ns=halb-mirror
  ip netns add "$ns"
  ip link add vm-mirror type veth peer name eth0 netns "$ns"
  ip link set vm-mirror master "$BASTION_BRIDGE" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$BASTION_MIRROR_IP/$BASTION_PREFIX" dev eth0
  ip -n "$ns" link set eth0 up
  setsid ip netns exec "$ns" "$PY" -m http.server "$REPO_PORT" --bind "$BASTION_MIRROR_IP" --directory "$REPO" \
    </dev/null >"$BASTION_RUN/mirror-http.log" 2>&1 9>&- &
  echo $! >"$BASTION_RUN/mirror-http.pid"
}

# the bastion's overlay: a lab node (accounts, keys, host key) plus the inner leg's address
bastion_prepare() {
  node_prepare "$BASTION_NAME" debian
  cat >"$(node_dir "$BASTION_NAME")/root/etc/systemd/network/11-halb-inner0.network" <<EOF
[Match]
Name=inner0

[Network]
Address=$BASTION_INNER_IP/$BASTION_PREFIX
LinkLocalAddressing=no
IPv6AcceptRA=no
ConfigureWithoutCarrier=yes
EOF
}

# a node behind the bastion: apt points at the mirror on halb1
bastion_node_prepare() {
  local PREFIX=$BASTION_PREFIX
  node_prepare "$1" debian
  echo "deb [trusted=yes] http://$BASTION_MIRROR_IP:$REPO_PORT/ ./" >"$(node_dir "$1")/root/etc/apt/sources.list"
}

# wait_inner_nodes SECONDS NAME...: booted and answering ssh, asked from inside the bastion's network namespace
# (this machine has no way to halb1, and must not try one: a 10.212.0.x address would take its default route)
bastion_wait_inner() {
  local limit=$1; shift
  local end=$(( $(now_us) + limit * 1000000 )) pending=("$@") still n st
  while ((${#pending[@]})); do
    still=()
    for n in "${pending[@]}"; do
      node_running "$n" || { tail -n 20 "$(node_dir "$n")/console.log" >&2; die "$n: systemd-nspawn exited"; }
      st=$(NSENTER_TIMEOUT=5 node_nsenter "$n" systemctl is-system-running 2>/dev/null || true)
      if [[ $st == running || $st == degraded ]] && bastion_netns timeout 5 ssh "${SSH_OPTS[@]}" "root@$(node_ip "$n")" true 2>/dev/null; then
        continue
      fi
      still+=("$n")
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]})) || break
    (( $(now_us) < end )) || die "nodes behind the bastion not ready after ${limit}s: ${pending[*]}"
    sleep 0.25
  done
}

bastion_check_isolation() {
  local n out
  ip -4 addr show dev "$BASTION_BRIDGE" | grep -q inet && die "this machine has an address on $BASTION_BRIDGE"
  ip route get "$BASTION_INNER_IP" 2>/dev/null | grep -q "dev $BASTION_BRIDGE" && die "this machine routes to $BASTION_BRIDGE"
  for n in "$BASTION_NAME" "${BASTION_NODES[@]}"; do
    out=$(node_nsenter "$n" ip route show default)
    [[ -z $out ]] || die "$n has a default route: $out"
  done
  [[ $(bastion_netns cat /proc/sys/net/ipv4/ip_forward) == 0 ]] || die "the bastion forwards"
  say "check: no address of this machine on $BASTION_BRIDGE, no default route behind the bastion, the bastion does not forward"
}

bastion_lab_up() {
  [[ -e $RUN/ready ]] || die "bastion: the lab is not up (lab/lab up first, or lab/lab up --bastion)"
  if bastion_lab_up_already; then
    local x again=()
    for x in "$BASTION_NAME" "${BASTION_NODES[@]}"; do node_running "$x" || again+=("$x"); done
    ((${#again[@]} == 0)) || die "bastion: ${again[*]} not running; run 'lab/lab bastion down' and 'lab/lab bastion up'"
    say "bastion topology already up"; return 0
  fi
  bastion_lab_down quiet
  local t0 x; t0=$(now_us)
  mkdir -p "$BASTION_RUN"
  PW_HASH=$(openssl passwd -6 -stdin <"$STATE/sudo-password")
  bastion_bridge_up
  bastion_mirror_start
  bastion_prepare
  for x in "${BASTION_NODES[@]}"; do bastion_node_prepare "$x"; done
  node_start "$BASTION_NAME"
  for x in "${BASTION_NODES[@]}"; do BRIDGE=$BASTION_BRIDGE node_start "$x"; done
  for x in "${BASTION_APIS[@]}"; do
    local PREFIX=$BASTION_PREFIX
    BRIDGE=$BASTION_BRIDGE api_prepare "$x"; api_start "$x"
  done
  # known_hosts: the bastion under its halb0 address, the nodes under their halb1 ones (checked through it)
  local tmp=$STATE/known_hosts.tmp
  cat "$STATE/known_hosts" >"$tmp"
  for x in "$BASTION_NAME" "${BASTION_NODES[@]}"; do cat "$(node_dir "$x")/known_hosts" >>"$tmp"; done
  chmod 0644 "$tmp"; mv "$tmp" "$STATE/known_hosts"
  wait_nodes "$READY_TIMEOUT" "$BASTION_NAME"
  bastion_inner_leg
  bastion_wait_inner "$READY_TIMEOUT" "${BASTION_NODES[@]}"
  for x in "${BASTION_APIS[@]}"; do
    bastion_netns timeout 10 bash -c "until exec 3<>/dev/tcp/$(api_ip "$x")/6443; do sleep 0.1; done" 2>/dev/null \
      || die "$x did not start (log: $(api_dir "$x")/log)"
  done
  bastion_netns timeout 10 bash -c "until exec 3<>/dev/tcp/$BASTION_MIRROR_IP/$REPO_PORT; do sleep 0.1; done" 2>/dev/null \
    || die "the apt mirror on $BASTION_BRIDGE did not start (log: $BASTION_RUN/mirror-http.log)"
  bastion_check_isolation
  touch "$BASTION_RUN/ready"
  echo "lab bastion up: $BASTION_NAME ($BASTION_OUTER_IP on $BRIDGE, $BASTION_INNER_IP on $BASTION_BRIDGE), ${BASTION_NODES[*]} + ${BASTION_APIS[*]} on $BASTION_BRIDGE in $(secs_since "$t0") s"
}

# removes every part of the topology that exists (called by `lab/lab down` first, and by `lab/lab bastion down`)
bastion_lab_down() {
  local x pid
  [[ -d $BASTION_RUN || -d $(node_dir "$BASTION_NAME") ]] || ip link show "$BASTION_BRIDGE" >/dev/null 2>&1 \
    || [[ -e /run/netns/halb-mirror ]] || return 0
  for x in "$BASTION_NAME" "${BASTION_NODES[@]}"; do
    [[ -d $(node_dir "$x") ]] || continue
    node_stop "$x" hard
    local d; d=$(node_dir "$x")
    if mountpoint -q "$d/root"; then umount "$d/root" 2>/dev/null || { sleep 0.2; umount "$d/root" 2>/dev/null; } || umount -l "$d/root"; fi
    rm -rf "$d"
  done
  for x in "${BASTION_APIS[@]}"; do
    [[ -d $(api_dir "$x") ]] && api_stop "$x"
    [[ -e /run/netns/halb-$x ]] && ip netns del "halb-$x" 2>/dev/null
    rm -rf "$(api_dir "$x")"
  done
  pid=$(recorded_pid "$BASTION_RUN/mirror-http.pid")
  if pid_matches "$pid" "http.server $REPO_PORT"; then kill -TERM "$pid"; wait_gone 5 "$pid" || kill -KILL "$pid" 2>/dev/null || true; fi
  [[ -e /run/netns/halb-mirror ]] && ip netns del halb-mirror 2>/dev/null
  for x in vx-bastion vm-mirror "${BASTION_APIS[@]/#/va-}"; do ip link del "$x" 2>/dev/null || true; done
  ip link show "$BASTION_BRIDGE" >/dev/null 2>&1 && ip link del "$BASTION_BRIDGE"
  if [[ -s $STATE/known_hosts ]]; then
    local tmp=$STATE/known_hosts.tmp
    grep -v -e "^$BASTION_OUTER_IP " -e "^$BASTION_NET\." "$STATE/known_hosts" >"$tmp" || true
    chmod 0644 "$tmp"; mv "$tmp" "$STATE/known_hosts"
  fi
  rm -rf "$BASTION_RUN"
  [[ ${1:-} == quiet ]] || say "bastion topology removed"
}

bastion_lab_status() {
  bastion_lab_up_already || { echo "lab bastion: down"; return 3; }
  local x rc=0 st
  echo "lab bastion: $BASTION_NAME $BASTION_OUTER_IP ($BRIDGE) + $BASTION_INNER_IP ($BASTION_BRIDGE, no host address); VIP $BASTION_VIP; apt mirror http://$BASTION_MIRROR_IP:$REPO_PORT/"
  for x in "$BASTION_NAME" "${BASTION_NODES[@]}"; do
    if node_running "$x"; then st=up; else st=off; rc=1; fi
    printf '%-8s %-13s %s\n' "$x" "$(node_ip "$x")" "$st"
  done
  for x in "${BASTION_APIS[@]}"; do
    if api_running "$x"; then st=up; else st=stopped; rc=1; fi
    printf '%-8s %-13s %s\n' "$x" "$(api_ip "$x")" "$st"
  done
  return $rc
}

cmd_bastion() {
  local sub=${1:-status}
  case $sub in
    up) need_root; take_lock; bastion_lab_up ;;
    down) need_root; take_lock; bastion_lab_down ;;
    status) bastion_lab_status ;;
    *) die "bastion: up, down or status" ;;
  esac
}
