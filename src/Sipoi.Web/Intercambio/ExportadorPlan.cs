using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Dom = Sipoi.Domain;

namespace Sipoi.Web.Intercambio;

/// <summary>Builds the exchange document of one entity and POI year (the version in force) from the database.</summary>
public static class ExportadorPlan
{
    public static async Task<DocumentoIntercambio?> ExportarAsync(SipoiDbContext db, string codigoEntidad, int anio, CancellationToken ct = default)
    {
        var entidad = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(e => e.Codigo == codigoEntidad, ct);
        if (entidad is null) return null;
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == entidad.Id && p.Anio == anio, ct);
        if (poi is null) return null;
        var version = poi.VersionVigente!;
        var pei = await db.Peis.AsNoTracking()
            .Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
            .Include(p => p.Oeis).ThenInclude(o => o.Indicadores).ThenInclude(i => i.Valores)
            .AsSplitQuery().SingleAsync(p => p.Id == poi.PeiId, ct);
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidad.Id).OrderBy(c => c.Codigo).ToListAsync(ct);
        var codigoCentro = centros.ToDictionary(c => c.Id, c => c.Codigo);
        var fichas = await db.Fichas.AsNoTracking().Include(f => f.Aeis).Where(f => f.EntidadId == entidad.Id).OrderBy(f => f.Id).ToListAsync(ct);
        var aeis = pei.Oeis.SelectMany(o => o.Aeis).ToDictionary(a => a.Id, a => a.Codigo);
        var actividades = await db.Actividades.AsNoTracking().Include(a => a.Avances).Include(a => a.AvancesFinancieros).Where(a => a.PoiId == poi.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var programaciones = await db.Programaciones.AsNoTracking().Include(p => p.Metas).Include(p => p.Financiera)
            .Include(p => p.ElementosCriticos).Include(p => p.Necesidades).AsSplitQuery()
            .Where(p => p.PoiVersionId == version.Id).ToDictionaryAsync(p => p.ActividadId, ct);
        var presupuesto = await db.LineasPresupuesto.AsNoTracking().Where(l => l.EntidadId == entidad.Id && l.Anio == anio).OrderBy(l => l.Id).ToListAsync(ct);
        var fichaCodigo = fichas.ToDictionary(f => f.Id, f => f.Codigo);
        // Every month's workflow state, so an import counts exactly what this entity counts (the values are written as registered).
        var seguimiento = (await db.Seguimientos.AsNoTracking().Where(s => s.PoiId == poi.Id)
                .Select(s => new { s.CentroCostoId, s.Mes, s.Estado }).ToListAsync(ct))
            .Select(s => new SeguimientoDto { CentroCosto = codigoCentro[s.CentroCostoId], Mes = s.Mes, Estado = s.Estado })
            .OrderBy(s => s.CentroCosto, StringComparer.Ordinal).ThenBy(s => s.Mes).ToList();
        var resumenes = (await db.ResumenesPeriodo.AsNoTracking().Where(r => r.PoiId == poi.Id)
                .Select(r => new { r.CentroCostoId, r.PeriodoCodigo, r.Texto }).ToListAsync(ct))
            .Select(r => new ResumenPeriodoDto { CentroCosto = codigoCentro[r.CentroCostoId], Periodo = r.PeriodoCodigo, Texto = r.Texto })
            .OrderBy(r => r.CentroCosto, StringComparer.Ordinal).ThenBy(r => r.Periodo, StringComparer.Ordinal).ToList();
        var cfg = entidad.Configuracion;
        var textos = await ConsultaTextos.TextosAsync(db, entidad.Id, ct);

        return new DocumentoIntercambio
        {
            Entidad = new EntidadDto
            {
                Codigo = entidad.Codigo,
                Nombre = entidad.Nombre,
                Tipo = entidad.Tipo,
                Siglas = entidad.Siglas,
                Vision = entidad.Vision,
                Textos = textos.SinTextos() ? null : textos,
            },
            Configuracion = new ConfiguracionDto
            {
                Metodo = cfg.Metodo,
                Bandas = new BandasDto { MedioDesde = cfg.BandaMedioDesde, AltoDesde = cfg.BandaAltoDesde },
                EtiquetasBandas = new TextosBandasDto { Bajo = cfg.EtiquetaBajo, Medio = cfg.EtiquetaMedio, Alto = cfg.EtiquetaAlto },
                LeyendasBandas = cfg.LeyendaBajo is null || cfg.LeyendaMedio is null || cfg.LeyendaAlto is null
                    ? null
                    : new TextosBandasDto { Bajo = cfg.LeyendaBajo, Medio = cfg.LeyendaMedio, Alto = cfg.LeyendaAlto },
                ToleranciaInferior = cfg.ToleranciaInferior,
                ToleranciaSuperior = cfg.ToleranciaSuperior,
                DiasCierre = cfg.DiasCierre,
                MostrarEnviados = cfg.MostrarEnviados,
                RitmoReporte = cfg.Ritmo,
                ValidacionJefatura = cfg.ValidacionJefatura,
                PorcentajesEnteros = cfg.PorcentajesEnteros,
            },
            CentrosCosto = centros.Select(c => new CentroCostoDto
            {
                Codigo = c.Codigo,
                Nombre = c.Nombre,
                Padre = c.PadreId is { } p ? codigoCentro[p] : null,
                Responsable = c.Responsable,
                Gerencia = c.EsGerencia,
            }).ToList(),
            Fichas = fichas.Select(f => new FichaDto
            {
                Codigo = f.Codigo,
                Nombre = f.Nombre,
                Gerencia = f.Gerencia,
                CentroCosto = f.CentroCostoId is { } c ? codigoCentro[c] : null,
                Responsable = f.Responsable,
                Objetivo = f.Objetivo,
                Peso = f.Peso,
                Aei = f.Aeis.Select(a => aeis[a.AeiId]).Order(StringComparer.Ordinal).ToList(),
            }).ToList(),
            Pei = Pei(pei, codigoCentro),
            Poi = new PoiDto
            {
                Anio = poi.Anio,
                Version = version.Etiqueta,
                TipoVersion = version.Tipo,
                Motivo = version.Motivo,
                Aprobacion = version.DocumentoAprobacion is { } doc && version.FechaAprobacion is { } fecha ? new AprobacionDto { Documento = doc, Fecha = fecha } : null,
                Presupuesto = presupuesto.Count == 0 ? null : new PresupuestoDto
                {
                    Ingresos = presupuesto.Where(l => l.Tipo == TipoLineaPresupuesto.Ingreso).Select(l => new PartidaPresupuestalDto { Codigo = l.Codigo, Nombre = l.Nombre, Monto = l.Monto }).ToList(),
                    Egresos = presupuesto.Where(l => l.Tipo == TipoLineaPresupuesto.Egreso).Select(l => new PartidaPresupuestalDto { Codigo = l.Codigo, Nombre = l.Nombre, Monto = l.Monto }).ToList(),
                },
                Actividades = actividades.Where(a => programaciones.ContainsKey(a.Id)).Select(a => Actividad(a, programaciones[a.Id], codigoCentro, aeis, fichaCodigo)).ToList(),
                Seguimiento = seguimiento,
                ResumenesPeriodo = resumenes,
            },
        };
    }

    /// <summary>
    /// The PEI as the exchange file carries it: definitions, expected and obtained values, indicators in the order they were
    /// created. The PEI's Excel download (Peis/ImportarExcel) writes the same document (its sheet leaves the obtained values out).
    /// </summary>
    public static PeiDto Pei(Dom.Estrategia.Pei pei, IReadOnlyDictionary<int, string> codigoCentro) => new()
    {
        Codigo = pei.Codigo,
        Nombre = pei.Nombre,
        Inicio = pei.Inicio,
        Fin = pei.Fin,
        Mision = pei.Mision,
        Vision = pei.Vision,
        Estado = pei.Estado,
        Oei = pei.Oeis.OrderBy(o => o.Prioridad).Select(o => new OeiDto
        {
            Codigo = o.Codigo,
            Enunciado = o.Enunciado,
            Prioridad = o.Prioridad,
            Indicadores = o.Indicadores.OrderBy(i => i.Id).Select(i => Indicador(i, codigoCentro)).ToList(),
            Aei = o.Aeis.OrderBy(a => a.Prioridad).Select(a => new AeiDto
            {
                Codigo = a.Codigo,
                Enunciado = a.Enunciado,
                Prioridad = a.Prioridad,
                Responsable = a.Responsable,
                Indicadores = a.Indicadores.OrderBy(i => i.Id).Select(i => Indicador(i, codigoCentro)).ToList(),
            }).ToList(),
        }).ToList(),
    };

    private static IndicadorDto Indicador(Dom.Estrategia.Indicador i, IReadOnlyDictionary<int, string> centros) => new()
    {
        Codigo = i.Codigo,
        Nombre = i.Nombre,
        Unidad = i.Unidad,
        Sentido = i.Sentido,
        LineaBase = i.LineaBaseAnio is { } anio && i.LineaBaseValor is { } valor ? new LineaBaseDto { Anio = anio, Valor = valor } : null,
        LogrosEsperados = i.Valores.Where(v => v.Periodo == Dom.Estrategia.PeriodoIndicador.Anual && v.LogroEsperado is not null).ToDictionary(v => v.Anio, v => v.LogroEsperado!.Value),
        ValoresObtenidos = i.Valores.Where(v => v.Periodo == Dom.Estrategia.PeriodoIndicador.Anual && v.ValorQueCuenta is not null).ToDictionary(v => v.Anio, v => v.ValorQueCuenta!.Value),
        ValoresObtenidosSemestre = i.Valores.Where(v => v.Periodo != Dom.Estrategia.PeriodoIndicador.Anual && v.ValorQueCuenta is not null)
            .ToDictionary(v => $"{v.Anio}-S{(int)v.Periodo}", v => v.ValorQueCuenta!.Value),
        Fuente = i.Fuente,
        MetodoCalculo = i.MetodoCalculo,
        CentroCostoResponsable = i.CentroCostoResponsableId is { } c ? centros[c] : null,
        MaximoPermisible = i.MaximoPermisible,
        MinimoPermisible = i.MinimoPermisible,
    };

    private static ActividadDto Actividad(ActividadOperativa a, ProgramacionActividad p, Dictionary<int, string> centros, Dictionary<int, string> aeis, Dictionary<int, string> fichas)
    {
        var financieroEjecutado = new decimal?[12];
        foreach (var av in a.Avances) financieroEjecutado[av.Mes - 1] = av.EjecutadoFinanciero;
        return new ActividadDto
        {
            Codigo = a.Codigo,
            Tipo = a.Tipo,
            Nombre = a.Nombre,
            CentroCosto = centros[a.CentroCostoId],
            Aei = aeis[a.AeiId],
            Ficha = a.FichaId is { } f ? fichas[f] : null,
            UnidadMedida = a.UnidadMedida,
            Comportamiento = p.Comportamiento,
            Peso = p.Peso,
            Programado = p.ProgramadoFisico(),
            Ejecutado = a.EjecutadoFisico(),
            FinancieroProgramado = p.ProgramadoFinanciero(),
            FinancieroEjecutado = financieroEjecutado,
            Responsable = a.Responsable,
            MesInicio = a.MesInicio,
            MesFin = a.MesFin,
            CategoriaPresupuestal = a.CategoriaPresupuestal,
            Producto = a.Producto,
            ActividadPresupuestal = a.ActividadPresupuestal,
            Cui = a.Cui,
            Prioridad = a.Prioridad,
            Numero = a.Numero,
            Grupo = a.Grupo,
            MetaAnual = p.MetaAnual,
            // A genérica appears when it has programming or execution (or both).
            FinancieroPorGenerica = p.Financiera.Select(x => x.Generica).Concat(a.AvancesFinancieros.Select(x => x.Generica))
                .Distinct().Order(StringComparer.Ordinal).Select(g =>
            {
                var programado = new decimal[12];
                foreach (var x in p.Financiera.Where(x => x.Generica == g)) programado[x.Mes - 1] = x.Monto;
                var ejecutado = new decimal?[12];
                foreach (var x in a.AvancesFinancieros.Where(x => x.Generica == g)) ejecutado[x.Mes - 1] = x.Monto;
                return new FinancieroGenericaDto { Generica = g, Programado = programado, Ejecutado = ejecutado };
            }).ToList(),
            Justificaciones = a.Avances.Where(v => v.Logros is not null || v.Dificultades is not null || v.MedidasCorrectivas is not null)
                .OrderBy(v => v.Mes)
                .Select(v => new JustificacionDto { Mes = v.Mes, Logros = v.Logros, Dificultades = v.Dificultades, MedidasCorrectivas = v.MedidasCorrectivas })
                .ToList(),
            Indicador = p.Indicador is { } enunciado && p.TipoIndicador is { } tipo ? new IndicadorActividadDto { Enunciado = enunciado, Tipo = tipo } : null,
            ElementosCriticos = p.ElementosCriticos.OrderBy(x => x.Orden).Select(x => x.Texto).ToList(),
            Necesidades = p.Necesidades.OrderBy(x => x.Orden)
                .Select(x => new NecesidadDto { Codigo = x.Codigo, Detalle = x.Detalle, Cantidad = x.Cantidad, CostoUnitario = x.CostoUnitario }).ToList(),
        };
    }
}
