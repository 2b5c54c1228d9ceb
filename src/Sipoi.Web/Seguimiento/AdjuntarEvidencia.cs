using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Archivos;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguimiento;

/// <summary>A file as it arrived: its name, the bytes read (the start only when it is larger than the limit) and its declared length.</summary>
public sealed record ArchivoRecibido(string Nombre, byte[] Contenido, long Largo);

/// <summary>What an upload did: the files attached, or why none was (each message names the activity).</summary>
public sealed record ResultadoAdjunto(IReadOnlyList<ArchivoEvidencia> Adjuntos, string? Error, string? Actividad = null)
{
    public bool Exito => Error is null;

    /// <summary>What the page and the API tell the user when it worked.</summary>
    public string Mensaje => Adjuntos.Count == 1
        ? $"Se adjuntó «{Adjuntos[0].Nombre}» a la actividad {Actividad}."
        : $"Se adjuntaron {Adjuntos.Count} archivos a la actividad {Actividad}.";
}

/// <summary>
/// Attaching evidence to an activity's month — one rule for the grid's upload page and for the API: the month must
/// be editable, the activity of the centre, at most N files, each checked by content (<see cref="ContenidoEvidencia.Validar"/>);
/// all the files of one upload, or none.
/// </summary>
public static class AdjuntarEvidencia
{
    public static async Task<ResultadoAdjunto> AdjuntarAsync(SipoiDbContext db, MesSeguimiento m, string? actividad,
        IReadOnlyList<ArchivoRecibido> archivos, OpcionesEvidencia o, string usuario, DateTimeOffset ahora, CancellationToken ct)
    {
        if (m.MotivoNoEditable(Plazos.Hoy(ahora)) is { } motivo) return new([], motivo);
        var fila = m.Filas.FirstOrDefault(f => f.Actividad.Codigo == actividad);
        if (fila is null) return new([], $"La actividad «{actividad}» no es del centro de costo {m.Centro.Codigo}.");
        if (archivos.Count == 0) return new([], $"Actividad {fila.Actividad.Codigo}: elija uno o más archivos para adjuntar.");
        if (archivos.Count > o.ArchivosPorEnvio)
            return new([], $"Actividad {fila.Actividad.Codigo}: se adjuntan hasta {Plural.Conteo(o.ArchivosPorEnvio, "archivo", "archivos")} a la vez.");

        var ocupados = await db.Evidencias.AsNoTracking()
            .Where(e => e.ActividadId == fila.Actividad.Id && e.Mes == m.Mes).Select(e => e.Nombre).ToListAsync(ct);
        var errores = new List<string>();
        var nuevos = new List<ArchivoEvidencia>();
        foreach (var archivo in archivos)
        {
            var r = ContenidoEvidencia.Validar(archivo.Nombre, archivo.Contenido, archivo.Largo, o.LimiteBytes);
            if (!r.Valido || r.Tipo is not { } tipo)
            {
                errores.Add($"Actividad {fila.Actividad.Codigo}: {r.Error}");
                continue;
            }
            var nombre = ArchivoEvidencia.NombreLibre(r.NombreSeguro, ocupados);
            ocupados.Add(nombre);
            nuevos.Add(new ArchivoEvidencia(m.Entidad.Id, fila.Actividad.Id, m.Mes, nombre, tipo, archivo.Contenido, usuario, ahora));
        }
        // All the files of one upload, or none: a rejected file does not leave its companions half-attached.
        if (errores.Count > 0) return new([], "No se adjuntó ningún archivo. " + string.Join(" ", errores));
        db.Evidencias.AddRange(nuevos);
        await db.SaveChangesAsync(ct);
        return new(nuevos, null, fila.Actividad.Codigo);
    }

    /// <summary>
    /// Removes one evidence file of the month while the month is editable; null when removed (or, without <paramref name="confirmar"/>,
    /// when it could be: nothing is removed, the page asks first), else why not (null file: not of this month).
    /// </summary>
    public static async Task<(ArchivoEvidencia? Archivo, string? Error)> QuitarAsync(SipoiDbContext db, MesSeguimiento m, long id, DateTimeOffset ahora,
        CancellationToken ct, bool confirmar = true)
    {
        var ids = m.Filas.Select(f => f.Actividad.Id).ToList();
        var archivo = await db.Evidencias.SingleOrDefaultAsync(e => e.Id == id && e.Mes == m.Mes && ids.Contains(e.ActividadId), ct);
        if (archivo is null) return (null, null);
        if (m.MotivoNoEditable(Plazos.Hoy(ahora)) is { } motivo) return (archivo, motivo);
        if (!confirmar) return (archivo, null);
        db.Evidencias.Remove(archivo);
        await db.SaveChangesAsync(ct);
        return (archivo, null);
    }

    /// <summary>
    /// The files of one request as <see cref="AdjuntarAsync"/> takes them; one more than allowed is read (its start only)
    /// so the count rule answers, never the whole of an oversized request.
    /// </summary>
    public static async Task<List<ArchivoRecibido>> RecibirAsync(IEnumerable<IFormFile> archivos, OpcionesEvidencia o, CancellationToken ct)
    {
        var recibidos = new List<ArchivoRecibido>();
        foreach (var archivo in archivos.Take(o.ArchivosPorEnvio + 1)) recibidos.Add(await LeerAsync(archivo, o.LimiteBytes, ct));
        return recibidos;
    }

    /// <summary>The whole file when within the limit (a ZIP is recognised from its end); only its start when larger, enough for the size message.</summary>
    private static async Task<ArchivoRecibido> LeerAsync(IFormFile archivo, long limite, CancellationToken ct)
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
        return new ArchivoRecibido(archivo.FileName, total == leer ? buffer : buffer[..total], archivo.Length);
    }
}
