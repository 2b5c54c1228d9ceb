using System.Text.Json;
using Sipoi.Domain;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;

namespace Sipoi.Interop.Intercambio;

public static partial class LectorIntercambio
{
    // The POI year, its budget and its activities (the DTOs of Poi.cs).
    private sealed partial class Lector
    {
        private PoiDto? Poi(Objeto? p)
        {
            if (p is not { } o) return null;
            var anio = o.Entero("anio", obligatorio: true);
            var version = o.Texto("version");
            var tipoVersion = o.Codigo<TipoVersionPoi>("tipoVersion", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<TipoVersionPoi>());
            var motivo = o.Texto("motivo", clase: ClaseTexto.TextoLargo);
            AprobacionDto? aprobacion = null;
            if (o.Hijo("aprobacion") is { } a)
            {
                var documento = a.Texto("documento", obligatorio: true);
                var fecha = a.Fecha("fecha", obligatorio: true);
                if (documento is not null && fecha is not null) aprobacion = new AprobacionDto { Documento = documento, Fecha = fecha.Value };
            }
            PresupuestoDto? presupuesto = null;
            if (o.Hijo("presupuesto") is { } pr)
            {
                presupuesto = new PresupuestoDto
                {
                    Ingresos = pr.Lista("ingresos").Select(x => Partida(x.Valor, x.Ruta)).OfType<PartidaPresupuestalDto>().ToList(),
                    Egresos = pr.Lista("egresos").Select(x => Partida(x.Valor, x.Ruta)).OfType<PartidaPresupuestalDto>().ToList(),
                };
            }
            var lista = o.Lista("actividades").Select(x => Actividad(x.Valor, x.Ruta)).ToList();
            var seguimiento = o.Tomar("seguimiento", false, out _) ? Seguimiento(o) : null;
            var resumenes = ResumenesPeriodo(o);
            if (anio is null) return null;
            return new PoiDto
            {
                Anio = anio.Value,
                Version = version,
                TipoVersion = tipoVersion ?? TipoVersionPoi.Anual,
                Motivo = motivo,
                Aprobacion = aprobacion,
                Presupuesto = presupuesto,
                Actividades = lista.OfType<ActividadDto>().ToList(),
                Seguimiento = seguimiento,
                ResumenesPeriodo = resumenes,
            };
        }

        private PartidaPresupuestalDto? Partida(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre");
            var monto = o.Numero("monto", obligatorio: true);
            return codigo is null || monto is null ? null : new PartidaPresupuestalDto { Codigo = codigo, Nombre = nombre, Monto = monto.Value };
        }

        private ActividadDto? Actividad(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var tipo = o.Codigo<TipoActividad>("tipo", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<TipoActividad>());
            var nombre = o.Texto("nombre", obligatorio: true);
            var centroCosto = Referencia(o, "centroCosto", refCentros, obligatorio: true);
            var aei = Referencia(o, "aei", refAeis, obligatorio: true);
            var ficha = Referencia(o, "ficha", refFichas);
            var unidad = o.Texto("unidadMedida");
            var comportamiento = o.Codigo<Comportamiento>("comportamiento", ComportamientoTexto.TryParse,
                CodigosIntercambio.Lista(Enum.GetValues<Comportamiento>().Select(c => c.Codigo()).ToList()));
            var comportamientoLeido = comportamiento is not null || !o.Tomar("comportamiento", false, out _);
            var peso = Peso(o);
            var programado = Metas(o.Meses("programado", obligatorio: true, admiteNull: false));
            var ejecutado = o.Meses("ejecutado", obligatorio: true, admiteNull: true);
            var finProgramado = o.Tomar("financieroProgramado", false, out _)
                ? Metas(o.Meses("financieroProgramado", obligatorio: false, admiteNull: false))
                : new decimal[12];
            var finEjecutado = o.Tomar("financieroEjecutado", false, out _)
                ? o.Meses("financieroEjecutado", obligatorio: false, admiteNull: true)
                : new decimal?[12];
            var responsable = o.Texto("responsable");
            var mesInicio = Mes(o, "mesInicio");
            var mesFin = Mes(o, "mesFin");
            if (ActividadOperativa.VerificarMeses(mesInicio, mesFin) is { } meses) l.Error(o.RutaDe("mesInicio"), meses);
            var categoria = o.Texto("categoriaPresupuestal");
            var producto = o.Texto("producto");
            var actividadPresupuestal = o.Texto("actividadPresupuestal");
            var cui = o.Texto("cui", clase: ClaseTexto.Codigo);
            var prioridad = Prioridad(o, obligatorio: false);
            var numero = o.Texto("numero", clase: ClaseTexto.Codigo);
            var grupo = o.Texto("grupo");
            var metaAnual = o.Numero("metaAnual");
            if (metaAnual is { } meta && programado is not null && comportamientoLeido)
            {
                var c = comportamiento ?? Comportamiento.Suma;
                var anual = Agregacion.Programado(c, programado, Periodo.Anual);
                if (meta != anual)
                    l.Error(o.RutaDe("metaAnual"),
                        $"{Lectura.Num(meta)} no coincide con el valor anual de programado ({Lectura.Num(anual)}, comportamiento «{c.Codigo()}»)");
            }
            var porGenerica = PorGenerica(o, finProgramado);
            var justificaciones = Justificaciones(o);
            var detalle = Detalle(o, codigo);

            if (codigo is not null) actividades.Add((ruta, codigo));
            if (codigo is null || nombre is null || centroCosto is null || aei is null || !comportamientoLeido
                || programado is null || ejecutado is null || finProgramado is null || finEjecutado is null || porGenerica is null
                || justificaciones is null || detalle is not { } d)
                return null;
            return new ActividadDto
            {
                Codigo = codigo,
                Tipo = tipo ?? TipoActividad.AO,
                Nombre = nombre,
                CentroCosto = centroCosto,
                Aei = aei,
                Ficha = ficha,
                UnidadMedida = unidad,
                Comportamiento = comportamiento ?? Comportamiento.Suma,
                Peso = peso,
                Programado = programado,
                Ejecutado = ejecutado,
                FinancieroProgramado = finProgramado,
                FinancieroEjecutado = finEjecutado,
                Responsable = responsable,
                MesInicio = mesInicio,
                MesFin = mesFin,
                CategoriaPresupuestal = categoria,
                Producto = producto,
                ActividadPresupuestal = actividadPresupuestal,
                Cui = cui,
                Prioridad = prioridad,
                Numero = numero,
                Grupo = grupo,
                MetaAnual = metaAnual,
                FinancieroPorGenerica = porGenerica,
                Justificaciones = justificaciones,
                Indicador = d.Indicador,
                ElementosCriticos = d.Elementos,
                Necesidades = d.Necesidades,
            };
        }

        /// <summary>The split by genérica; null when an entry is wrong. Its monthly sums must equal the total.</summary>
        private List<FinancieroGenericaDto>? PorGenerica(Objeto o, decimal[]? total)
        {
            var lista = new List<FinancieroGenericaDto>();
            var codigos = new List<(string Ruta, string Codigo)>();
            var completa = true;
            foreach (var (valor, ruta) in o.Lista("financieroPorGenerica"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } g)
                {
                    completa = false;
                    continue;
                }
                var generica = g.Texto("generica", obligatorio: true, ClaseTexto.Codigo);
                var programado = Metas(g.Meses("programado", obligatorio: true, admiteNull: false));
                var ejecutado = g.Tomar("ejecutado", false, out _)
                    ? g.Meses("ejecutado", obligatorio: false, admiteNull: true)
                    : new decimal?[12];
                if (generica is not null) codigos.Add((ruta, generica));
                if (generica is null || programado is null || ejecutado is null)
                {
                    completa = false;
                    continue;
                }
                lista.Add(new FinancieroGenericaDto { Generica = generica, Programado = programado, Ejecutado = ejecutado });
            }
            CodigosUnicos(codigos, "generica", "genérica", "repetida");
            if (!completa) return null;

            if (lista.Count > 0 && total is not null)
            {
                var diferencias = Enumerable.Range(0, 12)
                    .Select(m => (Mes: m, Suma: lista.Sum(g => g.Programado[m])))
                    .Where(x => x.Suma != total[x.Mes])
                    .Select(x => $"{Meses.Nombre(x.Mes + 1).ToLowerInvariant()} {Lectura.Num(x.Suma)} ≠ {Lectura.Num(total[x.Mes])}")
                    .ToList();
                if (diferencias.Count > 0)
                    l.Error(o.RutaDe("financieroPorGenerica"),
                        $"la suma por genérica no coincide con financieroProgramado ({string.Join("; ", diferencias)})");
            }
            return lista;
        }
    }
}
