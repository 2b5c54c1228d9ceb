-- Monthly save through the API (PUT …/seguimiento/{año}/{mes}/{centro}). Thread k owns the cost centres whose position
-- in CARGA_CENTROS is ≡ k (mod threads): no two threads write the same month, so every save that carries the
-- version read must succeed, and each thread knows the order of its own acknowledged writes. Each thread first
-- GETs its centre's month (version and activity codes), then PUTs CARGA_POR_GUARDADO activities at a time with
-- the version of its last answer and a unique text in «logros» ("[carga m h3 n17 FP34-09]"); every 200 is recorded
-- (centre, activity, sequence, text), and done() writes them to CARGA_ACUSES for the consistency check.
dofile(os.getenv("CARGA_DIR") .. "/comun.lua")

local base, centros, porGuardado, ronda
local meses = {}          -- centre → { version = "…", codigos = { … }, siguiente = n }
local turno = 0
local enCurso             -- { tipo = "leer"|"guardar", centro = c, codigos = { … }, textos = { … } }
local n = 0
acuses = {}               -- "centro\tactividad\tn\ttexto" per acknowledged activity write, in order
guardados, conflictos, otros = 0, 0, 0
local h

function init(args)
  base = os.getenv("CARGA_BASE")
  ronda = os.getenv("CARGA_RONDA") or "c"   -- m: the measured run; c: the warm-up (its texts are not checked)
  porGuardado = tonumber(os.getenv("CARGA_POR_GUARDADO") or "3")
  centros = {}
  local todos = separar(os.getenv("CARGA_CENTROS"))
  local hilosTotal = tonumber(os.getenv("CARGA_HILOS"))
  for k, c in ipairs(todos) do
    if (k - 1) % hilosTotal == id then centros[#centros + 1] = c end
  end
  h = cabeceras()
end

local function ruta(c) return base .. "/" .. c end

function request()
  if #centros == 0 then return wrk.format("GET", "/salud/vivo") end
  turno = turno + 1
  local c = centros[(turno % #centros) + 1]
  local m = meses[c]
  if m == nil then
    enCurso = { tipo = "leer", centro = c }
    return wrk.format("GET", ruta(c), h)
  end
  local partes, codigos, textos = {}, {}, {}
  for j = 1, math.min(porGuardado, #m.codigos) do
    local codigo = m.codigos[((m.siguiente + j - 2) % #m.codigos) + 1]
    n = n + 1
    local texto = string.format("[carga %s h%d n%d %s]", ronda, id, n, codigo)
    codigos[#codigos + 1] = codigo
    textos[#textos + 1] = texto
    partes[#partes + 1] = string.format('{"codigo":"%s","ejecutadoFisico":0,"logros":"%s"}', codigo, texto)
  end
  m.siguiente = m.siguiente + #codigos
  enCurso = { tipo = "guardar", centro = c, codigos = codigos, textos = textos, n = n }
  local cuerpo = string.format('{"version":"%s","actividades":[%s]}', m.version, table.concat(partes, ","))
  local hh = {}
  for k, v in pairs(h) do hh[k] = v end
  hh["Content-Type"] = "application/json"
  return wrk.format("PUT", ruta(c), hh, cuerpo)
end

local function leerMes(c, body)
  local version = string.match(body, '"version":"(%d+)"')
  local desde = string.find(body, '"actividades":', 1, true)
  local codigos = {}
  if desde then
    for codigo in string.gmatch(string.sub(body, desde), '"codigo":"([^"]+)"') do codigos[#codigos + 1] = codigo end
  end
  if version and #codigos > 0 then
    local anterior = meses[c]
    meses[c] = { version = version, codigos = codigos, siguiente = anterior and anterior.siguiente or 1 }
  end
end

function response(status, headers, body)
  local e = enCurso
  if e == nil then return end
  enCurso = nil
  if e.tipo == "leer" then
    if status == 200 then leerMes(e.centro, body) end
    return
  end
  if status == 200 then
    guardados = guardados + 1
    for j, codigo in ipairs(e.codigos) do
      acuses[#acuses + 1] = string.format("%s\t%s\t%d\t%s", e.centro, codigo, e.n - #e.codigos + j, e.textos[j])
    end
    local version = string.match(body, '"version":"(%d+)"')
    if version then meses[e.centro].version = version else meses[e.centro] = nil end
  elseif status == 409 then
    conflictos = conflictos + 1
    meses[e.centro] = nil
  else
    otros = otros + 1
    if otros <= 3 then io.stderr:write(string.format("guardar: %d %s\n", status, string.sub(body, 1, 300))) end
    meses[e.centro] = nil
  end
end

function done(summary, latency, requests)
  local g, c, o = 0, 0, 0
  local f = assert(io.open(os.getenv("CARGA_ACUSES"), "w"))
  for _, t in ipairs(hilos_creados()) do
    g = g + t:get("guardados")
    c = c + t:get("conflictos")
    o = o + t:get("otros")
    for _, linea in ipairs(t:get("acuses")) do f:write(linea, "\n") end
  end
  f:close()
  resultado(summary, latency, string.format("guardados=%d guardados_s=%.1f conflictos=%d otros=%d", g, g / (summary.duration / 1e6), c, o))
end
