using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Informes;
using Sipoi.Web.Pois;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Reportes;

/// <summary>How the POI matrix groups its activities: one block per ficha de proceso, or one per cost centre.</summary>
public enum AgrupacionMatriz { FichaProceso, CentroCosto }

/// <summary>
/// Builds each report model of DOMAIN.md §6 from the database. Queries only read rows; every figure
/// comes from the evaluation engine (through <see cref="ConsultaEvaluacion"/>, the one DB→engine path)
/// or from the Interop factories that call the domain's roll-up rules. See README.md in this folder.
/// </summary>
public static partial class ConstructorReportes
{
    public const string NotaSoloCentrosPropios = "Solo los centros de costo asignados al usuario";

    /// <summary>
    /// POI matrix grouped as <paramref name="agrupacion"/> says: by ficha de proceso (the default, as the reference POI
    /// prints it; activities without a ficha get one sheet per cost centre) or by cost centre (every activity under its
    /// centre). The pages /poi/{año}/fichas and /poi/{año}/centros render this same model.
    /// </summary>
    /// <param name="centros">An Operador's cost centres (null: all).</param>
    public static async Task<MatrizPoi> MatrizAsync(SipoiDbContext db, DatosReporte d, IReadOnlyCollection<int>? centros, CancellationToken ct,
        AgrupacionMatriz agrupacion = AgrupacionMatriz.FichaProceso)
    {
        var vista = await ConsultaPoi.CargarAsync(db, d.Entidad.Id, d.Anio, ct, centros: centros)
            ?? throw new InvalidOperationException($"No hay POI {d.Anio} de {d.Entidad.Codigo}.");
        return await MatrizAsync(db, d, vista, centros is not null, agrupacion, ct);
    }

    /// <summary>The matrix of an already loaded POI (<paramref name="vista"/>, filtered to an Operador's centres when <paramref name="soloCentrosPropios"/>).</summary>
    public static async Task<MatrizPoi> MatrizAsync(SipoiDbContext db, DatosReporte d, VistaPoi vista, bool soloCentrosPropios,
        AgrupacionMatriz agrupacion, CancellationToken ct)
    {
        var alineamiento = await AlineamientoPorAeiAsync(db, d, ct);
        // Only AEIs of the POI's PEI have lines: a ficha may still declare an AEI of an earlier PEI.
        IReadOnlyList<AlineamientoMatriz> Lineas(IEnumerable<string> aeis) => aeis.Distinct(StringComparer.Ordinal)
            .Where(alineamiento.ContainsKey).SelectMany(a => alineamiento[a])
            .OrderBy(l => l.OeiCodigo, StringComparer.Ordinal).ThenBy(l => l.AeiCodigo, StringComparer.Ordinal).ToList();
        HojaMatrizPoi PorCentro(IGrouping<(string Codigo, string Nombre), FilaActividad> g) =>
            new(g.Key.Codigo, $"{g.Key.Codigo} {g.Key.Nombre}", Lineas(g.Select(a => a.AeiCodigo)), g.Select(ActividadMatrizDe).ToList());

        var hojas = new List<HojaMatrizPoi>();
        var sinFicha = vista.Actividades;
        if (agrupacion == AgrupacionMatriz.FichaProceso)
        {
            var fichas = await (
                from f in db.Fichas.AsNoTracking()
                from c in db.CentrosCosto.Where(c => c.Id == f.CentroCostoId).DefaultIfEmpty()
                where f.EntidadId == d.Entidad.Id
                select new { f.Id, f.Codigo, f.Nombre, f.Gerencia, Unidad = c == null ? null : c.Nombre, f.Responsable, f.Objetivo }).ToListAsync(ct);
            var aeisDeFicha = (await (
                from fa in db.FichasAei.AsNoTracking()
                join a in db.Aeis on fa.AeiId equals a.Id
                where fa.EntidadId == d.Entidad.Id
                select new { fa.FichaId, a.Codigo }).ToListAsync(ct)).ToLookup(x => x.FichaId, x => x.Codigo);

            var porFicha = vista.Actividades.Where(a => a.FichaCodigo is not null).ToLookup(a => a.FichaCodigo!, StringComparer.Ordinal);
            foreach (var f in fichas.Where(f => porFicha.Contains(f.Codigo))
                         .OrderBy(f => f.Gerencia, StringComparer.Ordinal).ThenBy(f => f.Codigo, StringComparer.Ordinal))
            {
                var actividades = porFicha[f.Codigo].ToList();
                // The AEIs of the PEI the ficha's header declares; without them, those its activities serve.
                var lineas = Lineas(aeisDeFicha[f.Id]);
                if (lineas.Count == 0) lineas = Lineas(actividades.Select(a => a.AeiCodigo));
                hojas.Add(new HojaMatrizPoi(f.Codigo, f.Unidad ?? actividades[0].CentroNombre, lineas, actividades.Select(ActividadMatrizDe).ToList())
                {
                    FichaProceso = $"{f.Codigo} {f.Nombre}",
                    ResponsableProceso = f.Responsable,
                    ObjetivoProceso = f.Objetivo,
                    Gerencia = f.Gerencia,
                });
            }
            sinFicha = vista.Actividades.Where(a => a.FichaCodigo is null).ToList();
        }
        hojas.AddRange(sinFicha.GroupBy(a => (a.CentroCodigo, a.CentroNombre)).OrderBy(g => g.Key.CentroCodigo, StringComparer.Ordinal).Select(PorCentro));

        // A workbook needs a sheet: an Operador without cost centres gets one that says there is nothing to show.
        if (hojas.Count == 0) hojas.Add(new HojaMatrizPoi("Sin actividades", "Ningún centro de costo asignado al usuario tiene actividades en el POI", [], []));
        var matriz = new MatrizPoi(d.NombreEntidad, d.Anio, d.PeriodoPei, hojas);
        return soloCentrosPropios ? matriz with { Titulo = $"{matriz.Titulo} — {NotaSoloCentrosPropios.ToLowerInvariant()}" } : matriz;
    }

    // Start and end months as the POI states them. Unstated means the whole year, as the domain reads it when it checks
    // the targets (PropuestaProgramacion: enero … diciembre) and as the reference POI prints an activity with a single
    // month's target ("Enero", "Diciembre"); never the first and last month with a target.
    private static ActividadMatriz ActividadMatrizDe(FilaActividad a) =>
        ActividadMatriz.Desde(a.Numero ?? a.Codigo, a.Nombre, a.UnidadMedida ?? "", a.Responsable ?? "", a.MesInicio ?? 1, a.MesFin ?? 12,
            a.Anual, a.Comportamiento, a.Programado) with
        { Codigo = a.Codigo, Grupo = a.Grupo, AeiCodigo = a.AeiCodigo, CentroCosto = a.CentroCodigo, Ficha = a.FichaCodigo };

    /// <summary>For each AEI of the PEI, its lines OEI → AEI → indicator with the year's expected value (one line without indicator when it has none).</summary>
    private static async Task<Dictionary<string, List<AlineamientoMatriz>>> AlineamientoPorAeiAsync(SipoiDbContext db, DatosReporte d, CancellationToken ct)
    {
        var anio = d.Anio;
        var filas = await (
            from a in db.Aeis.AsNoTracking()
            join o in db.Oeis on a.OeiId equals o.Id
            from i in db.Indicadores.Where(i => i.AeiId == a.Id).DefaultIfEmpty()
            where o.PeiId == d.Evaluacion.PeiId
            select new
            {
                OeiCodigo = o.Codigo,
                OeiEnunciado = o.Enunciado,
                a.Codigo,
                a.Enunciado,
                IndicadorCodigo = i == null ? null : i.Codigo,
                Indicador = i == null ? null : i.Nombre,
                Unidad = i == null ? null : i.Unidad,
                Meta = i == null ? null : i.Valores.Where(v => v.Anio == anio && v.Periodo == PeriodoIndicador.Anual).Select(v => v.LogroEsperado).FirstOrDefault(),
            }).ToListAsync(ct);
        return filas.GroupBy(f => f.Codigo, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.OrderBy(f => f.IndicadorCodigo, StringComparer.Ordinal)
                .Select(f => new AlineamientoMatriz(f.OeiCodigo, f.OeiEnunciado, f.Codigo, f.Enunciado, f.Indicador ?? "", f.Unidad ?? "", f.Meta))
                .ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Execution table up to <paramref name="mesCorte"/>. Executed months come from the POI query, which reads them through
    /// the one reader of what counts (<see cref="EjecucionQueCuenta"/>): the table shows exactly what the evaluation counts,
    /// from one read instead of one engine run per month.
    /// </summary>
    public static async Task<TablaEjecucion> EjecucionAsync(SipoiDbContext db, DatosReporte d, int mesCorte, IReadOnlyCollection<int>? centros, CancellationToken ct)
    {
        if (mesCorte is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(mesCorte), mesCorte, "El mes de corte va de 1 a 12.");
        var vista = await ConsultaPoi.CargarAsync(db, d.Entidad.Id, d.Anio, ct, centros: centros)
            ?? throw new InvalidOperationException($"No hay POI {d.Anio} de {d.Entidad.Codigo}.");
        var filas = vista.Actividades.Select(a => FilaEjecucion.Desde(
            $"{a.CentroCodigo} {a.CentroNombre}", a.ActividadPresupuestal ?? "", a.Codigo, a.Nombre, a.UnidadMedida ?? "",
            a.Anual, a.Comportamiento, a.Programado, a.Ejecutado, mesCorte)).ToList();
        var subtitulo = $"POI {d.Anio} — versión {d.VersionPoi}" + (centros is null ? "" : $" — {NotaSoloCentrosPropios.ToLowerInvariant()}");
        return new TablaEjecucion(d.NombreEntidad, d.Anio, mesCorte, filas)
        {
            Subtitulo = subtitulo,
            Completitud = await ConsultaCompletitud.CalcularAsync(db, d.Evaluacion, Periodo.AcumuladoAl(mesCorte), ct: ct),
        };
    }

    /// <summary>The periods the monitoring tables and the evaluation report accept.</summary>
    public static IReadOnlyList<Periodo> PeriodosEvaluacion => EvaluacionPoi.PeriodosPermitidos;

    /// <summary>
    /// The engine runs of an evaluation: the evaluated period first, then the semester and year columns it prints that
    /// have ended by then (T1 → T1; T2 → T2, S1; S1 → S1; T4 → T4, S1, S2, Anual; S2 → S2, S1, Anual; Anual → Anual, S1, S2).
    /// A later semester is never run for an earlier cut: its targets would show as 0 % execution before the months have
    /// happened. A quarter's own figures are the evaluated run (the tables' quarter column).
    /// </summary>
    public static async Task<(ResultadoEvaluacion Principal, ResultadoEvaluacion[] Otros)> CorridasAsync(
        SipoiDbContext db, DatosReporte d, Periodo periodo, CancellationToken ct)
    {
        if (!PeriodosEvaluacion.Contains(periodo))
            throw new ArgumentException(Periodo.NoValido(periodo.Codigo, PeriodosEvaluacion), nameof(periodo));
        var principal = await ConsultaEvaluacion.EvaluarAsync(db, d.Evaluacion, d.Anio, periodo, incluirActividades: false, ct: ct);
        var otros = new List<ResultadoEvaluacion>();
        foreach (var p in PeriodosEvaluacion.Where(p => p.Tipo != TipoPeriodo.Trimestre && p != periodo && p.Hasta <= periodo.Hasta))
            otros.Add(await ConsultaEvaluacion.EvaluarAsync(db, d.Evaluacion, d.Anio, p, incluirActividades: false, ct: ct));
        return (principal, otros.ToArray());
    }

    public static async Task<TablasSeguimiento> SeguimientoAsync(SipoiDbContext db, DatosReporte d, Periodo periodo, CancellationToken ct)
    {
        var (principal, otros) = await CorridasAsync(db, d, periodo, ct);
        return TablasSeguimiento.Desde(d.NombreEntidad, await d.DenominacionesAsync(db, ct), await d.NombresFichasAsync(db, ct), principal, otros) with
        {
            Completitud = await ConsultaCompletitud.CalcularAsync(db, d.Evaluacion, periodo, ct: ct),
            PorcentajesEnteros = d.Evaluacion.Configuracion.PorcentajesEnteros,
        };
    }

    /// <summary>
    /// Evaluation report: figures of the engine, mission from the PEI, the monitoring tables as annexes. The cover's number
    /// and date are the request's (<see cref="SolicitudReporte.Numero"/>, <see cref="SolicitudReporte.Fecha"/>) or the publication's.
    /// </summary>
    public static async Task<InformeEvaluacion> InformeAsync(SipoiDbContext db, DatosReporte d, Periodo periodo, CancellationToken ct) =>
        await NarrativaInforme.AplicarAsync(db, d.Entidad.Id, d.Anio, periodo, d.Evaluacion.Configuracion,
            await InformeSinNarrativaAsync(db, d, periodo, ct), ct);

    /// <summary>The report's figures and tables, without the narrative (what the narrative editor drafts from).</summary>
    public static async Task<InformeEvaluacion> InformeSinNarrativaAsync(SipoiDbContext db, DatosReporte d, Periodo periodo, CancellationToken ct)
    {
        var (principal, otros) = await CorridasAsync(db, d, periodo, ct);
        var denominaciones = await d.DenominacionesAsync(db, ct);
        var unidades = await d.UnidadesIndicadorAsync(db, ct);
        var reportan = await d.UnidadesQueReportanAsync(db, ct);
        var informe = InformeEvaluacion.Desde(d.NombreEntidad, principal, denominaciones);
        IndicadorInforme ConUnidades(IndicadorInforme i) =>
            i with { UnidadMedida = unidades.GetValueOrDefault(i.Codigo), UnidadReporta = reportan.GetValueOrDefault(i.Codigo) };
        var (anteriores, emitidas) = await RecomendacionesInforme.CargarAsync(db, d.Entidad.Id, d.Anio, periodo, ct);
        var completitud = await ConsultaCompletitud.CalcularAsync(db, d.Evaluacion, periodo, ct: ct);
        var anexos = TablasSeguimiento.Desde(d.NombreEntidad, denominaciones, await d.NombresFichasAsync(db, ct), principal, otros) with { Completitud = completitud };
        var textos = await ConsultaTextos.TextosAsync(db, d.Entidad.Id, ct);
        var portada = await ConsultaTextos.PortadaAsync(db, d.Entidad.Id, ct);
        return informe with
        {
            Completitud = completitud,
            Mision = d.Mision,
            // The entity's texts (Administración › Textos institucionales). Without a normative framework of its own, the
            // report prints the POI's legal basis: it is the same list of norms most offices cite in both documents.
            MarcoNormativo = textos.MarcoNormativo ?? textos.BaseLegal,
            Lineamientos = textos.Lineamientos,
            Valores = textos.Valores,
            RecomendacionesAnteriores = anteriores,
            Recomendaciones = emitidas,
            // The cover: the entity's cover data (Administración › Textos institucionales, PortadaInforme); a field not
            // written prints as a blank line. The number is the pattern with a blank sequence number until a request gives one.
            Numero = portada.Numero(null, d.Anio),
            Responsable = portada.OficinaEmisora,
            Lugar = portada.Lugar,
            Firmas = new FirmasInforme
            {
                ElaboradoPor = new Firma(portada.ElaboradoNombre, portada.ElaboradoCargo),
                RevisadoPor = new Firma(portada.RevisadoNombre, portada.RevisadoCargo),
                AprobadoPor = new Firma(portada.AprobadoNombre, portada.AprobadoCargo),
            },
            Oeis = informe.Oeis.Select(o => o with
            {
                Indicadores = o.Indicadores.Select(ConUnidades).ToList(),
                Aeis = o.Aeis.Select(a => a with { Indicadores = a.Indicadores.Select(ConUnidades).ToList() }).ToList(),
            }).ToList(),
            PorcentajesEnteros = d.Evaluacion.Configuracion.PorcentajesEnteros,
            Anexos = anexos with { PorcentajesEnteros = d.Evaluacion.Configuracion.PorcentajesEnteros },
            Procesos = anexos.Procesos,
        };
    }

    /// <summary>
    /// Budget summary: income and expenditure lines of the year, and goods/services per cost centre from the
    /// financial programming of the POI version in force (genérica 2.3 by subgenérica, <see cref="ClasificadorGasto"/>).
    /// When nothing is programmed by genérica the per-centre table stays empty and its note says so.
    /// </summary>
    public static async Task<ResumenPresupuesto> PresupuestoAsync(SipoiDbContext db, DatosReporte d, CancellationToken ct)
    {
        var lineas = await db.LineasPresupuesto.AsNoTracking().Where(l => l.EntidadId == d.Entidad.Id && l.Anio == d.Anio)
            .OrderBy(l => l.Codigo).Select(l => new { l.Tipo, l.Codigo, l.Nombre, l.Monto }).ToListAsync(ct);
        var financiera = await (
            from pf in db.ProgramacionesFinancieras.AsNoTracking()
            join pr in db.Programaciones on pf.ProgramacionId equals pr.Id
            join a in db.Actividades on pr.ActividadId equals a.Id
            join c in db.CentrosCosto on a.CentroCostoId equals c.Id
            where pr.PoiVersionId == d.Evaluacion.PoiVersionId
            select new { c.Codigo, c.Nombre, pf.Generica, pf.Monto }).ToListAsync(ct);

        var costos = financiera.GroupBy(f => (f.Codigo, f.Nombre))
            .Select(g => (g.Key.Codigo, g.Key.Nombre, Costo: ClasificadorGasto.Sumar(g.Select(f => (f.Generica, f.Monto)))))
            .OrderBy(x => x.Codigo, StringComparer.Ordinal).ToList();
        var centros = costos.Where(x => x.Costo.Bienes != 0 || x.Costo.Servicios != 0)
            .Select(x => new CostoCentroCosto(x.Codigo, x.Nombre, x.Costo.Bienes, x.Costo.Servicios)).ToList();
        var sinDesagregar = ClasificadorGasto.Sumar(financiera.Select(f => (f.Generica, f.Monto))).SinDesagregar;

        var fuenteCentros = $"Fuente: programación financiera de las actividades del POI {d.Anio} (versión {d.VersionPoi}); " +
                            "bienes = subgenérica 2.3.1, servicios = subgenérica 2.3.2.";
        var notaCentros = financiera.Count == 0
            ? $"Las actividades del POI {d.Anio} (versión {d.VersionPoi}) no tienen programación financiera por genérica registrada en SIPOI: " +
              "este cuadro queda vacío y no muestra montos estimados."
            : centros.Count == 0 && sinDesagregar == 0
                ? $"La programación financiera del POI {d.Anio} (versión {d.VersionPoi}) no tiene montos en la genérica 2.3 (bienes y servicios): este cuadro queda vacío."
                : fuenteCentros;
        if (sinDesagregar != 0)
            notaCentros += $" {Formato.Soles(sinDesagregar)} de la genérica 2.3 están registrados sin subgenérica (no se sabe si son bienes o servicios) y no figuran en el cuadro.";

        var necesidades = (await (
                from n in db.NecesidadesActividad.AsNoTracking()
                join pr in db.Programaciones on n.ProgramacionId equals pr.Id
                join a in db.Actividades on pr.ActividadId equals a.Id
                join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                where pr.PoiVersionId == d.Evaluacion.PoiVersionId
                select new { Centro = c.Codigo, NombreCentro = c.Nombre, n.Codigo, n.Detalle, n.Cantidad, n.CostoUnitario }).ToListAsync(ct))
            .GroupBy(x => (x.Centro, x.NombreCentro)).OrderBy(g => g.Key.Centro, StringComparer.Ordinal)
            .Select(g => new NecesidadesCentro(g.Key.Centro, g.Key.NombreCentro, ResumenNecesidades.De(g.Select(x => new Necesidad(x.Codigo, x.Detalle, x.Cantidad, x.CostoUnitario)))))
            .ToList();

        return new ResumenPresupuesto(d.NombreEntidad, d.Anio,
            lineas.Where(l => l.Tipo == TipoLineaPresupuesto.Ingreso).Select(l => new LineaResumen(l.Codigo, l.Nombre, l.Monto)).ToList(),
            lineas.Where(l => l.Tipo == TipoLineaPresupuesto.Egreso).Select(l => new LineaResumen(l.Codigo, l.Nombre, l.Monto)).ToList())
        {
            CentrosCosto = centros,
            Fuente = lineas.Count > 0
                ? $"Fuente: presupuesto del año fiscal {d.Anio} registrado en SIPOI."
                : $"La entidad no tiene presupuesto de ingresos y egresos registrado en SIPOI para el año {d.Anio}.",
            NotaCentrosCosto = notaCentros,
            Necesidades = necesidades,
            Ejecucion = await EjecucionPresupuestalAsync(db, d.Entidad.Id, d.Anio, ct),
        };
    }
}
