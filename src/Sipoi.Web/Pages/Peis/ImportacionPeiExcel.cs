using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Peis;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Pages.Peis;

/// <summary>One OEI, AEI or indicator of the workbook and what importing it does (old → new for each change).</summary>
public sealed record CambioPei(string Tipo, string Codigo, string Nombre, EstadoCambio Estado, IReadOnlyList<string> Detalles);

public enum EstadoCambio { Nuevo, Actualizado, SinCambios }

/// <summary>What the workbook would do to the entity's PEI, or every reason it cannot be imported.</summary>
public sealed record RevisionPeiExcel(IReadOnlyList<string> Errores, string? CodigoPei, bool PeiNuevo, IReadOnlyList<string> CambiosPei,
    IReadOnlyList<CambioPei> Cambios, int Conservados)
{
    public bool EsValida => Errores.Count == 0;
    public bool SinCambios => EsValida && !PeiNuevo && CambiosPei.Count == 0 && Cambios.All(c => c.Estado == EstadoCambio.SinCambios);
    public static RevisionPeiExcel Fallo(IEnumerable<string> errores) => new(errores.ToList(), null, false, [], [], 0);
}

/// <summary>
/// The PEI workbook (LectorPeiExcel) applied to the entity (docs/importacion-excel.md, «PEI»): the PEI of the same code,
/// or else of the same horizon, is updated in place; otherwise a new PEI is created. OEI, AEI and indicators are matched by
/// code, added or updated with the domain's methods; nothing absent from the workbook is deleted, and an empty cell never
/// erases a stored value. Obtained values are sacred: the baseline of an indicator with an obtained value, or the expected
/// value of a year with an obtained value, is not changed by an import — the whole workbook is refused, naming each one.
/// The review and the import run the same code (<c>Aplicacion.Aplicar</c>); the review saves nothing.
/// </summary>
public static class ImportacionPeiExcel
{
    public const int TamanoMaximo = 5 * 1024 * 1024;

    public static async Task<RevisionPeiExcel> RevisarAsync(SipoiDbContext db, int entidadId, Stream archivo, CancellationToken ct)
    {
        var lectura = LectorPeiExcel.Leer(archivo);
        if (!lectura.EsValido) return RevisionPeiExcel.Fallo(lectura.Errores.Select(e => e.ToString()));
        try
        {
            var (revision, _) = await AplicarAsync(db, entidadId, lectura.Pei!, ct);
            return revision;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Imports the workbook all or nothing; the revision says what it did (or why nothing), <c>Aplicado</c> whether it saved.</summary>
    public static async Task<(RevisionPeiExcel Revision, bool Aplicado)> ImportarAsync(SipoiDbContext db, int entidadId, Stream archivo,
        string nombreArchivo, CancellationToken ct)
    {
        var lectura = LectorPeiExcel.Leer(archivo);
        if (!lectura.EsValido) return (RevisionPeiExcel.Fallo(lectura.Errores.Select(e => e.ToString())), false);
        return await db.UnidadAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // First what the workbook does (the same as the review), then, over a fresh load, the priorities row by row and the rest.
                var (revision, _) = await AplicarAsync(db, entidadId, lectura.Pei!, ct);
                db.ChangeTracker.Clear();
                if (!revision.EsValida || revision.SinCambios)
                {
                    await tx.RollbackAsync(ct);
                    return (revision, false);
                }
                await GuardarPrioridadesAsync(db, entidadId, lectura.Pei!, ct);
                var (otra, pei) = await AplicarAsync(db, entidadId, lectura.Pei!, ct);
                if (!otra.EsValida) throw new ImportacionRechazadaException(otra.Errores);
                if (pei!.Id == 0) db.Peis.Add(pei);
                var cuenta = revision.Cambios.GroupBy(c => c.Estado).ToDictionary(g => g.Key, g => g.Count());
                InterceptorAuditoria.RegistrarOperacion(db, entidadId, "pei", pei.Codigo, AccionAuditada.Importacion,
                    $"Libro de Excel «{nombreArchivo}»: PEI {pei.Codigo}{(revision.PeiNuevo ? " (nuevo)" : "")}, " +
                    $"OEI, AEI e indicadores: {Plural.Conteo(cuenta.GetValueOrDefault(EstadoCambio.Nuevo), "nuevo", "nuevos")}, " +
                    $"{Plural.Conteo(cuenta.GetValueOrDefault(EstadoCambio.Actualizado), "actualizado", "actualizados")}, " +
                    $"{cuenta.GetValueOrDefault(EstadoCambio.SinCambios)} sin cambios.");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return (revision, true);
            }
            catch (Exception e) when (e is ReglaDominioException or DbUpdateException or ImportacionRechazadaException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return (RevisionPeiExcel.Fallo(e switch
                {
                    ImportacionRechazadaException r => r.Errores,
                    ReglaDominioException => [e.Message],
                    _ => ["La base de datos rechazó la importación: " + (e.InnerException?.Message ?? e.Message)],
                }), false);
            }
        });
    }

    private static async Task<Pei?> BuscarAsync(SipoiDbContext db, int entidadId, PeiDto d, CancellationToken ct)
    {
        var codigo = await db.Peis.Where(p => p.EntidadId == entidadId && p.Codigo == d.Codigo).Select(p => p.Codigo).FirstOrDefaultAsync(ct)
            ?? await db.Peis.Where(p => p.EntidadId == entidadId && p.Inicio == d.Inicio && p.Fin == d.Fin).OrderBy(p => p.Id).Select(p => p.Codigo).FirstOrDefaultAsync(ct);
        return codigo is null ? null : await EdicionPei.CargarAsync(db, entidadId, codigo, ct);
    }

    /// <summary>
    /// The unique indexes on priorities are checked row by row and EF refuses a swap within one batch: the OEI and AEI whose
    /// priority the workbook changes are parked on negative values by SQL, outside the tracker, then saved one by one, so the
    /// audit log records only old → new (as the Prioridades page does).
    /// </summary>
    private static async Task GuardarPrioridadesAsync(SipoiDbContext db, int entidadId, PeiDto d, CancellationToken ct)
    {
        var pei = await BuscarAsync(db, entidadId, d, ct);
        if (pei is null) return;
        var oeis = d.Oei.ToDictionary(o => o.Codigo, o => o.Prioridad, StringComparer.Ordinal);
        var aeis = d.Oei.SelectMany(o => o.Aei).ToDictionary(a => a.Codigo, a => a.Prioridad, StringComparer.Ordinal);
        var oeisCambiados = pei.Oeis.Where(o => oeis.TryGetValue(o.Codigo, out var p) && p != o.Prioridad).ToList();
        var aeisCambiados = pei.Aeis.Where(a => aeis.TryGetValue(a.Codigo, out var p) && p != a.Prioridad).ToList();
        var idsOei = oeisCambiados.Select(o => o.Id).ToArray();
        var idsAei = aeisCambiados.Select(a => a.Id).ToArray();
        if (idsOei.Length > 0) await db.Database.ExecuteSqlAsync($"UPDATE oei SET prioridad = -prioridad WHERE id = ANY({idsOei})", ct);
        if (idsAei.Length > 0) await db.Database.ExecuteSqlAsync($"UPDATE aei SET prioridad = -prioridad WHERE id = ANY({idsAei})", ct);
        foreach (var o in oeisCambiados)
        {
            o.Actualizar(o.Enunciado, oeis[o.Codigo]);
            await db.SaveChangesAsync(ct);
        }
        foreach (var a in aeisCambiados)
        {
            a.Actualizar(a.Enunciado, aeis[a.Codigo], a.Responsable);
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Applies <paramref name="d"/> to the tracked PEI (or a new one, not yet added) and says what changed; saves nothing.</summary>
    private static async Task<(RevisionPeiExcel, Pei?)> AplicarAsync(SipoiDbContext db, int entidadId, PeiDto d, CancellationToken ct)
    {
        var pei = await BuscarAsync(db, entidadId, d, ct);
        var centros = await db.CentrosCosto.Where(c => c.EntidadId == entidadId).ToDictionaryAsync(c => c.Codigo, c => c.Id, ct);
        var codigoCentro = centros.ToDictionary(c => c.Value, c => c.Key);
        var aniosDePois = pei is null ? [] : await db.Pois.Where(p => p.PeiId == pei.Id).Select(p => p.Anio).ToListAsync(ct);
        var a = new Aplicacion(entidadId, centros, codigoCentro);
        try
        {
            var resultado = a.Aplicar(pei, d, aniosDePois);
            return (a.Errores.Count > 0 ? RevisionPeiExcel.Fallo(a.Errores) : a.Revision(resultado, pei is null), resultado);
        }
        catch (ReglaDominioException e)
        {
            return (RevisionPeiExcel.Fallo([.. a.Errores, e.Message]), null);
        }
    }

    private sealed class Aplicacion(int entidadId, Dictionary<string, int> centros, Dictionary<int, string> codigoCentro)
    {
        public List<string> Errores { get; } = [];
        private readonly List<string> _cambiosPei = [];
        private readonly List<CambioPei> _cambios = [];

        public RevisionPeiExcel Revision(Pei pei, bool nuevo) =>
            new([], pei.Codigo, nuevo, _cambiosPei, _cambios, pei.Oeis.Count + pei.Aeis.Count() + pei.TodosLosIndicadores().Count() - _cambios.Count);

        private static string T(string? s) => s is null ? "(vacío)" : $"«{s}»";
        private static string N(decimal? v) => v is null ? "(vacío)" : Formato.Numero(v);

        private static void Dif<TV>(List<string> d, string campo, TV antes, TV despues, Func<TV, string> texto)
        {
            if (!EqualityComparer<TV>.Default.Equals(antes, despues)) d.Add($"{campo}: {texto(antes)} → {texto(despues)}");
        }

        public Pei Aplicar(Pei? pei, PeiDto d, List<int> aniosDePois)
        {
            var inicio = d.Inicio!.Value;
            var fin = d.Fin!.Value;
            if (pei is null)
                pei = new Pei(entidadId, d.Codigo, inicio, fin, d.Nombre, d.Mision, d.Vision);
            else
            {
                var nombre = d.Nombre ?? pei.Nombre;
                var mision = d.Mision ?? pei.Mision;
                var vision = d.Vision ?? pei.Vision;
                if (d.Codigo != pei.Codigo)
                    _cambiosPei.Add($"El libro dice {d.Codigo}; se actualiza {pei.Codigo}, el PEI de la entidad con el mismo horizonte ({pei.Inicio}–{pei.Fin}), y conserva su código.");
                Dif(_cambiosPei, "Nombre", pei.Nombre, nombre, T);
                Dif(_cambiosPei, "Horizonte", $"{pei.Inicio}–{pei.Fin}", $"{inicio}–{fin}", s => s);
                Dif(_cambiosPei, "Misión", pei.Mision, mision, T);
                Dif(_cambiosPei, "Visión", pei.Vision, vision, T);
                pei.Actualizar(nombre, inicio, fin, mision, vision, pei.Estado, aniosDePois);
            }
            var existentes = pei.TodosLosIndicadores().ToDictionary(i => i.Codigo, StringComparer.Ordinal);
            // Priorities may be swapped by the workbook: the rows it names step aside in memory first, so each domain check
            // sees only the final values (what is saved is only the end state).
            var prioridadOei = pei.Oeis.ToDictionary(o => o, o => o.Prioridad);
            var prioridadAei = pei.Aeis.ToDictionary(a => a, a => a.Prioridad);
            var enLibro = d.Oei.Select(o => o.Codigo).Concat(d.Oei.SelectMany(o => o.Aei).Select(a => a.Codigo)).ToHashSet(StringComparer.Ordinal);
            var aparte = 1_000_000;
            foreach (var o in pei.Oeis.Where(o => enLibro.Contains(o.Codigo))) o.Actualizar(o.Enunciado, aparte++);
            foreach (var x in pei.Aeis.Where(x => enLibro.Contains(x.Codigo))) x.Actualizar(x.Enunciado, aparte++, x.Responsable);
            foreach (var od in d.Oei)
            {
                var oei = pei.Oeis.FirstOrDefault(o => o.Codigo == od.Codigo);
                if (oei is null)
                {
                    oei = pei.AgregarOei(od.Codigo, od.Enunciado, od.Prioridad);
                    _cambios.Add(new("OEI", od.Codigo, od.Enunciado, EstadoCambio.Nuevo, []));
                }
                else
                {
                    var det = new List<string>();
                    Dif(det, "Enunciado", oei.Enunciado, od.Enunciado, T);
                    Dif(det, "Prioridad", prioridadOei[oei], od.Prioridad, p => p.ToString(Formato.Cultura));
                    pei.ActualizarOei(oei, od.Enunciado, od.Prioridad);
                    _cambios.Add(new("OEI", od.Codigo, od.Enunciado, det.Count == 0 ? EstadoCambio.SinCambios : EstadoCambio.Actualizado, det));
                }
                foreach (var id in od.Indicadores) Indicador(pei, oei, null, id, existentes, inicio, fin);
                foreach (var ad in od.Aei)
                {
                    var aei = pei.Aeis.FirstOrDefault(a => a.Codigo == ad.Codigo);
                    if (aei is not null && !oei.Aeis.Contains(aei))
                    {
                        Errores.Add($"AEI {ad.Codigo}: pertenece al {pei.Oeis.First(o => o.Aeis.Contains(aei)).Codigo} y el libro la pone bajo el {od.Codigo}; una AEI no cambia de OEI por importación.");
                        continue;
                    }
                    if (aei is null)
                    {
                        aei = pei.AgregarAei(oei, ad.Codigo, ad.Enunciado, ad.Prioridad, ad.Responsable);
                        _cambios.Add(new("AEI", ad.Codigo, ad.Enunciado, EstadoCambio.Nuevo, []));
                    }
                    else
                    {
                        var responsable = ad.Responsable ?? aei.Responsable;
                        var det = new List<string>();
                        Dif(det, "Enunciado", aei.Enunciado, ad.Enunciado, T);
                        Dif(det, "Prioridad", prioridadAei[aei], ad.Prioridad, p => p.ToString(Formato.Cultura));
                        Dif(det, "Unidad orgánica responsable", aei.Responsable, responsable, T);
                        oei.ActualizarAei(aei, ad.Enunciado, ad.Prioridad, responsable);
                        _cambios.Add(new("AEI", ad.Codigo, ad.Enunciado, det.Count == 0 ? EstadoCambio.SinCambios : EstadoCambio.Actualizado, det));
                    }
                    foreach (var id in ad.Indicadores) Indicador(pei, oei, aei, id, existentes, inicio, fin);
                }
            }
            return pei;
        }

        private void Indicador(Pei pei, Oei oei, Aei? aei, IndicadorDto d, Dictionary<string, Indicador> existentes, int inicio, int fin)
        {
            int? centro = null;
            if (d.CentroCostoResponsable is { } cc)
            {
                if (centros.TryGetValue(cc, out var idCentro)) centro = idCentro;
                else
                {
                    Errores.Add($"Indicador {d.Codigo}: el centro de costo responsable {cc} no existe en la entidad.");
                    return;
                }
            }
            if (!existentes.TryGetValue(d.Codigo, out var ind))
            {
                ind = new Indicador(entidadId, d.Codigo, d.Nombre, d.Unidad, d.Sentido, d.LineaBase?.Anio, d.LineaBase?.Valor, d.Fuente,
                    d.MetodoCalculo, centro, d.MaximoPermisible, d.MinimoPermisible);
                foreach (var (anio, valor) in d.LogrosEsperados) ind.FijarLogroEsperado(anio, valor);
                pei.AgregarIndicador(oei, aei, ind);
                existentes[d.Codigo] = ind;
                _cambios.Add(new("Indicador", d.Codigo, d.Nombre, EstadoCambio.Nuevo, []));
                return;
            }
            var dueno = aei is null ? oei.Indicadores.Contains(ind) : aei.Indicadores.Contains(ind);
            if (!dueno)
            {
                Errores.Add($"Indicador {d.Codigo}: ya pertenece a otro objetivo o acción del PEI; un indicador no cambia de objetivo por importación.");
                return;
            }
            // An empty cell keeps what is stored.
            var unidad = d.Unidad ?? ind.Unidad;
            var fuente = d.Fuente ?? ind.Fuente;
            var metodo = d.MetodoCalculo ?? ind.MetodoCalculo;
            centro ??= ind.CentroCostoResponsableId;
            var anioBase = d.LineaBase?.Anio ?? ind.LineaBaseAnio;
            var valorBase = d.LineaBase?.Valor ?? ind.LineaBaseValor;
            var maximo = d.MaximoPermisible ?? (d.Sentido == Sentido.NoDefinido ? ind.MaximoPermisible : null);
            var minimo = d.MinimoPermisible ?? (d.Sentido == Sentido.NoDefinido ? ind.MinimoPermisible : null);
            var det = new List<string>();
            Dif(det, "Nombre", ind.Nombre, d.Nombre, T);
            Dif(det, "Unidad de medida", ind.Unidad, unidad, T);
            Dif(det, "Sentido", ind.Sentido, d.Sentido, s => SentidoTexto.Codigo(s));
            Dif(det, "Método de cálculo", ind.MetodoCalculo, metodo, T);
            Dif(det, "Fuente de datos", ind.Fuente, fuente, T);
            Dif(det, "Centro de costo responsable", ind.CentroCostoResponsableId, centro, c => c is { } x ? codigoCentro[x] : "(vacío)");
            var baseCambia = anioBase != ind.LineaBaseAnio || valorBase != ind.LineaBaseValor;
            if (baseCambia)
            {
                var antes = ind.LineaBaseAnio is null ? "(vacía)" : $"{ind.LineaBaseAnio}: {N(ind.LineaBaseValor)}";
                det.Add($"Línea base: {antes} → {anioBase}: {N(valorBase)}");
                if (ind.Valores.Any(v => v.ValorObtenido is not null))
                    Errores.Add($"Indicador {d.Codigo}: la línea base ({antes}) no se cambia por importación porque el indicador ya tiene valores obtenidos registrados; corríjala en el formulario del indicador o deje la del sistema en el libro.");
            }
            Dif(det, "Máximo permisible", ind.MaximoPermisible, maximo, N);
            Dif(det, "Mínimo permisible", ind.MinimoPermisible, minimo, N);
            ind.Actualizar(d.Nombre, unidad, d.Sentido, anioBase, valorBase, fuente, metodo, centro, maximo, minimo);
            foreach (var (anio, valor) in d.LogrosEsperados)
            {
                var actual = ind.LogroEsperado(anio);
                if (actual == valor) continue;
                det.Add($"Logro esperado {anio}: {N(actual)} → {N(valor)}");
                if (actual is not null && ind.Valores.Any(v => v.Anio == anio && v.ValorObtenido is not null))
                    Errores.Add($"Indicador {d.Codigo}, logro esperado {anio}: no se cambia por importación ({N(actual)} → {N(valor)}) porque el año ya tiene un valor obtenido registrado.");
                ind.FijarLogroEsperado(anio, valor);
            }
            _cambios.Add(new("Indicador", d.Codigo, d.Nombre, det.Count == 0 ? EstadoCambio.SinCambios : EstadoCambio.Actualizado, det));
        }
    }
}
