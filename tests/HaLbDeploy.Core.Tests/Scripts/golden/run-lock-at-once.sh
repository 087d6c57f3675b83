PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
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
echo halb-deploy-run-lock-taken
while got=$(timeout 5 dd bs=1 count=1 status=none <&3 2>/dev/null 9>&- 3<&-) && [ -n "$got" ]; do
  touch "$lock.owner" 9>&- 3<&-
done
exit 0
}
halb_lock 3<&0 </dev/null
