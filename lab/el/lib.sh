# Helpers for the scripts in lab/el (sourced).

# el_chroot ROOT [SRC:DST]... -- CMD...: chroot with /proc, /dev, /run and bind mounts in a private mount and PID
# namespace; every mount vanishes with the namespace, also on error.
el_chroot() {
  local r=$1; shift; local binds=()
  while [[ $1 != -- ]]; do binds+=("$1"); shift; done; shift
  unshare --mount --pid --fork --propagation private bash -c '
    set -e; r=$1; shift; n=$1; shift
    mount -t proc proc "$r/proc"; mount --rbind /dev "$r/dev"; mount -t tmpfs tmpfs "$r/run"
    for ((i = 0; i < n; i++)); do mkdir -p "$r/${1#*:}"; mount --bind "${1%%:*}" "$r/${1#*:}"; shift; done
    exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"' \
    _ "$r" ${#binds[@]} "${binds[@]+"${binds[@]}"}" "$@" 9>&-
}
