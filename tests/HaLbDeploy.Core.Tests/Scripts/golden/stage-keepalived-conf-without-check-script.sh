halb_main() {
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C
umask 077
discard() {
  rm -f '/etc/keepalived/keepalived.conf.halb-new' '/etc/keepalived/keepalived.conf.halb-new.check'
}
[ -d '/etc/keepalived' ] || install -d -m 0755 -o root -g root '/etc/keepalived' || { discard; exit 5; }
rm -f '/etc/keepalived/keepalived.conf.halb-new'
base64 -d > '/etc/keepalived/keepalived.conf.halb-new' <<'HALB_EOF' || { discard; exit 5; }
IyBNYW5hZ2VkIGJ5IGhhbGItZGVwbG95OyBsb2NhbCBlZGl0cyBhcmUgb3ZlcndyaXR0ZW4KIyBW
UlJQIGZvciB0aGUgS3ViZXJuZXRlcyBBUEkgVklQIDE5Mi4xNjguODguMjAxLzI0IG9mIGNsdXN0
ZXIgazhzLXJlY2lwZSwgbm9kZSBsYjEuCmdsb2JhbF9kZWZzIHsKICAgIHJvdXRlcl9pZCBsYjEK
ICAgICMgU2NyaXB0cyBtdXN0IGJlIG93bmVkIGJ5IHJvb3QgYW5kIG5vdCB3cml0YWJsZSBieSBh
bnlvbmUgZWxzZSwgb3Iga2VlcGFsaXZlZCByZWZ1c2VzIHRoZW0uCiAgICBlbmFibGVfc2NyaXB0
X3NlY3VyaXR5CiAgICBzY3JpcHRfdXNlciByb290Cn0KCiMgaGFwcm94eSBoZWFsdGg6IHdlaWdo
dCAwIHB1dHMgdGhpcyBub2RlIGludG8gRkFVTFQgd2hpbGUgaGFwcm94eSBpcyBkb3duLCB3aGlj
aCBnaXZlcyB0aGUgVklQIHVwLgp2cnJwX3NjcmlwdCBjaGtfaGFwcm94eSB7CiAgICBzY3JpcHQg
Ii91c3IvbGliZXhlYy9rZWVwYWxpdmVkL2NoZWNrX2hhcHJveHkuc2giCiAgICBpbnRlcnZhbCAx
CiAgICBmYWxsIDIKICAgIHJpc2UgMgogICAgd2VpZ2h0IDAKfQoKdnJycF9pbnN0YW5jZSBWSV9r
OHMtcmVjaXBlIHsKICAgIHN0YXRlIEJBQ0tVUAogICAgaW50ZXJmYWNlIGV0aDAKICAgIHZpcnR1
YWxfcm91dGVyX2lkIDUxCiAgICBwcmlvcml0eSAxMDAKICAgIGFkdmVydF9pbnQgMQogICAgIyBS
ZS1hbm5vdW5jZSB0aGUgVklQIGV2ZXJ5IDEwIHMgd2hpbGUgTUFTVEVSOiBhZnRlciBhIHNwbGl0
IGJyYWluIGhlYWxzIHRoZSBob2xkZXIgaGFzCiAgICAjIG5vIHRyYW5zaXRpb24gdG8gYW5ub3Vu
Y2UsIGFuZCBuZWlnaGJvdXJzIG1heSBzdGlsbCBzZW5kIHRvIGEgbm9kZSB0aGF0IGdhdmUgdGhl
IFZJUCB1cC4KICAgIGdhcnBfbWFzdGVyX3JlZnJlc2ggMTAKICAgIGF1dGhlbnRpY2F0aW9uIHsK
ICAgICAgICBhdXRoX3R5cGUgUEFTUwogICAgICAgIGF1dGhfcGFzcyAiazhzVmlwMDEiCiAgICB9
CiAgICB1bmljYXN0X3NyY19pcCAxOTIuMTY4Ljg4LjkxCiAgICB1bmljYXN0X3BlZXIgewogICAg
ICAgIDE5Mi4xNjguODguOTIKICAgICAgICAxOTIuMTY4Ljg4LjkzCiAgICB9CiAgICB2aXJ0dWFs
X2lwYWRkcmVzcyB7CiAgICAgICAgMTkyLjE2OC44OC4yMDEvMjQgZGV2IGV0aDAKICAgIH0KICAg
IHRyYWNrX3NjcmlwdCB7CiAgICAgICAgY2hrX2hhcHJveHkKICAgIH0KICAgICMgRXZlcnkgdHJh
bnNpdGlvbiBvZiB0aGlzIGluc3RhbmNlLCB0aW1lc3RhbXBlZCwgZ29lcyB0byAvdmFyL2xpYi9o
YWxiLWRlcGxveS92cnJwLXRyYW5zaXRpb25zLmxvZyAoaGFsYi1kZXBsb3kgc3RhdHVzIHJlYWRz
IGl0KS4KICAgIG5vdGlmeSAiL3Vzci9saWJleGVjL2tlZXBhbGl2ZWQvaGFsYi12cnJwLW5vdGlm
eS5zaCIKfQo=
HALB_EOF
chown 'root:root' '/etc/keepalived/keepalived.conf.halb-new' && chmod 0640 '/etc/keepalived/keepalived.conf.halb-new' || { discard; exit 5; }
invalid=0
if ! out=$(keepalived -t -f '/etc/keepalived/keepalived.conf.halb-new' 2>&1); then
  echo '@@halb invalid /etc/keepalived/keepalived.conf'
  printf '%s\n' "$out"
  invalid=1
fi
if [ "$invalid" -ne 0 ]; then discard; exit 3; fi
rm -f '/etc/keepalived/keepalived.conf.halb-new.check' '/etc/haproxy/haproxy.cfg.halb-new.check'
echo '@@halb done'
}
halb_main </dev/null
