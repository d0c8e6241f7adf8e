#!/bin/sh
# Writes server.properties from the environment as the apache/kafka image does (KAFKA_FOO_BAR -> foo.bar, "__" -> "_",
# "___" -> "-"), formats the storage on first start with CLUSTER_ID, then runs the broker in the foreground so that
# SIGTERM reaches it (a controlled shutdown: partition leadership moves away before it exits).
# Without KAFKA_NODE_ID the node id is the ordinal at the end of the host name (a StatefulSet's pod kafka-2 is node 2).
set -eu
config=/opt/kafka/config/server.properties
: "${KAFKA_LOG_DIRS:=/var/lib/kafka/data}"
if [ -z "${KAFKA_NODE_ID:-}" ]; then
  KAFKA_NODE_ID="${HOSTNAME##*-}"
  case "$KAFKA_NODE_ID" in ''|*[!0-9]*) echo "KAFKA_NODE_ID is not set and host name $HOSTNAME ends in no ordinal" >&2; exit 1 ;; esac
fi
export KAFKA_LOG_DIRS KAFKA_NODE_ID
if [ -z "${CLUSTER_ID:-}" ]; then
  echo "CLUSTER_ID is not set: give every node of the cluster the same one (e.g. from kafka.tools.StorageTool random-uuid)" >&2
  exit 1
fi

: >"$config"
# the variables that are not broker settings
env | grep '^KAFKA_' | grep -Ev '^KAFKA_(HEAP_OPTS|JVM_PERFORMANCE_OPTS|OPTS|LOG4J_OPTS)=' | while IFS='=' read -r name value; do
  key=$(printf '%s' "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  printf '%s=%s\n' "$key" "$value" >>"$config"
done

java_opts="${KAFKA_HEAP_OPTS:--XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=30} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20} -XX:+ExitOnOutOfMemoryError -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties ${KAFKA_OPTS:-}"
if [ ! -f "$KAFKA_LOG_DIRS/meta.properties" ]; then
  # shellcheck disable=SC2086
  java $java_opts -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id "$CLUSTER_ID" --config "$config"
fi
# shellcheck disable=SC2086
exec java $java_opts -cp '/opt/kafka/libs/*' kafka.Kafka "$config"
