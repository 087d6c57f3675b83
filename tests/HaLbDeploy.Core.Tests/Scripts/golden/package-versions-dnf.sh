halb_versions() {
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
dnf -q makecache >/dev/null 2>&1 || true
for p in keepalived haproxy; do
  i=$(rpm -q --qf '%{EPOCHNUM}:%{VERSION}-%{RELEASE}' "$p" 2>/dev/null | grep -v 'not installed') || i=''
  c=$(dnf -q list available --showduplicates "$p" 2>/dev/null | awk -v p="$p" 'index($1, p ".") == 1 { print $2 }' | tail -n 1) || c=''
  [ -n "$c" ] || c="$i"
  if dnf -q versionlock list 2>/dev/null | grep -q "^\(0:\)\?$p-[0-9]"; then h=yes; else h=no; fi
  if grep -qx "$p" '/var/lib/halb-deploy/package-holds' 2>/dev/null; then o=yes; else o=no; fi
  echo "@@halb package $p installed=$i candidate=$c held=$h ours=$o"
  dnf -q list available --showduplicates "$p" 2>/dev/null | awk -v p="$p" 'index($1, p ".") == 1 { print $2 }' | while read -r v; do [ -n "$v" ] && echo "@@halb available $p $v"; done
done
exit 0
}
halb_versions </dev/null
