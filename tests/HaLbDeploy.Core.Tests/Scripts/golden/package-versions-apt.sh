halb_versions() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
apt-get update -q >/dev/null 2>&1 || true
for p in keepalived haproxy; do
  i=$(dpkg-query -W -f '${Status} ${Version}' "$p" 2>/dev/null | sed -n 's/^[a-z]* ok installed //p') || i=''
  c=$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '^(none)$') || c=''
  [ -n "$c" ] || c="$i"
  if apt-mark showhold "$p" 2>/dev/null | grep -qx "$p"; then h=yes; else h=no; fi
  if grep -qx "$p" '/var/lib/halb-deploy/package-holds' 2>/dev/null; then o=yes; else o=no; fi
  echo "@@halb package $p installed=$i candidate=$c held=$h ours=$o"
  apt-cache madison "$p" 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' | while read -r v; do [ -n "$v" ] && echo "@@halb available $p $v"; done
done
exit 0
}
halb_versions </dev/null
