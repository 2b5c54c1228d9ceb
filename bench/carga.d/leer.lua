-- Reads (API month, grid page, dashboard, public page): GET the paths of CARGA_RUTAS (space-separated) in turn,
-- each thread starting at its own offset so the threads do not read the same month at the same instant.
dofile(os.getenv("CARGA_DIR") .. "/comun.lua")

local rutas, i, h

function init(args)
  rutas = separar(os.getenv("CARGA_RUTAS"))
  i = id
  h = cabeceras()
end

function request()
  i = i + 1
  return wrk.format("GET", rutas[(i % #rutas) + 1], h)
end

function done(summary, latency, requests)
  resultado(summary, latency)
end
