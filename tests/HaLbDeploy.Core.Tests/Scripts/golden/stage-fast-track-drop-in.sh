halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
umask 077
discard() {
  rm -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new' '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new.check'
}
[ -d '/etc/systemd/system/haproxy.service.d' ] || install -d -m 0755 -o root -g root '/etc/systemd/system/haproxy.service.d' || { discard; exit 5; }
rm -f '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new'
base64 -d > '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new' <<'HALB_EOF' || { discard; exit 5; }
IyBNYW5hZ2VkIGJ5IGhhbGItZGVwbG95OyBsb2NhbCBlZGl0cyBhcmUgb3ZlcndyaXR0ZW4KIyBG
YXN0IGZhaWxvdmVyIHByb2ZpbGUgZm9yIGNsdXN0ZXIgazhzLXJlY2lwZSwgbm9kZSBsYjE6IGtl
ZXBhbGl2ZWQgd2F0Y2hlcyAvcnVuL2hhbGItaGFwcm94eS1kb3duCiMgKHZycnBfdHJhY2tfZmls
ZSwgaW5vdGlmeSkgYW5kIGdvZXMgdG8gRkFVTFQgdGhlIG1vbWVudCBpdCBzYXlzIDEuIHN5c3Rl
bWQgcnVucyBFeGVjU3RvcFBvc3Qgd2hlbmV2ZXIKIyBoYXByb3h5LnNlcnZpY2Ugc3RvcHMsIGZv
ciBhbnkgcmVhc29uIChhIGNyYXNoIG9yIFNJR0tJTEwgaW5jbHVkZWQpLCBiZWZvcmUgYW55IFJl
c3RhcnQ9OyBFeGVjU3RhcnRQb3N0IG9uY2UKIyBoYXByb3h5IGlzIHVwLiAiLSI6IGEgZmFpbGVk
IHdyaXRlIG5ldmVyIGZhaWxzIGhhcHJveHk7ICIrIjogd3JpdHRlbiB3aXRoIGZ1bGwgcHJpdmls
ZWdlcywgd2hhdGV2ZXIgc2FuZGJveGluZwojIHRoZSB1bml0IGhhcy4KW1NlcnZpY2VdCkV4ZWNT
dGFydFBvc3Q9LSsvYmluL3NoIC1jICdlY2hvIDAgPiAvcnVuL2hhbGItaGFwcm94eS1kb3duJwpF
eGVjU3RvcFBvc3Q9LSsvYmluL3NoIC1jICdlY2hvIDEgPiAvcnVuL2hhbGItaGFwcm94eS1kb3du
Jwo=
HALB_EOF
chown 'root:root' '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new' && chmod 0644 '/etc/systemd/system/haproxy.service.d/halb-track.conf.halb-new' || { discard; exit 5; }
invalid=0
if [ "$invalid" -ne 0 ]; then discard; exit 3; fi
rm -f '/etc/keepalived/keepalived.conf.halb-new.check' '/etc/haproxy/haproxy.cfg.halb-new.check'
echo '@@halb done'
}
halb_main </dev/null
