# RHEL-family node images for the halb lab (sourced by lab/lab; see lab/README.md, "RHEL-family nodes").
#
# No EL root filesystem can be downloaded here (only Debian's archive is reachable), so an EL node is a Debian
# bookworm root dressed as one: the REAL dnf 4, rpm 4.18, yum (a link to dnf-3, as RHEL 8+ ships it) and
# firewalld 1.3 on nftables; an rpmdb seeded with metadata-only stubs of the Debian packages under RHEL names;
# a real os-release package (Rocky 9.4 or 8.10); dpkg/apt moved off PATH. keepalived and haproxy come as RPMs
# repackaged from Debian's .debs with the RHEL file layout, in a createrepo_c repository served on the bridge.
#
# Everything lives in its own cache dir $EL_CACHE, apart from the Debian image and its recipe:
#   base/        debootstrap bookworm with dnf, rpm, createrepo-c, firewalld ... (also the RPM builder)
#   release/     the os-release and yum RPMs (installed into the images, not served)
#   repo/        Packages/*.rpm + repodata/ (served at http://HOST:$EL_REPO_PORT/)
#   image-el9/   EL9-like node image (dnf and yum), image-el8/ EL8-like (yum only, VERSION_ID 8.10)
EL_CACHE=$CACHE/el
EL_RECIPE=1                        # bump when anything in lab/el changes what the images or the repo contain
EL_REPO_PORT=8081
EL_SRC=$LAB_DIR/el
# libpam-systemd explicitly: polkitd (a firewalld dependency) needs a logind that debootstrap's resolver cannot pick
EL_BASE_INCLUDE=systemd-sysv,libpam-systemd,dbus,openssh-server,iproute2,iputils-ping,procps,sudo,ca-certificates,curl,less,kmod
EL_BASE_INCLUDE+=,dnf,dnf-plugins-core,rpm,createrepo-c,firewalld,nftables,iptables,ipset,python3-cap-ng,selinux-utils,policycoreutils
EL_HIDDEN=/usr/lib/halb-lab/debian-tools   # where an EL image keeps Debian's dpkg/apt, off PATH

el_image_dir() { echo "$EL_CACHE/image-$1"; }

source "$EL_SRC/lib.sh"   # el_chroot

el_stamp() { echo "recipe=$EL_RECIPE suite=$SUITE include=$EL_BASE_INCLUDE"; }

ensure_el_base() {
  local b=$EL_CACHE/base
  [[ -f $b/.halb-lab-el-base && $(cat "$b/.halb-lab-el-base") == "$(el_stamp)" ]] && return
  local t0 mirror; t0=$(now_us); mirror=$(debian_mirror)
  mkdir -p "$EL_CACHE"
  say "building the RHEL-family base with debootstrap (once; cached in $b)"
  rm -rf "$b.tmp"
  debootstrap --variant=minbase --include="$EL_BASE_INCLUDE" "$SUITE" "$b.tmp" "$mirror" >"$EL_CACHE/debootstrap.log" 2>&1 \
    || { tail -n 20 "$EL_CACHE/debootstrap.log" >&2; die "debootstrap failed (log: $EL_CACHE/debootstrap.log)"; }
  rm -f "$b.tmp"/var/cache/apt/archives/*.deb
  el_stamp >"$b.tmp/.halb-lab-el-base"
  rm -rf "$b"; mv "$b.tmp" "$b"
  say "RHEL-family base built in $(secs_since "$t0") s"
}

# The RPMs (built inside the base with Debian's rpmbuild) and the createrepo_c repository.
ensure_el_repo() {
  local stamp; stamp="$(el_stamp) base=$(sha256sum <"$EL_CACHE/base/var/lib/dpkg/status" | cut -c1-64)"
  [[ -f $EL_CACHE/repo/.halb-lab-el-repo && $(cat "$EL_CACHE/repo/.halb-lab-el-repo") == "$stamp" && -f $EL_CACHE/release/.ok ]] && return
  local t0; t0=$(now_us)
  say "building the RPMs and the createrepo_c repository (once; cached in $EL_CACHE/repo)"
  host_has_apt_lists || apt-get update -qq
  EL_BASE=$EL_CACHE/base EL_BUILD=$EL_CACHE/build "$EL_SRC/build-rpms" >"$EL_CACHE/rpms.log" 2>&1 \
    || { tail -n 20 "$EL_CACHE/rpms.log" >&2; die "building the RPMs failed (log: $EL_CACHE/rpms.log)"; }
  local w=$EL_CACHE/build/rpms/top/RPMS
  rm -rf "$EL_CACHE/repo.tmp" "$EL_CACHE/release"; mkdir -p "$EL_CACHE/repo.tmp/Packages" "$EL_CACHE/release"
  cp "$w"/*/*.rpm "$EL_CACHE/repo.tmp/Packages/"
  mv "$EL_CACHE/repo.tmp/Packages"/{rocky-release-,yum-}* "$EL_CACHE/release/"
  el_chroot "$EL_CACHE/base" "$EL_CACHE/repo.tmp:/repo" -- createrepo_c --quiet /repo >>"$EL_CACHE/rpms.log" 2>&1 \
    || die "createrepo_c failed (log: $EL_CACHE/rpms.log)"
  touch "$EL_CACHE/release/.ok"
  echo "$stamp" >"$EL_CACHE/repo.tmp/.halb-lab-el-repo"
  rm -rf "$EL_CACHE/repo" "$EL_CACHE/build"; mv "$EL_CACHE/repo.tmp" "$EL_CACHE/repo"
  say "rpm repository: $(ls "$EL_CACHE/repo/Packages" | wc -l) RPMs in $(secs_since "$t0") s"
}

# ensure_el_image el9|el8
ensure_el_image() {
  local flavor=$1 img; img=$(el_image_dir "$flavor")
  local stamp; stamp="$(cat "$EL_CACHE/repo/.halb-lab-el-repo") lab-image-recipe=$IMAGE_RECIPE flavor=$flavor"
  [[ -f $img/.halb-lab-el-image && $(cat "$img/.halb-lab-el-image") == "$stamp" ]] && return
  local t0; t0=$(now_us)
  rm -rf "$img.tmp"; cp -a "$EL_CACHE/base" "$img.tmp"; rm -f "$img.tmp/.halb-lab-el-base"
  EL_CACHE=$EL_CACHE HOST_IP=$HOST_IP EL_REPO_PORT=$EL_REPO_PORT EL_HIDDEN=$EL_HIDDEN "$EL_SRC/dress-image" "$img.tmp" "$flavor" >"$EL_CACHE/image-$flavor.log" 2>&1 \
    || { tail -n 20 "$EL_CACHE/image-$flavor.log" >&2; die "building the $flavor image failed (log: $EL_CACHE/image-$flavor.log)"; }
  configure_image "$img.tmp"            # the lab's accounts, sshd, networkd: the same as on the Debian nodes
  rm -rf "$img.tmp"/etc/apt/sources.list "$img.tmp"/var/lib/apt/lists
  echo "$stamp" >"$img.tmp/.halb-lab-el-image"
  rm -rf "$img"; mv "$img.tmp" "$img"
  say "$flavor node image built in $(secs_since "$t0") s ($(chroot "$img" rpm -qa | wc -l) packages in its rpmdb)"
}

ensure_el_images() { # FLAVOR...
  ensure_el_base
  ensure_el_repo
  local f; for f in "$@"; do ensure_el_image "$f"; done
}
