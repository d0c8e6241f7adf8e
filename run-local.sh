#!/usr/bin/env bash
# The whole system on this machine, with real servers and no Docker: PostgreSQL, Kafka, a dev token issuer, the
# sms-sandbox and the three services (see the README, "Run it locally"). Builds first when a source changed since the
# last build; Ctrl-C stops everything it started. Options: ./run-local.sh --help
set -euo pipefail
cd "$(dirname "$0")"
source .ci/java-home

stamp=local-stack/target/.run-local-built

needs_build() {
  [ -f "$stamp" ] || return 0
  ls local-stack/target/local-stack-*.jar >/dev/null 2>&1 || return 0
  for module in ticket-service profile-service notification-service sms-sandbox web-console; do
    ls "$module"/target/"$module"-*-exec.jar >/dev/null 2>&1 || return 0
  done
  [ -n "$(find . \( -path ./.local -o -path ./.git -o -name target \) -prune -o \
    \( -name pom.xml -o -path '*/src/main/*' -o -path './.mvn/*' \) -type f -newer "$stamp" -print -quit)" ]
}

if needs_build; then
  echo "Building the services and the launcher (./mvnw package without tests; the first build downloads dependencies)..."
  ./mvnw -q -B -Dmaven.test.skip=true -pl local-stack -am package
  touch "$stamp"
fi

launcher=$(ls local-stack/target/local-stack-*.jar | head -n 1)
exec "$JAVA_HOME/bin/java" -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED \
  -cp "$launcher:local-stack/target/lib/*" dev.ticketsms.localstack.LocalStack "$@"
