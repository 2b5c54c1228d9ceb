using Sipoi.Domain;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Interop.Intercambio;

public static partial class LectorIntercambio
{
    // Monthly monitoring: the per-centre review states and the activities' justifications (SeguimientoDto, JustificacionDto).
    private sealed partial class Lector
    {
        /// <summary><c>poi.seguimiento</c>: one entry per cost centre and month at most.</summary>
        private List<SeguimientoDto> Seguimiento(Objeto poi)
        {
            var lista = new List<SeguimientoDto>();
            var vistos = new Dictionary<(string, int), string>();
            foreach (var (valor, ruta) in poi.Lista("seguimiento"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } o) continue;
                var centro = Referencia(o, "centroCosto", refCentros, obligatorio: true);
                var mes = Mes(o, "mes", obligatorio: true);
                var estado = o.Codigo<EstadoSeguimiento>("estado", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<EstadoSeguimiento>());
                if (estado is null && !o.Tomar("estado", true, out _)) continue;
                if (centro is null || mes is null || estado is null) continue;
                if (vistos.TryGetValue((centro, mes.Value), out var primera))
                {
                    l.Error(ruta, $"el centro de costo «{centro}» y el mes {mes} ya figuran en {primera}");
                    continue;
                }
                vistos[(centro, mes.Value)] = ruta;
                lista.Add(new SeguimientoDto { CentroCosto = centro, Mes = mes.Value, Estado = estado.Value });
            }
            return lista;
        }

        /// <summary><c>poi.resumenesPeriodo</c>: a quarter (T1…T4) per cost centre at most once, with its text.</summary>
        private List<ResumenPeriodoDto> ResumenesPeriodo(Objeto poi)
        {
            var lista = new List<ResumenPeriodoDto>();
            var vistos = new Dictionary<(string, string), string>();
            foreach (var (valor, ruta) in poi.Lista("resumenesPeriodo"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } o) continue;
                var centro = Referencia(o, "centroCosto", refCentros, obligatorio: true);
                var periodo = o.Texto("periodo", obligatorio: true, ClaseTexto.Codigo);
                var texto = o.Texto("texto", obligatorio: true, ClaseTexto.TextoLargo);
                if (periodo is not null && (!Periodo.TryParse(periodo, out var p) || p.Tipo != TipoPeriodo.Trimestre))
                {
                    l.Error(o.RutaDe("periodo"), $"«{periodo}» no es un trimestre: use T1, T2, T3 o T4");
                    continue;
                }
                if (centro is null || periodo is null || texto is null) continue;
                var clave = (centro, periodo.Trim().ToUpperInvariant());
                if (vistos.TryGetValue(clave, out var primera))
                {
                    l.Error(ruta, $"el centro de costo «{centro}» y el periodo {clave.Item2} ya figuran en {primera}");
                    continue;
                }
                vistos[clave] = ruta;
                lista.Add(new ResumenPeriodoDto { CentroCosto = centro, Periodo = clave.Item2, Texto = texto });
            }
            return lista;
        }

        /// <summary><c>justificaciones</c> of an activity: one entry per month at most; null when an entry is wrong.</summary>
        private List<JustificacionDto>? Justificaciones(Objeto actividad)
        {
            var lista = new List<JustificacionDto>();
            var vistos = new Dictionary<int, string>();
            var completa = true;
            foreach (var (valor, ruta) in actividad.Lista("justificaciones"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } o)
                {
                    completa = false;
                    continue;
                }
                var mes = Mes(o, "mes", obligatorio: true);
                var logros = o.Texto("logros");
                var dificultades = o.Texto("dificultades");
                var medidas = o.Texto("medidasCorrectivas");
                if (mes is null)
                {
                    completa = false;
                    continue;
                }
                if (vistos.TryGetValue(mes.Value, out var primera))
                {
                    l.Error(o.RutaDe("mes"), $"el mes {mes} ya tiene justificación en {primera}");
                    completa = false;
                    continue;
                }
                vistos[mes.Value] = ruta;
                lista.Add(new JustificacionDto { Mes = mes.Value, Logros = logros, Dificultades = dificultades, MedidasCorrectivas = medidas });
            }
            return completa ? lista.OrderBy(j => j.Mes).ToList() : null;
        }
    }
}
