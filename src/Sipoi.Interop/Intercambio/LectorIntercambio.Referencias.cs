using Sipoi.Domain;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Interop.Intercambio;

public static partial class LectorIntercambio
{
    // Codes and references, recorded while reading and resolved at the end: unique codes and priorities, known targets, no cycles.
    private sealed partial class Lector
    {
        private string? Referencia(Objeto o, string nombre, List<(string Ruta, string Codigo)> referencias, bool obligatorio = false)
        {
            var codigo = o.Texto(nombre, obligatorio, ClaseTexto.Codigo);
            if (codigo is not null) referencias.Add((o.RutaDe(nombre), codigo));
            return codigo;
        }

        private void PrioridadesUnicas(IEnumerable<(string Ruta, int? Prioridad)> elementos)
        {
            var vistas = new Dictionary<int, string>();
            foreach (var (ruta, prioridad) in elementos)
            {
                if (prioridad is not { } p) continue;
                if (vistas.TryGetValue(p, out var primera))
                    l.Error($"{ruta}.prioridad", $"prioridad {p} repetida (también en {primera})");
                else
                    vistas[p] = ruta;
            }
        }

        private Dictionary<string, string> CodigosUnicos(List<(string Ruta, string Codigo)> elementos,
            string campo = "codigo", string que = "código", string repetido = "repetido")
        {
            var vistos = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (ruta, codigo) in elementos)
            {
                if (vistos.TryGetValue(codigo, out var primera))
                    l.Error($"{ruta}.{campo}", $"{que} «{codigo}» {repetido} (también en {primera})");
                else
                    vistos[codigo] = ruta;
            }
            return vistos;
        }

        private void Resolver()
        {
            var centrosPorCodigo = CodigosUnicos(centros);
            var fichasPorCodigo = CodigosUnicos(fichas);
            CodigosUnicos(oeis);
            var aeisPorCodigo = CodigosUnicos(aeis);
            CodigosUnicos(indicadores);
            CodigosUnicos(actividades);

            foreach (var (ruta, codigo) in refCentros)
                if (!centrosPorCodigo.ContainsKey(codigo)) l.Error(ruta, $"el centro de costo «{codigo}» no existe en centrosCosto");
            foreach (var (ruta, codigo) in refFichas)
                if (!fichasPorCodigo.ContainsKey(codigo)) l.Error(ruta, $"la ficha «{codigo}» no existe en fichas");
            foreach (var (ruta, codigo) in refAeis)
                if (!aeisPorCodigo.ContainsKey(codigo)) l.Error(ruta, $"la AEI «{codigo}» no existe en el PEI");

            Ciclos(centrosPorCodigo);
        }

        /// <summary>A cost centre may not be its own ancestor; each cycle is reported once, at its first member.</summary>
        private void Ciclos(Dictionary<string, string> centrosPorCodigo)
        {
            var padres = jerarquia.Where(c => centrosPorCodigo[c.Codigo] == c.Ruta).ToDictionary(c => c.Codigo, c => c.Padre);
            var orden = jerarquia.Select((c, i) => (c.Codigo, i)).GroupBy(x => x.Codigo).ToDictionary(g => g.Key, g => g.First().i);
            foreach (var (ruta, codigo, padre) in jerarquia)
            {
                if (centrosPorCodigo[codigo] != ruta) continue;
                if (Jerarquia.Ciclo(codigo, padre, c => padres.GetValueOrDefault(c)) is not { } ciclo) continue;
                if (ciclo.Any(c => orden[c] < orden[codigo])) continue;
                l.Error($"{ruta}.padre", $"la jerarquía forma un ciclo ({string.Join(" → ", ciclo)})");
            }
        }
    }
}
