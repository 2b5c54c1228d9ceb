-- Shared by the bench/carga scenarios: one connection per wrk thread (bench/carga runs wrk -t N -c N), so each
-- thread's request() and response() strictly alternate and a thread knows which request an answer belongs to.
-- CARGA_TOKENS: the API tokens (space-separated), one per thread in turn; CARGA_COOKIE: a session cookie.
local hilos = {}
local siguiente_id = 0

function separar(texto)
  local t = {}
  for x in string.gmatch(texto or "", "%S+") do t[#t + 1] = x end
  return t
end

function setup(thread)
  thread:set("id", siguiente_id)
  siguiente_id = siguiente_id + 1
  hilos[#hilos + 1] = thread
end

function cabeceras()
  local h = {}
  local tokens = separar(os.getenv("CARGA_TOKENS"))
  if #tokens > 0 then h["Authorization"] = "Bearer " .. tokens[(id % #tokens) + 1] end
  local cookie = os.getenv("CARGA_COOKIE")
  if cookie and cookie ~= "" then h["Cookie"] = cookie end
  return h
end

-- One machine-readable line for bench/carga: requests/s over the run, latency percentiles (ms), errors.
function resultado(summary, latency, extra)
  local s = summary.duration / 1e6
  local e = summary.errors
  local fallos = e.connect + e.read + e.write + e.timeout
  io.write(string.format("CARGA rps=%.1f p50=%.1f p95=%.1f p99=%.1f solicitudes=%d no2xx=%d fallos=%d segundos=%.1f %s\n",
    summary.requests / s, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, fallos, s, extra or ""))
end

function hilos_creados() return hilos end
