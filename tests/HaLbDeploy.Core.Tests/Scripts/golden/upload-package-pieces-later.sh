halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
umask 022
[ -d '/var/cache/halb-deploy/packages' ] || { echo 'the upload directory /var/cache/halb-deploy/packages is gone' >&2; exit 5; }
base64 -d >> '/var/cache/halb-deploy/packages/haproxy_2.6.12-1_amd64.deb' <<'HALB_EOF' || exit 5
VVxjanF4JSwzOkFIT1ZdZGtyeSY=
HALB_EOF
echo '@@halb done'
}
halb_main </dev/null
