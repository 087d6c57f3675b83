halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
umask 022
rm -rf '/var/cache/halb-deploy/packages' && install -d -m 0755 -o root -g root '/var/cache/halb-deploy' '/var/cache/halb-deploy/packages' || exit 5
base64 -d > '/var/cache/halb-deploy/packages/keepalived_2.2.7-1_amd64.deb' <<'HALB_EOF' || exit 5
IikwNz5FTFNaYWhvdiMqMTg/Rk1UW2JpcHckKzI5QEdOVVxjanF4JSwzOkFIT1ZdZGtyeSYtNDtC
SVBXXmVsc3onLjU8Q0pRWF9mbXQhKC82PURLUllgZ251IikwNz5FTFNaYWhvdiMqMTg/Rk1UW2Jp
cHckKzI5QEdOVVxjanF4JSwzOkFIT1ZdZGtyeSYtNDtCSVBX
HALB_EOF
base64 -d > '/var/cache/halb-deploy/packages/haproxy_2.6.12-1_amd64.deb' <<'HALB_EOF' || exit 5
IyoxOD9GTVRbYmlwdyQrMjlAR04=
HALB_EOF
echo '@@halb done'
}
halb_main </dev/null
