#!/bin/sh
# Managed by halb-deploy; local edits are overwritten
# keepalived's vrrp_script chk_haproxy: exit 0 only while haproxy is running.
#
# Why ask systemd: haproxy runs as a systemd service on every supported distribution, and systemd knows whether
# it is up without a PID file that may be stale after a crash (kill -0) and without extra packages (killall
# needs psmisc). In master-worker mode a dying worker takes the master down, so the unit leaves "active".
# "reloading" counts as up: the old worker keeps serving until the new one has taken over.
# The PATH covers both merged and split /usr layouts (systemctl is in /usr/bin or /bin).
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
case "$(systemctl is-active haproxy.service 2>/dev/null)" in
    active|reloading) exit 0 ;;
    *) exit 1 ;;
esac
