using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>A centre the load changes: each field before and after (equal when it does not change).</summary>
public sealed record CambioCentro(string Codigo, string NombreAntes, string NombreNuevo, string? PadreAntes, string? PadreNuevo,
    string? UnidadAntes, string? UnidadNueva, string? ResponsableAntes, string? ResponsableNuevo, bool Activo);

/// <summary>
/// What loading the workbook would do (or did): every error, or the new centres, the changed ones (old → new), how many stay
/// equal and how many of the entity's centres are not in the file (kept as they are). <see cref="Version"/> is the chart's
/// version token when it was reviewed: the confirmation is refused when it no longer matches.
/// </summary>
public sealed record RevisionOrganigrama(IReadOnlyList<string> Errores, IReadOnlyList<FilaOrganigrama> Nuevos, IReadOnlyList<CambioCentro> Cambiados,
    int Iguales, int Ausentes, string Version)
{
    public bool Exito => Errores.Count == 0;
    public bool SinCambios => Exito && Nuevos.Count == 0 && Cambiados.Count == 0;

    public static RevisionOrganigrama Fallo(IReadOnlyList<string> errores, string version = "") => new(errores, [], [], 0, 0, version);
}

/// <summary>
/// «Cargar el organigrama desde Excel»: reads the workbook (<see cref="LectorOrganigrama"/>) against the entity's chart and
/// applies it all or nothing. Codes that match are updated in place (same id: activities, monitoring and users keep
/// pointing at them), new codes are added, centres absent from the file are neither removed nor deactivated. Audited by the
/// interceptor (each centre's insert, each changed column old → new) plus one summary row naming the file. README.md here.
/// </summary>
public static class CargaOrganigrama
{
    public const int TamanoMaximo = 5 * 1024 * 1024;

    public static async Task<RevisionOrganigrama> RevisarAsync(SipoiDbContext db, int entidadId, byte[] archivo, CancellationToken ct)
    {
        var arbol = await Organigrama.CargarAsync(db, entidadId, ct);
        var (revision, _) = Planificar(arbol, archivo);
        db.ChangeTracker.Clear();
        return revision;
    }

    /// <summary>
    /// Applies the workbook when the chart is still at <paramref name="version"/> (the reviewed one); otherwise refuses and
    /// asks to review again. Returns the revision of what was applied (or of why nothing was).
    /// </summary>
    public static Task<RevisionOrganigrama> ConfirmarAsync(SipoiDbContext db, Entidad entidad, byte[] archivo, string nombreArchivo, string? version,
        CancellationToken ct) => db.UnidadAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // Nobody else changes the chart between this check and the commit.
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM centro_costo WHERE entidad_id = {entidad.Id} FOR UPDATE", ct);
                var arbol = await Organigrama.CargarAsync(db, entidad.Id, ct);
                var (r, lectura) = Planificar(arbol, archivo);
                if (r.Exito && !string.Equals(r.Version, version, StringComparison.Ordinal))
                    r = RevisionOrganigrama.Fallo(
                        ["El organigrama cambió desde que se revisó el archivo (otra persona creó o editó centros de costo): no se cargó nada. " +
                         "Revise el archivo otra vez y confirme."], r.Version);
                if (!r.Exito || r.SinCambios)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return r;
                }
                InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "centro_costo", entidad.Codigo, AccionAuditada.Importacion,
                    $"Organigrama del libro «{nombreArchivo}»: {r.Nuevos.Count} centros nuevos, {r.Cambiados.Count} actualizados, {r.Iguales} iguales; " +
                    $"{r.Ausentes} centros que no están en el libro se conservan.");
                await AplicarAsync(db, entidad.Id, arbol, lectura!, ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return r;
            }
            catch (Exception e) when (e is ReglaDominioException or DbUpdateException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return RevisionOrganigrama.Fallo([$"No se cargó nada: {e.Message}"]);
            }
        });

    /// <summary>The current chart in the workbook's layout (codes, never ids), inactive centres included.</summary>
    public static IReadOnlyList<CentroOrganigramaExcel> Filas(Organigrama arbol) =>
        [.. arbol.Centros.Select(c => new CentroOrganigramaExcel(c.Codigo, c.Nombre, arbol.Codigo(c.PadreId),
            arbol.Unidades.FirstOrDefault(u => u.Id == c.UnidadEjecutoraId)?.Codigo, c.Responsable))];

    /// <summary>
    /// The chart's version token: a hash of every centre and unidad ejecutora as the load reads them. Any change another
    /// person makes to them (a new centre, a rename, a move, a deactivation) gives another token.
    /// </summary>
    public static string Version(Organigrama arbol)
    {
        var sb = new StringBuilder();
        foreach (var c in arbol.Centros.OrderBy(c => c.Id))
            sb.Append(CultureInfo.InvariantCulture, $"{c.Id}\u001f{c.Codigo}\u001f{c.Nombre}\u001f{c.PadreId}\u001f{c.UnidadEjecutoraId}\u001f{c.Responsable}\u001f{c.Activo}\u001e");
        foreach (var u in arbol.Unidades.OrderBy(u => u.Id)) sb.Append(CultureInfo.InvariantCulture, $"{u.Id}\u001f{u.Codigo}\u001e");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..24];
    }

    private static (RevisionOrganigrama, ResultadoOrganigrama?) Planificar(Organigrama arbol, byte[] archivo)
    {
        var version = Version(arbol);
        var contexto = new ContextoOrganigrama(
            [.. arbol.Centros.Select(c => new CentroDelOrganigrama(c.Codigo, arbol.Codigo(c.PadreId), c.Activo))],
            [.. arbol.Unidades.Select(u => u.Codigo)]);
        var lectura = LectorOrganigrama.Leer(new MemoryStream(archivo, writable: false), contexto);
        if (!lectura.EsValido) return (RevisionOrganigrama.Fallo([.. lectura.Errores.Select(e => e.ToString())], version), null);
        var porCodigo = arbol.Centros.ToDictionary(c => c.Codigo, StringComparer.Ordinal);
        var nuevos = new List<FilaOrganigrama>();
        var cambiados = new List<CambioCentro>();
        var iguales = 0;
        foreach (var f in lectura.Filas)
        {
            if (!porCodigo.TryGetValue(f.Codigo, out var c))
            {
                nuevos.Add(f);
                continue;
            }
            var unidadAntes = arbol.Unidades.FirstOrDefault(u => u.Id == c.UnidadEjecutoraId)?.Codigo;
            var cambio = new CambioCentro(c.Codigo, c.Nombre, f.Nombre, arbol.Codigo(c.PadreId), f.Padre,
                unidadAntes, lectura.TieneUnidadEjecutora ? f.UnidadEjecutora : unidadAntes,
                c.Responsable, lectura.TieneResponsable ? f.Responsable : c.Responsable, c.Activo);
            if (cambio.NombreAntes == cambio.NombreNuevo && cambio.PadreAntes == cambio.PadreNuevo && cambio.UnidadAntes == cambio.UnidadNueva
                && cambio.ResponsableAntes == cambio.ResponsableNuevo) iguales++;
            else cambiados.Add(cambio);
        }
        var enArchivo = lectura.Filas.Select(f => f.Codigo).ToHashSet(StringComparer.Ordinal);
        var ausentes = arbol.Centros.Count(c => !enArchivo.Contains(c.Codigo));
        return (new RevisionOrganigrama([], nuevos, cambiados, iguales, ausentes, version), lectura);
    }

    /// <summary>
    /// Renames and re-assigns in place; moves go through the domain (<see cref="CentroCosto.MoverBajo"/>): first every moved
    /// centre is detached, then each is hung under its new parent once that parent has an id — new centres are saved a level at
    /// a time, parents first, so each insert is audited with its final parent. The reader already refused cycles in the final
    /// tree, so every intermediate tree is part of it and the domain accepts each step.
    /// </summary>
    private static async Task AplicarAsync(SipoiDbContext db, int entidadId, Organigrama arbol, ResultadoOrganigrama lectura, CancellationToken ct)
    {
        var porCodigo = arbol.Centros.ToDictionary(c => c.Codigo, StringComparer.Ordinal);
        var unidad = arbol.Unidades.ToDictionary(u => u.Codigo, StringComparer.Ordinal);
        var pendientes = new List<FilaOrganigrama>();
        foreach (var f in lectura.Filas)
        {
            if (!porCodigo.TryGetValue(f.Codigo, out var c))
            {
                pendientes.Add(f);
                continue;
            }
            c.Actualizar(f.Nombre, c.PadreId, lectura.TieneResponsable ? f.Responsable : c.Responsable, c.EsGerencia);
            if (lectura.TieneUnidadEjecutora) c.AsignarUnidadEjecutora(f.UnidadEjecutora is { } u ? unidad[u] : null);
            if (arbol.Codigo(c.PadreId) != f.Padre)
            {
                c.MoverBajo(null, arbol.Centros);
                pendientes.Add(f);
            }
        }
        while (true)
        {
            var listos = pendientes.Where(f => f.Padre is null || porCodigo.GetValueOrDefault(f.Padre) is { Id: not 0 }).ToList();
            foreach (var f in listos)
            {
                var padre = f.Padre is { } p ? porCodigo[p] : null;
                if (porCodigo.TryGetValue(f.Codigo, out var c))
                {
                    c.MoverBajo(padre, arbol.Centros);
                    continue;
                }
                c = new CentroCosto(entidadId, f.Codigo, f.Nombre, null, f.Responsable, false,
                    lectura.TieneUnidadEjecutora && f.UnidadEjecutora is { } u ? unidad[u].Id : null);
                c.MoverBajo(padre, arbol.Centros);
                db.CentrosCosto.Add(c);
                arbol.Centros.Add(c);
                porCodigo[c.Codigo] = c;
            }
            pendientes.RemoveAll(listos.Contains);
            await db.SaveChangesAsync(ct);
            if (pendientes.Count == 0) return;
            if (listos.Count == 0)
                throw new ReglaDominioException($"los centros {Redaccion.Lista(pendientes.Select(f => f.Codigo))} no tienen un padre que se pueda guardar.");
        }
    }
}
