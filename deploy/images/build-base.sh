#!/usr/bin/env bash
# Builds, on a machine that reaches no container registry, the two base images everything else starts from:
#   ${BASE_IMAGE}  Debian 12 (mmdebstrap: ca-certificates, curl for health checks, tzdata) with the user app (10001)
#   ${JRE_IMAGE}   that + a Java 25 runtime made by jlink from the local JDK, at /opt/java/openjdk like
#                  eclipse-temurin:25-jre, which is what replaces it where a registry is reachable
# and writes ${JRE_IMAGE} as a docker-archive (target/images/jre-base.tar) for Jib's tar:// base image.
# Skips an image that already exists unless --rebuild is given.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/images/names.sh
source .ci/java-home

rebuild=false
[ "${1:-}" = "--rebuild" ] && rebuild=true
out=target/images
mkdir -p "$out"

if $rebuild || ! podman image exists "$BASE_IMAGE"; then
  echo "Building $BASE_IMAGE (mmdebstrap, Debian bookworm)..."
  rootfs="$out/debian-rootfs.tar"
  # no documentation, manuals or locales: they are most of a minimal Debian and nobody reads them in a container
  mmdebstrap --quiet --variant=minbase --include=ca-certificates,curl,tzdata,netbase \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --customize-hook='chroot "$1" groupadd --gid 10001 app' \
    --customize-hook='chroot "$1" useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    bookworm "$rootfs"
  podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["/bin/bash"]' \
    "$rootfs" "$BASE_IMAGE" >/dev/null
  rm -f "$rootfs"
fi

if $rebuild || ! podman image exists "$JRE_IMAGE" || [ ! -f "$out/jre-base.tar" ]; then
  echo "Building $JRE_IMAGE (jlink from $JAVA_HOME)..."
  rm -rf "$out/jre"
  # what Spring Boot, Tomcat, Hibernate, the Kafka broker and clients and the dev identity provider use
  "$JAVA_HOME/bin/jlink" --output "$out/jre" --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
    --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.cryptoki,jdk.httpserver,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs,jdk.jcmd
  buildah build --quiet --isolation chroot --layers=false --build-arg BASE="$BASE_IMAGE" \
    -f deploy/images/jre/Containerfile -t "$JRE_IMAGE" "$out" >/dev/null
  rm -rf "$out/jre"
  rm -f "$out/jre-base.tar"
  podman save --quiet --format docker-archive -o "$out/jre-base.tar" "$JRE_IMAGE"
fi
echo "Base images: $BASE_IMAGE, $JRE_IMAGE ($out/jre-base.tar for Jib)"
