#!/usr/bin/env bash
# Evaluates every expression of the alert/recording rules (deploy/prometheus/rules) and the Grafana dashboard
# (deploy/grafana/dashboards) with a real Prometheus (Debian's, installed when missing) that scrapes a running stack's
# /actuator/prometheus, after some traffic (tickets, delivered / undelivered / failed / unknown-outcome SMS, a forged
# webhook, a HELP reply). Reports for each expression whether it returned data and, when it did not, which of its
# metric selectors have no series. Writes target/check-expressions/report.tsv.
#
#   deploy/prometheus/check-expressions.sh [--compose-file FILE] [--keep]
#       starts the compose stack as project ticketsms-expressions WITHOUT host ports (a copy of the compose file with
#       its ports removed, so it runs beside ./run-local.sh or deploy/compose-check.sh), reaches the containers by
#       their podman IP addresses, and removes the stack at the end. Needs root (rootful podman) and built images.
#   deploy/prometheus/check-expressions.sh --targets ticket=URL,profile=URL,notification=URL[,idp=URL,sandbox=URL]
#       scrapes a stack that is already up (e.g. the compose stack or ./run-local.sh: http://127.0.0.1:8081 ...);
#       with idp and sandbox it makes the traffic too, else it only reads what is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

compose_file=docker-compose.yml keep=false targets=""
while [ $# -gt 0 ]; do
  case "$1" in
    --compose-file) compose_file=$2; shift ;;
    --keep) keep=true ;;
    --targets) targets=$2; shift ;;
    *) echo "usage: $0 [--compose-file FILE] [--keep] | --targets ticket=URL,profile=URL,notification=URL[,idp=URL,sandbox=URL]" >&2; exit 2 ;;
  esac
  shift
done

out=target/check-expressions
rm -rf "$out"
mkdir -p "$out"
started=$SECONDS
step() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }
fail() { printf '[%4ds] FAILED: %s\n' $((SECONDS - started)) "$*" >&2; exit 1; }

if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || fail "prometheus/promtool missing: apt-get install prometheus"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null
fi

declare -A url=()
project=ticketsms-expressions
compose() { docker-compose --project-name "$project" --project-directory "$root" --env-file "$out/stack.env" "$@"; }
cleanup() {
  local status=$?
  if [ -n "${prometheus_pid:-}" ]; then kill "$prometheus_pid" 2>/dev/null || true; fi
  if [ -n "${ticker_pid:-}" ]; then kill "$ticker_pid" 2>/dev/null || true; fi
  if [ -n "${service_pid:-}" ]; then
    if $keep; then
      echo "The stack keeps running: DOCKER_HOST=$DOCKER_HOST docker-compose -p $project -f $out/compose.yml down -v; kill $service_pid"
    else
      compose -f "$out/compose.yml" down --volumes --timeout 45 >/dev/null 2>&1 || true
      kill "$service_pid" 2>/dev/null || true
      step "compose stack $project removed"
    fi
  fi
  return $status
}
trap cleanup EXIT

start_compose_stack() {
  source deploy/images/names.sh
  deploy/podman-setup.sh
  for image in "$IMAGE_PREFIX/ticket-service:$IMAGE_TAG" "$IMAGE_PREFIX/profile-service:$IMAGE_TAG" \
    "$IMAGE_PREFIX/notification-service:$IMAGE_TAG" "$IMAGE_PREFIX/sms-sandbox:$IMAGE_TAG" "$KAFKA_IMAGE" "$POSTGRES_IMAGE" "$DEV_IDP_IMAGE"; do
    podman image exists "$image" || fail "image $image is missing: run deploy/build-images.sh first"
  done
  secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
  {
    echo "KAFKA_CLUSTER_ID=$(head -c 16 /dev/urandom | base64 | tr '/+' '_-' | tr -d '=')"
    # the client secrets under the names of every version of the compose file
    for name in POSTGRES_PASSWORD TICKETS_DB_PASSWORD PROFILES_DB_PASSWORD NOTIFICATIONS_DB_PASSWORD SERVICE_CLIENT_SECRET \
      NOTIFICATION_SERVICE_CLIENT_SECRET TICKET_SERVICE_CLIENT_SECRET TWILIO_AUTH_TOKEN; do
      echo "$name=$(secret)"
    done
    echo "TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000"
    echo "TWILIO_PHONE_NUMBER=+15005550006"
    echo "TICKETS_CREATIONS_PER_USER=100"
    for name in IMAGE_PREFIX IMAGE_TAG KAFKA_IMAGE POSTGRES_IMAGE PROMETHEUS_IMAGE DEV_IDP_IMAGE; do echo "$name=${!name}"; done
  } >"$out/stack.env"

  local socket=/run/podman/$project.sock
  mkdir -p /run/podman
  podman system service --time=0 "unix://$socket" >"$out/podman-service.log" 2>&1 &
  service_pid=$!
  export DOCKER_HOST="unix://$socket"
  for _ in $(seq 1 50); do [ -S "$socket" ] && break; sleep 0.2; done
  [ -S "$socket" ] || fail "podman system service did not open $socket"

  # the same services without host ports: nothing clashes with another stack on 8081-8083, 8090, 9000, 9090
  compose -f "$compose_file" config >"$out/compose-rendered.yml"
  python3 - "$out/compose-rendered.yml" "$out/compose.yml" <<'EOF'
import sys, yaml
with open(sys.argv[1]) as file:
    compose = yaml.safe_load(file)
for service in compose["services"].values():
    service.pop("ports", None)
# minutes become seconds for what the traffic sets off: unknown outcomes reconciled, held SMS released
compose["services"]["notification-service"]["environment"].update({
    "NOTIFICATIONS_DELIVERY_RECONCILEAFTER": "15s",
    "NOTIFICATIONS_DELIVERY_WATCHDOGINTERVAL": "10s",
    "NOTIFICATIONS_DELIVERY_PERTICKETWINDOW": "30s",
})
with open(sys.argv[2], "w") as file:
    yaml.safe_dump(compose, file, sort_keys=False)
EOF
  compose -f "$out/compose.yml" down --volumes --timeout 10 >/dev/null 2>&1 || true
  # podman runs health checks from systemd timers; where there is none, this loop runs them (as compose-check does)
  (while true; do
    for container in $(podman ps --filter "label=com.docker.compose.project=$project" --format '{{.Names}}'); do
      podman healthcheck run "$container" >/dev/null 2>&1 || true
    done
    sleep 3
  done) &
  ticker_pid=$!
  step "docker-compose up (project $project, no host ports; Prometheus is the host's, below)"
  compose -f "$out/compose.yml" up -d kafka postgres dev-idp sms-sandbox profile-service ticket-service notification-service \
    >"$out/compose-up.log" 2>&1 || { cat "$out/compose-up.log" >&2; fail "docker-compose up"; }
  local deadline=$((SECONDS + 420)) service
  for service in kafka postgres dev-idp sms-sandbox profile-service ticket-service notification-service; do
    until podman ps --filter "label=com.docker.compose.project=$project" --filter health=healthy --format '{{.Names}}' \
      | grep -q "^${project}_${service}_"; do
      [ $SECONDS -lt $deadline ] || fail "$service is not healthy after 420 s"
      sleep 2
    done
  done
  ip() { podman inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "${project}_$1_1"; }
  url[ticket]=http://$(ip ticket-service):8081
  url[profile]=http://$(ip profile-service):8082
  url[notification]=http://$(ip notification-service):8083
  url[idp]=http://$(ip dev-idp):9000
  url[sandbox]=http://$(ip sms-sandbox):8090
  step "all healthy: ticket ${url[ticket]}, profile ${url[profile]}, notification ${url[notification]}"
}

if [ -n "$targets" ]; then
  IFS=, read -ra pairs <<<"$targets"
  for pair in "${pairs[@]}"; do url[${pair%%=*}]=${pair#*=}; done
  for name in ticket profile notification; do [ -n "${url[$name]:-}" ] || fail "--targets needs $name=URL"; done
else
  start_compose_stack
fi

# --- the host's Prometheus, scraping every 5 s and evaluating the project's rules
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
{
  echo "global: {scrape_interval: 5s, evaluation_interval: 5s}"
  echo "rule_files: [$root/deploy/prometheus/rules/*.yml]"
  echo "scrape_configs:"
  for job in ticket profile notification; do
    hostport=${url[$job]#*://}
    echo "  - {job_name: $job-service, metrics_path: /actuator/prometheus, static_configs: [{targets: ['${hostport%%/*}']}]}"
  done
} >"$out/prometheus.yml"
promtool check config "$out/prometheus.yml" >/dev/null
prometheus --config.file="$out/prometheus.yml" --storage.tsdb.path="$out/data" --web.listen-address="127.0.0.1:$port" \
  >"$out/prometheus.log" 2>&1 &
prometheus_pid=$!
prom=http://127.0.0.1:$port
until curl -fsS -o /dev/null "$prom/-/ready" 2>/dev/null; do
  kill -0 "$prometheus_pid" 2>/dev/null || { cat "$out/prometheus.log" >&2; fail "prometheus did not start"; }
  sleep 1
done
step "Prometheus $(prometheus --version 2>&1 | head -n 1 | awk '{print $3}') on $prom scraping the three services"

# --- traffic, when the stack's identity provider and sandbox are known
traffic() {
  local idp=${url[idp]} sandbox=${url[sandbox]} profile=${url[profile]} ticket=${url[ticket]} notification=${url[notification]}
  token() { curl -fsS "$idp/token" -H 'Content-Type: application/json' -d "$1" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
  local admin team
  admin=$(token '{"sub":"ops","name":"Ops Admin","roles":["admin"]}')
  team=$(curl -fsS "$profile/api/teams" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"name":"Expressions check team","ownerId":"ops"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  # three members, each with a verified number: one gets its SMS, one's are undelivered (30005), one's fail (30008)
  local members=(erin frank gina) phones=(+14155550142 +14155550143 +14155550144) i member phone code
  for i in 0 1 2; do
    member=${members[$i]} phone=${phones[$i]}
    curl -fsS -o /dev/null -X PUT "$profile/api/teams/$team/members/$member" -H "Authorization: Bearer $admin"
    local user
    user=$(token '{"sub":"'"$member"'","name":"'"$member"'","roles":[]}')
    # a stack checked before (--targets at a local stack with its data kept) has the number verified already
    curl -fsS "$profile/api/user/profile" -H "Authorization: Bearer $user" -H 'Content-Type: application/json' \
      -d '{"phoneNumber":"'"$phone"'","smsNotificationsEnabled":true}' | grep -q '"phoneNumberStatus":"OK"' && continue
    code=""
    local waited=$SECONDS
    until [ -n "$code" ]; do
      [ $((SECONDS - waited)) -lt 120 ] || fail "no verification code for $member in the sandbox"
      sleep 1
      code=$(curl -fsS "$sandbox/sandbox/messages?to=%2B${phone#+}" | grep -o 'verification code is [0-9]\{6\}' | head -n 1 | grep -o '[0-9]\{6\}$' || true)
    done
    curl -fsS -o /dev/null "$profile/api/user/profile/phone-verification" -H "Authorization: Bearer $user" \
      -H 'Content-Type: application/json' -d '{"code":"'"$code"'"}'
  done
  # a fourth member whose number Twilio refuses (the test number for 21211): the verification SMS is rejected
  curl -fsS -o /dev/null -X PUT "$profile/api/teams/$team/members/hank" -H "Authorization: Bearer $admin"
  curl -fsS -o /dev/null "$profile/api/user/profile" -H "Authorization: Bearer $(token '{"sub":"hank","name":"hank","roles":[]}')" \
    -H 'Content-Type: application/json' -d '{"phoneNumber":"+15005550001","smsNotificationsEnabled":true}'
  curl -fsS -o /dev/null "$sandbox/sandbox/faults" -H 'Content-Type: application/json' \
    -d '{"to":"+14155550143","kind":"UNDELIVERED","errorCode":30005}'
  curl -fsS -o /dev/null "$sandbox/sandbox/faults" -H 'Content-Type: application/json' -d '{"to":"+14155550144","kind":"FAILED"}'
  # one answer lost after Twilio took the message: an UNKNOWN outcome, settled later from the Messages list
  curl -fsS -o /dev/null "$sandbox/sandbox/faults" -H 'Content-Type: application/json' \
    -d '{"to":"+14155550142","kind":"ACCEPT_THEN_SERVER_ERROR","status":504,"remaining":1}'
  local erin status n
  erin=$(token '{"sub":"erin","name":"erin","roles":[]}')
  for n in 1 2 3 4 5; do
    for _ in $(seq 1 60); do
      status=$(curl -sS -o "$out/ticket.json" -w '%{http_code}' "$ticket/api/tickets" -H "Authorization: Bearer $erin" \
        -H 'Content-Type: application/json' \
        -d '{"title":"Expressions check '"$n"'","description":"check","severity":"HIGH","category":"Technical","teamId":"'"$team"'"}')
      [ "$status" = 201 ] && break
      [ "$status" = 403 ] || fail "POST /api/tickets answered $status: $(cat "$out/ticket.json")"
      sleep 1
    done
    [ "$status" = 201 ] || fail "ticket-service kept refusing erin's ticket (403)"
    local id
    id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$out/ticket.json")
    curl -fsS -o /dev/null -X PATCH "$ticket/api/tickets/$id/status" -H "Authorization: Bearer $erin" \
      -H 'Content-Type: application/json' -d '{"status":"IN_PROGRESS"}' || true
  done
  # one ticket back and forth: more than the per-ticket limit (3) within its window, so the rest is held, then released
  local status_change
  for status_change in OPEN IN_PROGRESS RESOLVED; do
    curl -fsS -o /dev/null -X PATCH "$ticket/api/tickets/$id/status" -H "Authorization: Bearer $erin" \
      -H 'Content-Type: application/json' -d '{"status":"'"$status_change"'"}' || true
  done
  # a manual message (admin API), a HELP reply, a forged status callback (refused, counted)
  curl -fsS -o /dev/null "$notification/api/sms/send" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"teamId":"'"$team"'","message":"Expressions check: maintenance at 22:00 UTC"}' || true
  curl -fsS -o /dev/null "$sandbox/sandbox/inbound" -H 'Content-Type: application/json' \
    -d '{"from":"+14155550142","to":"+15005550006","body":"HELP"}' || true
  curl -sS -o /dev/null "$notification/webhooks/twilio/status" -H 'Content-Type: application/x-www-form-urlencoded' \
    -d 'MessageSid=SM00000000000000000000000000000000&MessageStatus=delivered' || true
  step "traffic: team $team, 3 verified members, a refused number (21211), 5 tickets + status changes (one over the per-ticket limit), a manual SMS, faults (30005, 30008, a lost answer), HELP, a forged webhook"
}
if [ -n "${url[idp]:-}" ] && [ -n "${url[sandbox]:-}" ]; then
  traffic
else
  step "no idp/sandbox URL given: no traffic, only what the stack already has"
fi

# rate() needs two samples inside its window, increase() over 30 m too; the callbacks and the lookups settle meanwhile
step "waiting 75 s for the SMS, their callbacks, the reconciliation, the held SMS and a dozen scrapes"
sleep 75

# --- every expression, and the selectors of each that came back empty
query() { promtool query instant "$prom" "$1" 2>&1; }
report=$out/report.tsv
printf 'result\tsource\tname\tkind\texpression\tselectors without series\n' >"$report"
with_data=0 empty=0 broken=0
while IFS=$'\t' read -r source name kind expr; do
  answer=$(query "$expr") || { broken=$((broken + 1)); printf 'ERROR\t%s\t%s\t%s\t%s\t%s\n' "$source" "$name" "$kind" "$expr" "$answer" >>"$report"; continue; }
  if [ -n "$answer" ]; then
    with_data=$((with_data + 1))
    printf 'data\t%s\t%s\t%s\t%s\t\n' "$source" "$name" "$kind" "$expr" >>"$report"
  else
    empty=$((empty + 1))
    missing=""
    while read -r selector; do
      [ -n "$(query "count($selector)")" ] || missing="$missing $selector"
    done < <(python3 deploy/prometheus/expressions.py selectors "$expr")
    printf 'empty\t%s\t%s\t%s\t%s\t%s\n' "$source" "$name" "$kind" "$expr" "${missing# }" >>"$report"
  fi
done < <(python3 deploy/prometheus/expressions.py list deploy/prometheus/rules/*.yml deploy/grafana/dashboards/*.json)

awk -F'\t' 'NR > 1 {printf "%-5s %-6s %-58s %s\n", $1, $4, substr($3, 1, 58), ($1 == "data" ? "" : "missing: " ($6 == "" ? "(none: the condition is false)" : $6))}' "$report"
step "expressions: $with_data returned data, $empty empty, $broken errors (details in $report)"
[ "$broken" -eq 0 ]
