#!/usr/bin/env bash
# Installs and configures what the container flow needs on a Debian machine without a Docker engine: podman and
# buildah (the engine), mmdebstrap (the base image's root file system), Debian's docker-compose 1.29 (talks to
# podman's Docker-compatible API) and promtool. Idempotent: a second run changes nothing. Needs root.
set -euo pipefail

packages=(podman buildah mmdebstrap docker-compose prometheus runc netavark aardvark-dns catatonit iptables uidmap slirp4netns curl)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (apt-get)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# crun fails in this kind of sandbox; runc works. vfs storage: overlayfs cannot be mounted on the sandbox's own
# overlay. Ulimits: the runtime may not raise a limit (no CAP_SYS_RESOURCE), and podman's defaults sit at or above
# the host's hard limits, which runc then fails to set: ask for less than the hard limit.
hard_nofile=$(ulimit -Hn)
hard_nproc=$(ulimit -Hu)
below() { # the smaller of $1 and the hard limit minus one
  local wanted=$1 hard=$2
  if [ "$hard" = unlimited ] || [ "$wanted" -lt "$hard" ]; then echo "$wanted"; else echo $((hard - 1)); fi
}
nofile=$(below 16384 "$hard_nofile")
nproc=$(below 16384 "$hard_nproc")

mkdir -p /etc/containers
write_if_changed() { # path, content
  if [ ! -f "$1" ] || [ "$(cat "$1")" != "$2" ]; then
    printf '%s\n' "$2" >"$1"
    echo "Wrote $1"
  fi
}
write_if_changed /etc/containers/storage.conf '# written by deploy/podman-setup.sh
[storage]
driver = "vfs"
runroot = "/run/containers/storage"
graphroot = "/var/lib/containers/storage"'
write_if_changed /etc/containers/containers.conf "# written by deploy/podman-setup.sh
[containers]
default_ulimits = [\"nofile=${nofile}:${nofile}\", \"nproc=${nproc}:${nproc}\"]

[engine]
runtime = \"runc\"
events_logger = \"file\"
cgroup_manager = \"cgroupfs\""

podman info --format '{{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}}' >/dev/null
echo "podman ready: $(podman --version), runtime runc, storage vfs, ulimits nofile=$nofile nproc=$nproc"
