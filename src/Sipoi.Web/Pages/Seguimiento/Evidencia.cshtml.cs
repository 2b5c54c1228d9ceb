using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;
using DominioEvidencia = Sipoi.Domain.Seguimiento.Evidencia;

namespace Sipoi.Web.Pages.Seguimiento;

/// <summary>
/// Evidence files of a month: upload (several per activity, each checked by content), download
/// (attachment, with the type the content proved) and removal while the month is editable. Its own
/// page so only it accepts large request bodies (ServiciosSeguimiento). Answers with a redirect to
/// the grid, the outcome in a message there.
/// </summary>
public sealed class EvidenciaModel(SipoiDbContext db, TimeProvider reloj, IOptions<OpcionesEvidencia> opciones) : PageModel
{
    [TempData] public string? Aviso { get; set; }
    [TempData] public string? ErrorEvidencia { get; set; }

    public async Task<IActionResult> OnPostSubirAsync(string entidad, int anio, int mes, string? centro, string? actividad,
        List<IFormFile>? archivos, CancellationToken ct)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        if (!await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct)) return Forbid();
        var grilla = Grilla(entidad, anio, mes, m.Centro.Codigo);
        if (m.MotivoNoEditable(Plazos.Hoy(reloj.GetUtcNow())) is { } motivo) return Volver(grilla, error: motivo);
        var fila = m.Filas.FirstOrDefault(f => f.Actividad.Codigo == actividad);
        if (fila is null) return Volver(grilla, error: $"La actividad «{actividad}» no es del centro de costo {m.Centro.Codigo}.");
        var o = opciones.Value;
        archivos ??= [];
        if (archivos.Count == 0) return Volver(grilla, error: $"Actividad {fila.Actividad.Codigo}: elija uno o más archivos para adjuntar.");
        if (archivos.Count > o.ArchivosPorEnvio)
            return Volver(grilla, error: $"Actividad {fila.Actividad.Codigo}: se adjuntan hasta {o.ArchivosPorEnvio} archivos a la vez.");

        var ocupados = await db.Evidencias.AsNoTracking()
            .Where(e => e.ActividadId == fila.Actividad.Id && e.Mes == m.Mes).Select(e => e.Nombre).ToListAsync(ct);
        var errores = new List<string>();
        var nuevos = new List<ArchivoEvidencia>();
        var usuario = PermisosSeguimiento.Usuario(User);
        var ahora = reloj.GetUtcNow();
        foreach (var archivo in archivos)
        {
            var contenido = await LeerAsync(archivo, o.LimiteBytes, ct);
            var r = DominioEvidencia.Validar(archivo.FileName, contenido, archivo.Length, o.LimiteBytes);
            if (!r.Valido || r.Tipo is not { } tipo)
            {
                errores.Add($"Actividad {fila.Actividad.Codigo}: {r.Error}");
                continue;
            }
            var nombre = ArchivoEvidencia.NombreLibre(r.NombreSeguro, ocupados);
            ocupados.Add(nombre);
            nuevos.Add(new ArchivoEvidencia(m.Entidad.Id, fila.Actividad.Id, m.Mes, nombre, tipo, contenido, usuario, ahora));
        }
        // All the files of one upload, or none: a rejected file does not leave its companions half-attached.
        if (errores.Count > 0) return Volver(grilla, error: "No se adjuntó ningún archivo. " + string.Join(" ", errores));
        db.Evidencias.AddRange(nuevos);
        await db.SaveChangesAsync(ct);
        return Volver(grilla, aviso: nuevos.Count == 1
            ? $"Se adjuntó «{nuevos[0].Nombre}» a la actividad {fila.Actividad.Codigo}."
            : $"Se adjuntaron {nuevos.Count} archivos a la actividad {fila.Actividad.Codigo}.");
    }

    public async Task<IActionResult> OnPostBorrarAsync(string entidad, int anio, int mes, string? centro, long id, CancellationToken ct)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        if (!await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct)) return Forbid();
        var grilla = Grilla(entidad, anio, mes, m.Centro.Codigo);
        var ids = m.Filas.Select(f => f.Actividad.Id).ToList();
        var archivo = await db.Evidencias.SingleOrDefaultAsync(e => e.Id == id && e.Mes == m.Mes && ids.Contains(e.ActividadId), ct);
        if (archivo is null) return NotFound();
        if (m.MotivoNoEditable(Plazos.Hoy(reloj.GetUtcNow())) is { } motivo) return Volver(grilla, error: motivo);
        db.Evidencias.Remove(archivo);
        await db.SaveChangesAsync(ct);
        return Volver(grilla, aviso: $"Se quitó «{archivo.Nombre}».");
    }

    /// <summary>GET /e/{entidad}/seguimiento/{año}/{mes}/evidencia/{id}: the file as an attachment, for whoever may see its cost centre.</summary>
    public async Task<IActionResult> OnGetAsync(string entidad, int anio, int mes, long? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var e = await (
            from ev in db.Evidencias.AsNoTracking()
            join a in db.Actividades on ev.ActividadId equals a.Id
            join p in db.Pois on a.PoiId equals p.Id
            join en in db.Entidades on ev.EntidadId equals en.Id
            where ev.Id == id && en.Codigo == entidad && p.Anio == anio && ev.Mes == mes
            select new { a.CentroCostoId, ev.Nombre, ev.Tipo }).SingleOrDefaultAsync(ct);
        if (e is null) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, e.CentroCostoId, ct)) return Forbid();
        // The bytes only now, after the permission check.
        var contenido = await db.Evidencias.AsNoTracking().Where(x => x.Id == id).Select(x => x.Contenido).SingleAsync(ct);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        // FileContentResult with a download name writes Content-Disposition: attachment (with a UTF-8 filename*).
        return File(contenido, e.Tipo.Mime(), e.Nombre);
    }

    /// <summary>The whole file when within the limit (a ZIP is recognised from its end); only its start when larger, enough for the size message.</summary>
    private static async Task<byte[]> LeerAsync(IFormFile archivo, long limite, CancellationToken ct)
    {
        var leer = (int)Math.Min(archivo.Length, archivo.Length > limite ? 8192 : limite);
        var buffer = new byte[leer];
        await using var s = archivo.OpenReadStream();
        var total = 0;
        while (total < leer)
        {
            var n = await s.ReadAsync(buffer.AsMemory(total, leer - total), ct);
            if (n == 0) break;
            total += n;
        }
        return total == leer ? buffer : buffer[..total];
    }

    private static string Grilla(string entidad, int anio, int mes, string centro) =>
        $"/e/{Uri.EscapeDataString(entidad)}/seguimiento/{anio}/{mes}?centro={Uri.EscapeDataString(centro)}";

    private RedirectResult Volver(string url, string? aviso = null, string? error = null)
    {
        Aviso = aviso;
        ErrorEvidencia = error;
        return Redirect(url);
    }
}
