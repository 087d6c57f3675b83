halb_versions() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
yum -q makecache >/dev/null 2>&1 || true
for p in keepalived haproxy; do
  i=$(rpm -q --qf '%{EPOCHNUM}:%{VERSION}-%{RELEASE}' "$p" 2>/dev/null | grep -v 'not installed') || i=''
  c=$(yum -q list available --showduplicates "$p" 2>/dev/null | awk -v p="$p" 'index($1, p ".") == 1 { v = $2 } END { if (v != "") print v }') || c=''
  [ -n "$c" ] || c="$i"
  echo "@@halb package $p installed=$i candidate=$c"
done
exit 0
}
halb_versions </dev/null
