#!/bin/sh
# Managed by halb-deploy; local edits are overwritten
# keepalived's notify script of node lb2: keepalived runs it (as root, its script_user) after every
# VRRP transition with the arguments KIND NAME STATE PRIORITY, e.g. "INSTANCE VI_prod MASTER 90".
#
# It records the transition, timestamped to the nanosecond, as one line
#     EPOCH.NANOSECONDS ISO-8601-UTC KIND NAME STATE PRIORITY
# in /var/lib/halb-deploy/vrrp-transitions.log, keeping the last 1000 lines, and rewrites
# /var/lib/halb-deploy/metrics/halb_vrrp.prom, the state in the Prometheus text format. halb-deploy status reads the log;
# a node_exporter textfile collector, or haproxy's metrics listener when the inventory asks for metrics, serves the file.
#
# Why so careful: keepalived does not wait for one notify to end before it starts the next, so two transitions
# close together (BACKUP then MASTER) run at once; flock puts them in order. The arguments come from keepalived's
# own configuration, yet anything but plain names is refused rather than written into a log or a metric. Both files
# are replaced by rename, so a reader never sees half a file. The PATH covers merged and split /usr layouts.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
umask 022

state_dir='/var/lib/halb-deploy'
log='/var/lib/halb-deploy/vrrp-transitions.log'
metrics='/var/lib/halb-deploy/metrics/halb_vrrp.prom'
keep=1000

kind=$1 name=$2 state=$3 priority=${4:-0}
case "$kind" in INSTANCE|GROUP) ;; *) exit 0 ;; esac
case "$state" in MASTER|BACKUP|FAULT|STOP|DELETED) ;; *) exit 0 ;; esac
case "$name" in ''|*[!A-Za-z0-9_.-]*) exit 0 ;; esac
case "$priority" in ''|*[!0-9]*) priority=0 ;; esac

now=$(date -u '+%s.%N %Y-%m-%dT%H:%M:%S.%NZ') || exit 1
mkdir -p "$state_dir" "${metrics%/*}" || exit 1

# The value of a counter in the metrics file written last time, 0 when there is none.
counter() {
    value=$(awk -v name="$1" 'index($1, name "{") == 1 { print $2 }' "$metrics" 2>/dev/null)
    case "$value" in ''|*[!0-9]*) echo 0 ;; *) echo "$value" ;; esac
}

# The lock orders the writers, not the transitions: when keepalived restarts, the old process's STOP can take the
# lock after the new process's MASTER. So the log is kept in time order, and the state written
# is that of the newest transition of this instance, whichever notify comes last.
record() {
    printf '%s %s %s %s %s\n' "$now" "$kind" "$name" "$state" "$priority" >> "$log" || return 1
    sort -s -n -k 1,1 "$log" | tail -n "$keep" > "$log.tmp" && mv -f "$log.tmp" "$log" || return 1
    [ "$kind" = INSTANCE ] || return 0
    total=$(counter halb_vrrp_transitions_total)
    total=$((total + 1))
    masters=$(counter halb_vrrp_master_transitions_total)
    [ "$state" != MASTER ] || masters=$((masters + 1))
    newest=$(awk -v name="$name" '$3 == "INSTANCE" && $4 == name { line = $0 } END { print line }' "$log")
    [ -z "$newest" ] || { set -- $newest; now="$1 $2"; state=$5; priority=$6; }
    labels="node=\"lb2\",vrrp_instance=\"$name\""
    {
        echo '# HELP halb_vrrp_state 1 for the VRRP state this node is in, as keepalived last reported it; 0 for the others.'
        echo '# TYPE halb_vrrp_state gauge'
        for s in MASTER BACKUP FAULT STOP; do
            if [ "$s" = "$state" ]; then v=1; else v=0; fi
            echo "halb_vrrp_state{$labels,state=\"$s\"} $v"
        done
        echo '# HELP halb_vrrp_priority The priority keepalived reported with the last transition.'
        echo '# TYPE halb_vrrp_priority gauge'
        echo "halb_vrrp_priority{$labels} $priority"
        echo '# HELP halb_vrrp_last_transition_timestamp_seconds When the last transition happened (Unix time).'
        echo '# TYPE halb_vrrp_last_transition_timestamp_seconds gauge'
        echo "halb_vrrp_last_transition_timestamp_seconds{$labels} ${now%% *}"
        echo '# HELP halb_vrrp_transitions_total VRRP transitions this node recorded since its metrics file was created.'
        echo '# TYPE halb_vrrp_transitions_total counter'
        echo "halb_vrrp_transitions_total{$labels} $total"
        echo '# HELP halb_vrrp_master_transitions_total Transitions into MASTER (this node took the VIP) since the metrics file was created.'
        echo '# TYPE halb_vrrp_master_transitions_total counter'
        echo "halb_vrrp_master_transitions_total{$labels} $masters"
    } > "$metrics.tmp" && mv -f "$metrics.tmp" "$metrics"
}

(
    flock -w 10 9 || exit 1
    record
) 9> "$state_dir/.notify.lock"
