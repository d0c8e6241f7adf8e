#!/usr/bin/env bash
# Builds every image of the stack into the local podman store, on a machine that reaches no container registry:
#   the bases (deploy/images/build-base.sh), the three services, the sandbox and the web console (Jib, ./mvnw -Pimages package,
#   loaded from their tars), Kafka (KRaft) and the dev identity provider on the Java base, PostgreSQL on the Debian one.
# Image names come from deploy/images/names.sh (IMAGE_PREFIX, IMAGE_TAG, ... override them).
# Where a registry is reachable, use eclipse-temurin:25-jre instead:  ./mvnw -Pimages package  (its default base),
#   and  buildah build --build-arg BASE=eclipse-temurin:25-jre ...  for the Containerfiles below.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/java-home
source deploy/images/names.sh

started=$SECONDS
deploy/podman-setup.sh
deploy/images/build-base.sh "$@"

echo "Building the service images (Jib from $JRE_IMAGE) and the Kafka broker's jars..."
./mvnw -q -B --no-transfer-progress -Dmaven.test.skip=true -Pimages \
  -Dimages.base="tar://$PWD/target/images/jre-base.tar" -Dimages.prefix="$IMAGE_PREFIX" -Dimages.tag="$IMAGE_TAG" \
  -pl ticket-service,profile-service,notification-service,sms-sandbox,web-console,local-stack,deploy/images/kafka -am package
for module in ticket-service profile-service notification-service sms-sandbox web-console; do
  podman load --quiet -i "$module/target/jib-image.tar" >/dev/null
  echo "  $IMAGE_PREFIX/$module:$IMAGE_TAG"
done

build() { # image, Containerfile, context, base
  buildah build --quiet --isolation chroot --layers=false --build-arg BASE="$4" -f "$2" -t "$1" "$3" >/dev/null
  echo "  $1"
}
build "$KAFKA_IMAGE" deploy/images/kafka/Containerfile deploy/images/kafka "$JRE_IMAGE"
build "$DEV_IDP_IMAGE" deploy/images/dev-idp/Containerfile local-stack/target "$JRE_IMAGE"
if [ "${1:-}" = "--rebuild" ] || ! podman image exists "$POSTGRES_IMAGE"; then
  build "$POSTGRES_IMAGE" deploy/images/postgres/Containerfile deploy/images/postgres "$BASE_IMAGE"
fi
if [ "${1:-}" = "--rebuild" ] || ! podman image exists "$PROMETHEUS_IMAGE"; then
  build "$PROMETHEUS_IMAGE" deploy/images/prometheus/Containerfile deploy/images/prometheus "$BASE_IMAGE"
fi
podman image prune --force >/dev/null
echo "Images built in $((SECONDS - started)) s"
