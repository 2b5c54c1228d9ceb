# Shared by deploy/ha/levantar, detener and conmutacion (sourced, not run). Everything on loopback.
# Ports: SIPOI_HA_PUERTO (default 56000) + a fixed offset, so the topology never takes PostgreSQL's 5432,
# etcd's 2379 or SIPOI's 5000 that another installation on the machine may use.
set -euo pipefail

HA_RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HA_DIR="${HA_DIR:-/tmp/sipoi-ha}"
BASE="${SIPOI_HA_PUERTO:-56000}"
P_ETCD=$((BASE + 79)); P_ETCD_PAR=$((BASE + 80))
P_PG1=$((BASE + 1)); P_PG2=$((BASE + 2))             # PostgreSQL of each Patroni node
P_REST1=$((BASE + 11)); P_REST2=$((BASE + 12))       # Patroni REST API (HAProxy's health checks)
P_ESCRITURA=$((BASE + 20)); P_LECTURA=$((BASE + 21)); P_ESTADISTICAS=$((BASE + 22))
P_WEB=$((BASE + 30)); P_WEB1=$((BASE + 31)); P_WEB2=$((BASE + 32))
PG_BIN="${SIPOI_HA_PG_BIN:-/usr/lib/postgresql/15/bin}"

ha_log() { printf 'sipoi-ha: %s\n' "$*" >&2; }
ha_falla() { ha_log "ERROR: $*"; exit 1; }
como_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# espera SEGUNDOS DESCRIPCION COMANDO… : repeats the command every half second until it succeeds (status 2: give up).
espera() {
  local limite=$(($(date +%s) + $1)) que="$2" rc; shift 2
  until "$@" >/dev/null 2>&1; do
    rc=$?
    [ $rc -ne 2 ] && [ "$(date +%s)" -lt "$limite" ] || return 1
    sleep 0.5
  done
  ha_log "$que"
}

http_ok() { curl -fs -o /dev/null --max-time 2 "$1" || return 1; }

# proceso_listo PID URL : the URL answers 200; status 2 when the process PID has died (no use waiting).
proceso_listo() { kill -0 "$1" 2>/dev/null || return 2; http_ok "$2"; }

# The node (1 or 2) whose Patroni answers 200 on /primary, or nothing.
lider() {
  http_ok "http://127.0.0.1:$P_REST1/primary" && { echo 1; return 0; }
  http_ok "http://127.0.0.1:$P_REST2/primary" && { echo 2; return 0; }
  return 1
}

# A psql on the leader as the superuser (socket of the node: only root and postgres reach it).
psql_lider() {
  local n; n="$(lider)" || ha_falla "no hay líder de PostgreSQL."
  como_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$HA_DIR/run$n" -p "$([ "$n" = 1 ] && echo $P_PG1 || echo $P_PG2)" -U postgres "$@"
}

cargar_estado() {
  [ -f "$HA_DIR/estado.env" ] || ha_falla "no hay una topología en $HA_DIR (ejecute deploy/ha/levantar $HA_DIR)."
  # shellcheck disable=SC1091
  . "$HA_DIR/estado.env"
}
