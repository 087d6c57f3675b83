halb_versions() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
apt-get update -q >/dev/null 2>&1 || true
for p in keepalived haproxy; do
  i=$(dpkg-query -W -f '${Status} ${Version}' "$p" 2>/dev/null | sed -n 's/^install ok installed //p') || i=''
  c=$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '^(none)$') || c=''
  [ -n "$c" ] || c="$i"
  echo "@@halb package $p installed=$i candidate=$c"
done
exit 0
}
halb_versions </dev/null
