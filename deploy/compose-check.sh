#!/usr/bin/env bash
# The container stack, checked for real under podman: builds the images (deploy/build-images.sh), starts
# docker-compose.yml with fresh secrets, saves a member's phone number and confirms it with the code texted to it (read
# from the sandbox), signs in through the web console and creates a ticket through its proxy, waits for its SMS in the sandbox, then
# scales notification-service from 1 to 3 while tickets keep coming and shows the consumer group: three instances
# sharing tickets.events.v1's 12 partitions, every ticket's SMS sent exactly once across the change. Stops and
# removes the stack (and its volumes) at the end, also on failure. Needs root (podman rootful); about 6-10 minutes.
#   deploy/compose-check.sh [--no-build | --rebuild] [--keep]
#   (--rebuild builds the base images anew too; --keep leaves the stack running and prints how to stop it)
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/images/names.sh

build=true keep=false rebuild=()
for argument in "$@"; do
  case "$argument" in
    --no-build) build=false ;;
    --rebuild) rebuild=(--rebuild) ;;
    --keep) keep=true ;;
    *) echo "usage: $0 [--no-build | --rebuild] [--keep]" >&2; exit 2 ;;
  esac
done

started=$SECONDS
step() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }
failure=""
# the reason is printed again after the log tails the cleanup prints, so that it is the last thing a CI log shows
fail() { failure=$(printf '[%4ds] FAILED: %s' $((SECONDS - started)) "$*"); printf '%s\n' "$failure" >&2; exit 1; }
# any other command that ends the check under set -e says which it was
set -E
trap 'status=$?; [ -n "$failure" ] || failure=$(printf "[%4ds] FAILED: line %s: %s exited %s" $((SECONDS - started)) "$LINENO" "$BASH_COMMAND" "$status")' ERR

deploy/podman-setup.sh
if $build; then
  step "building the images"
  deploy/build-images.sh "${rebuild[@]}"
fi

project=ticketsms-check
env_file=target/compose-check.env
mkdir -p target
secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' ; }
{
  # a fresh cluster id and fresh secrets for every run; Kafka's cluster id is 16 bytes in base64url
  echo "KAFKA_CLUSTER_ID=$(head -c 16 /dev/urandom | base64 | tr '/+' '_-' | tr -d '=')"
  for name in POSTGRES_PASSWORD TICKETS_DB_PASSWORD PROFILES_DB_PASSWORD NOTIFICATIONS_DB_PASSWORD \
    NOTIFICATION_SERVICE_CLIENT_SECRET TICKET_SERVICE_CLIENT_SECRET TWILIO_AUTH_TOKEN; do
    echo "$name=$(secret)"
  done
  # one member opens all 19 tickets within about a minute: above the default 20 per minute, so that a slow 403 retry
  # or a later extra ticket cannot make the check fail on the limit rather than on what it checks
  echo "TICKETS_CREATIONS_PER_USER=60"
  echo "TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000"
  echo "TWILIO_PHONE_NUMBER=+15005550006"
  for name in IMAGE_PREFIX IMAGE_TAG KAFKA_IMAGE POSTGRES_IMAGE PROMETHEUS_IMAGE DEV_IDP_IMAGE; do
    echo "$name=${!name}"
  done
} >"$env_file"

# docker-compose 1.x talks to podman's Docker-compatible API
socket=/run/podman/ticketsms-check.sock
mkdir -p /run/podman
podman system service --time=0 "unix://$socket" >target/podman-service.log 2>&1 &
service_pid=$!
export DOCKER_HOST="unix://$socket"
compose() { docker-compose --project-name "$project" --env-file "$env_file" "$@"; }

# Podman schedules health checks with systemd timers; without systemd (as in this sandbox and in CI) nothing would
# ever run them and depends_on: service_healthy would wait forever. This loop runs them instead.
health_ticker() {
  while true; do
    for container in $(podman ps --filter "label=com.docker.compose.project=$project" --format '{{.Names}}'); do
      podman healthcheck run "$container" >/dev/null 2>&1 || true
    done
    sleep 3
  done
}

cleanup() {
  local status=$?
  if [ -n "${ticker_pid:-}" ]; then kill "$ticker_pid" 2>/dev/null || true; fi
  if $keep && [ $status -eq 0 ]; then
    echo "The stack keeps running. Stop it with:"
    echo "  DOCKER_HOST=$DOCKER_HOST docker-compose -p $project --env-file $env_file down -v; kill $service_pid"
    return
  fi
  if [ $status -ne 0 ]; then
    echo "--- container states and log tails ---" >&2
    podman ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Names}} {{.Status}}' >&2 || true
    mkdir -p target/compose-check-logs
    for container in $(podman ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Names}}'); do
      echo "--- $container (whole log: target/compose-check-logs/$container.log)" >&2
      podman logs "$container" >"target/compose-check-logs/$container.log" 2>&1 || true
      grep -v '"level":"INFO"' "target/compose-check-logs/$container.log" | tail -n 15 >&2 || true
    done
  fi
  local stop_started=$SECONDS
  compose stop --timeout 45 >/dev/null 2>&1 || true
  # a graceful stop ends on SIGTERM (JVMs exit 143 after their shutdown hooks, PostgreSQL and Prometheus 0);
  # 137 would mean the grace period ran out and the container was killed
  local killed
  killed=$(podman ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Names}} {{.ExitCode}}' | awk '$2 == 137 {print $1}')
  echo "Stack stopped in $((SECONDS - stop_started)) s$([ -z "$killed" ] && echo ", every container on its own (none killed)")"
  local remove_started=$SECONDS
  compose down --volumes --timeout 45 >/dev/null 2>&1 || true
  echo "Containers, network and volumes removed in $((SECONDS - remove_started)) s"
  kill "$service_pid" 2>/dev/null || true
  [ -z "$failure" ] || printf '%s\n' "$failure" >&2
  if [ -n "$killed" ]; then
    echo "FAILED: killed after the grace period instead of stopping: $killed" >&2
    exit 1
  fi
}
trap cleanup EXIT

for _ in $(seq 1 50); do [ -S "$socket" ] && break; sleep 0.2; done
[ -S "$socket" ] || fail "podman system service did not open $socket (see target/podman-service.log)"
compose down --volumes --timeout 10 >/dev/null 2>&1 || true

step "docker-compose up (Kafka, PostgreSQL, dev-idp, sandbox, Prometheus, then the services in dependency order)"
health_ticker &
ticker_pid=$!
up_started=$SECONDS
compose up -d
await_healthy() { # container name prefix, count, seconds
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    local healthy
    healthy=$(podman ps --filter "label=com.docker.compose.project=$project" --filter health=healthy --format '{{.Names}}' | grep -c "^${project}_$1_" || true)
    [ "$healthy" -ge "$2" ] && return 0
    sleep 2
  done
  fail "$1: fewer than $2 healthy containers after $3 s"
}
for service in kafka postgres dev-idp sms-sandbox profile-service ticket-service notification-service web-console prometheus; do
  await_healthy "$service" 1 300
done
step "all healthy, $((SECONDS - up_started)) s after docker-compose up"

token() { # JSON claims [the issuer's token URL: the dev-idp's by default]
  curl -fsS "${2:-http://127.0.0.1:9000/token}" -H 'Content-Type: application/json' -d "$1" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
admin=$(token '{"sub":"ops","name":"Ops Admin","roles":["admin"]}')
member=$(token '{"sub":"erin","name":"Erin Check","roles":[]}')
phone=+14155550142
team=$(curl -fsS http://127.0.0.1:8082/api/teams -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"Compose check team","ownerId":"ops"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -fsS -o /dev/null -X PUT "http://127.0.0.1:8082/api/teams/$team/members/erin" -H "Authorization: Bearer $admin"
messages() { curl -fsS "http://127.0.0.1:8090/sandbox/messages?to=%2B${phone#+}"; }
saved=$(curl -fsS http://127.0.0.1:8082/api/user/profile -H "Authorization: Bearer $member" \
  -H 'Content-Type: application/json' -d '{"phoneNumber":"+1 415 555 0142","smsNotificationsEnabled":true}')
printf '%s' "$saved" | grep -q '"phoneNumberStatus":"UNVERIFIED"' || fail "a new number should be UNVERIFIED: $saved"
step "team $team with erin ($phone, opted in, UNVERIFIED), through profile-service's API"

# a new number receives nothing but its code until the code is typed back: read it from the SMS the sandbox holds
code_started=$SECONDS
code=""
until [ -n "$code" ]; do
  [ $((SECONDS - code_started)) -lt 120 ] || fail "no verification code for $phone in the sandbox after 120 s: $(messages)"
  sleep 1
  code=$(messages | grep -o 'verification code is [0-9]\{6\}' | head -n 1 | grep -o '[0-9]\{6\}$' || true)
done
step "the verification code reached the sandbox $((SECONDS - code_started)) s after the number was saved"
confirmed=$(curl -sS -w '\n%{http_code}' http://127.0.0.1:8082/api/user/profile/phone-verification \
  -H "Authorization: Bearer $member" -H 'Content-Type: application/json' -d '{"code":"'"$code"'"}')
[ "${confirmed##*$'\n'}" = 200 ] || fail "POST /api/user/profile/phone-verification answered ${confirmed##*$'\n'}: ${confirmed%$'\n'*}"
printf '%s' "${confirmed%$'\n'*}" | grep -q '"phoneNumberStatus":"OK"' || fail "the number is not verified: ${confirmed%$'\n'*}"
step "erin confirmed the code: phoneNumberStatus OK"

tickets=()
refusals=0
create_ticket() { # title [base URL, ticket-service's by default]; a 403 is retried: the membership reaches ticket-service's replica by profiles.events.v1, and
  # before it has, ticket-service asks profile-service (its own client, scope teams:membership), which should prevent it
  local answer status
  for _ in $(seq 1 60); do
    answer=$(curl -sS -w '\n%{http_code}' "${2:-http://127.0.0.1:8081}/api/tickets" -H "Authorization: Bearer $member" \
      -H 'Content-Type: application/json' \
      -d '{"title":"'"$1"'","description":"compose check","severity":"HIGH","category":"Technical","teamId":"'"$team"'"}')
    status=${answer##*$'\n'}
    if [ "$status" = 201 ]; then
      tickets+=("$(printf '%s' "${answer%$'\n'*}" | sed -E 's/.*"id":"([^"]+)".*/\1/')")
      return 0
    fi
    [ "$status" = 429 ] && fail "POST /api/tickets answered 429 (TICKETS_CREATIONS_PER_USER): ${answer%$'\n'*}"
    [ "$status" = 403 ] || fail "POST /api/tickets answered $status: ${answer%$'\n'*}"
    refusals=$((refusals + 1))
    sleep 1
  done
  fail "ticket-service still refuses erin's ticket (403) after 60 s: the membership did not arrive"
}
# each occurrence of $1 in the input on a line of its own; none is no error (under pipefail a grep that finds nothing
# would fail the pipeline, and set -e would end the check without saying why)
matches() { grep -o -- "$1" || true; }
sms_count_for() { messages | matches "/#/tickets/$1" | wc -l; }

# the web console: its page, a sign-in at the dev issuer through it, and the first ticket through its proxy
page=$(curl -sS http://127.0.0.1:8080/ || true)
printf '%s' "$page" | grep -q '<title>ticket-sms console</title>' || fail "the web console does not serve its page on 8080: $page"
signed_in=$(token '{"sub":"erin","name":"Erin Check","roles":[]}' http://127.0.0.1:8080/dev/token)
seen=$(curl -fsS http://127.0.0.1:8080/api/user/profile -H "Authorization: Bearer $signed_in")
printf '%s' "$seen" | grep -q '"phoneNumberStatus":"OK"' || fail "erin's profile through the web console: $seen"
step "the web console serves its page, signs erin in at the dev issuer and shows her profile through its proxy"
create_ticket "First ticket through compose" http://127.0.0.1:8080
first_started=$SECONDS
until [ "$(sms_count_for "${tickets[0]}")" -ge 1 ]; do
  [ $((SECONDS - first_started)) -lt 120 ] || fail "no SMS for ticket ${tickets[0]} in the sandbox after 120 s"
  sleep 1
done
step "ticket ${tickets[0]} created through the web console's proxy to ticket-service's API ($refusals refusals (403) before); its SMS reached the sandbox $((SECONDS - first_started)) s later:"
messages | grep -o '"body":"New Support Ticket Created[^"]*"' | head -n 1 | sed 's/^/         /'

step "scaling notification-service to 3 while 18 more tickets are created (6 before, 6 during, 6 after the change)"
for i in 1 2 3 4 5 6; do create_ticket "Before scaling $i"; done
scale_started=$SECONDS
compose up -d --no-deps --scale notification-service=3 notification-service >/dev/null 2>&1 &
scale_pid=$!
for i in 1 2 3 4 5 6; do create_ticket "During scaling $i"; sleep 1; done
wait "$scale_pid" || fail "docker-compose --scale notification-service=3 failed"
await_healthy notification-service 3 300
step "three notification-service instances healthy, $((SECONDS - scale_started)) s after the scale command"
for i in 1 2 3 4 5 6; do create_ticket "After scaling $i"; done

group() {
  podman exec "${project}_kafka_1" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '/opt/kafka/libs/*' \
    org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server localhost:9092 \
    --describe --group notification-service "$@" 2>/dev/null
}
# the group has settled when its members come from three hosts and hold all 12 partitions once each
members_started=$SECONDS
while true; do
  listing=$(group --members --verbose || true)
  hosts=$(printf '%s\n' "$listing" | awk '$1 == "notification-service" {print $3}' | sort -u | wc -l)
  partitions=$(printf '%s\n' "$listing" | awk '$1 == "notification-service" {print $7}' | tr ',' '\n' | matches '[0-9]*$' | sort -n | tr '\n' ' ')
  [ "$hosts" -eq 3 ] && [ "$partitions" = "0 1 2 3 4 5 6 7 8 9 10 11 " ] && break
  [ $((SECONDS - members_started)) -lt 180 ] || fail "the consumer group did not settle on 3 instances and 12 partitions:
$listing"
  sleep 3
done
step "consumer group notification-service: $(printf '%s\n' "$listing" | grep -c '^notification-service') members (3 consumer threads in each of 3 instances) sharing tickets.events.v1's 12 partitions:"
printf '%s\n' "$listing" | awk '$1 == "notification-service" {hosts[$3] = hosts[$3] " " $7; n[$3] += $5}
  END {for (h in hosts) printf "         instance %-14s %2d partitions:%s\n", h, n[h], hosts[h]}' | sort

# every event consumed (no lag), then every ticket's SMS counted
lag_started=$SECONDS
until group --offsets | awk '$2 == "tickets.events.v1" {lag += $6} END {exit !(NR > 0 && lag == 0)}'; do
  [ $((SECONDS - lag_started)) -lt 180 ] || fail "consumer lag on tickets.events.v1 did not reach 0"
  sleep 2
done
deliveries_started=$SECONDS
while true; do
  all=$(messages)
  missing=0 duplicated=0 twice=""
  for ticket in "${tickets[@]}"; do
    count=$(printf '%s' "$all" | matches "/#/tickets/$ticket" | wc -l)
    [ "$count" -eq 0 ] && missing=$((missing + 1))
    [ "$count" -gt 1 ] && duplicated=$((duplicated + 1)) && twice="$twice $ticket"
  done
  [ "$duplicated" -eq 0 ] || fail "$duplicated of ${#tickets[@]} tickets got more than one SMS:$twice; the sandbox holds: $all"
  [ "$missing" -eq 0 ] && break
  [ $((SECONDS - deliveries_started)) -lt 180 ] || fail "$missing of ${#tickets[@]} tickets got no SMS"
  sleep 2
done
total=$(printf '%s' "$all" | matches '"direction":"outbound-api"' | wc -l)
codes=$(printf '%s' "$all" | matches 'verification code is' | wc -l)
[ "$codes" -eq 1 ] || fail "the sandbox holds $codes verification codes for one saved number: $all"
[ "$total" -eq $((${#tickets[@]} + codes)) ] || fail "the sandbox holds $total SMS for ${#tickets[@]} tickets and $codes code: $all"
step "${#tickets[@]} tickets, $((total - codes)) ticket SMS (+ $codes verification code) in the sandbox: one each, none lost or duplicated across the scale-out; $refusals ticket creations refused (403) in all"

up_to_check=$((SECONDS - started))
step "compose check passed (${up_to_check} s so far); stopping the stack"
