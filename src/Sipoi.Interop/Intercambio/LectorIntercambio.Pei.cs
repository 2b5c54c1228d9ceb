using System.Text.Json;
using Sipoi.Domain;
using Sipoi.Domain.Estrategia;

namespace Sipoi.Interop.Intercambio;

public static partial class LectorIntercambio
{
    // The PEI: OEI, AEI and their indicators (the DTOs of Pei.cs).
    private sealed partial class Lector
    {
        private PeiDto? Pei(Objeto? p)
        {
            if (p is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var inicio = o.Entero("inicio");
            var fin = o.Entero("fin");
            var mision = o.Texto("mision", clase: ClaseTexto.TextoLargo);
            var nombre = o.Texto("nombre");
            var vision = o.Texto("vision", clase: ClaseTexto.TextoLargo);
            var estado = o.Codigo<EstadoPei>("estado", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<EstadoPei>());
            var oei = o.Lista("oei").Select(x => (x.Ruta, Dto: Oei(x.Valor, x.Ruta))).ToList();
            PrioridadesUnicas(oei.Select(x => (x.Ruta, x.Dto?.Prioridad)));
            if (codigo is null) return null;
            return new PeiDto
            {
                Codigo = codigo,
                Inicio = inicio,
                Fin = fin,
                Mision = mision,
                Nombre = nombre,
                Vision = vision,
                Estado = estado,
                Oei = oei.Select(x => x.Dto).OfType<OeiDto>().ToList(),
            };
        }

        private OeiDto? Oei(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var enunciado = o.Texto("enunciado", obligatorio: true);
            var prioridad = Prioridad(o, obligatorio: true);
            var listaIndicadores = o.Lista("indicadores").Select(x => Indicador(x.Valor, x.Ruta)).ToList();
            var aei = o.Lista("aei").Select(x => (x.Ruta, Dto: Aei(x.Valor, x.Ruta))).ToList();
            PrioridadesUnicas(aei.Select(x => (x.Ruta, x.Dto?.Prioridad)));
            if (codigo is not null) oeis.Add((ruta, codigo));
            if (codigo is null || enunciado is null || prioridad is null) return null;
            return new OeiDto
            {
                Codigo = codigo,
                Enunciado = enunciado,
                Prioridad = prioridad.Value,
                Indicadores = listaIndicadores.OfType<IndicadorDto>().ToList(),
                Aei = aei.Select(x => x.Dto).OfType<AeiDto>().ToList(),
            };
        }

        private AeiDto? Aei(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var enunciado = o.Texto("enunciado", obligatorio: true);
            var prioridad = Prioridad(o, obligatorio: true);
            var responsable = o.Texto("responsable");
            var listaIndicadores = o.Lista("indicadores").Select(x => Indicador(x.Valor, x.Ruta)).ToList();
            if (codigo is not null) aeis.Add((ruta, codigo));
            if (codigo is null || enunciado is null || prioridad is null) return null;
            return new AeiDto
            {
                Codigo = codigo,
                Enunciado = enunciado,
                Prioridad = prioridad.Value,
                Responsable = responsable,
                Indicadores = listaIndicadores.OfType<IndicadorDto>().ToList(),
            };
        }

        private IndicadorDto? Indicador(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var unidad = o.Texto("unidad");
            var sentido = o.Codigo<Sentido>("sentido", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<Sentido>());
            LineaBaseDto? lineaBase = null;
            if (o.Hijo("lineaBase") is { } lb)
            {
                var anio = lb.Entero("anio", obligatorio: true);
                var valor = lb.Numero("valor", obligatorio: true);
                if (anio is not null && valor is not null) lineaBase = new LineaBaseDto { Anio = anio.Value, Valor = valor.Value };
            }
            var logros = PorAnio(o, "logrosEsperados");
            var obtenidos = PorAnio(o, "valoresObtenidos");
            var fuente = o.Texto("fuente");
            var metodo = o.Texto("metodoCalculo", clase: ClaseTexto.TextoLargo);
            var responsable = Referencia(o, "centroCostoResponsable", refCentros);
            var maximo = o.Numero("maximoPermisible");
            var minimo = o.Numero("minimoPermisible");
            var semestres = PorSemestre(o, "valoresObtenidosSemestre");
            if (codigo is not null) indicadores.Add((ruta, codigo));
            if (codigo is null || nombre is null) return null;
            return new IndicadorDto
            {
                Codigo = codigo,
                Nombre = nombre,
                Unidad = unidad,
                Sentido = sentido ?? Sentido.Ascendente,
                LineaBase = lineaBase,
                LogrosEsperados = logros,
                ValoresObtenidos = obtenidos,
                Fuente = fuente,
                MetodoCalculo = metodo,
                CentroCostoResponsable = responsable,
                MaximoPermisible = maximo,
                MinimoPermisible = minimo,
                ValoresObtenidosSemestre = semestres,
            };
        }

        // A null value means "no value that year" and is read as absent.
        private SortedDictionary<int, decimal> PorAnio(Objeto o, string nombre)
        {
            var valores = new SortedDictionary<int, decimal>();
            foreach (var (clave, valor, ruta) in o.Miembros(nombre))
            {
                if (!Anio().IsMatch(clave))
                {
                    l.Error(o.RutaDe(nombre), $"la clave «{clave}» no es un año de cuatro dígitos");
                    continue;
                }
                if (valor.ValueKind != JsonValueKind.Null && l.ComoNumero(valor, ruta) is { } v) valores[int.Parse(clave, System.Globalization.CultureInfo.InvariantCulture)] = v;
            }
            return valores;
        }

        private SortedDictionary<string, decimal> PorSemestre(Objeto o, string nombre)
        {
            var valores = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (clave, valor, ruta) in o.Miembros(nombre))
            {
                if (!Semestre().IsMatch(clave))
                {
                    l.Error(o.RutaDe(nombre), $"la clave «{clave}» no es un semestre AAAA-S1 o AAAA-S2");
                    continue;
                }
                if (valor.ValueKind != JsonValueKind.Null && l.ComoNumero(valor, ruta) is { } v) valores[clave] = v;
            }
            return valores;
        }
    }
}
