halb_fault() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
systemctl kill --signal=SIGKILL haproxy.service
}
halb_fault </dev/null
