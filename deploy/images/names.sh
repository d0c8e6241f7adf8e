# Sourced by the deploy scripts: every image name, each overridable from the environment (or .env for compose).
: "${IMAGE_PREFIX:=localhost/ticket-sms}"
: "${IMAGE_TAG:=0.1.0-SNAPSHOT}"
: "${BASE_IMAGE:=$IMAGE_PREFIX/debian-base:bookworm}"
: "${JRE_IMAGE:=$IMAGE_PREFIX/jre:25}"
: "${KAFKA_IMAGE:=$IMAGE_PREFIX/kafka:4.1.2}"
: "${POSTGRES_IMAGE:=$IMAGE_PREFIX/postgres:15}"
: "${DEV_IDP_IMAGE:=$IMAGE_PREFIX/dev-idp:$IMAGE_TAG}"
export IMAGE_PREFIX IMAGE_TAG BASE_IMAGE JRE_IMAGE KAFKA_IMAGE POSTGRES_IMAGE DEV_IDP_IMAGE
: "${PROMETHEUS_IMAGE:=$IMAGE_PREFIX/prometheus:2.42}"
export PROMETHEUS_IMAGE
