using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Intercambio;

/// <summary>The EMSAPUNO POI 2024 (data/demo), loaded through the same importer as any exchange file.</summary>
public static class DatosDemo
{
    public const string CodigoEntidad = "EMSAPUNO";

    public static Stream Abrir() =>
        typeof(DatosDemo).Assembly.GetManifestResourceStream("Sipoi.Demo.emsapuno-2024.json")
        ?? throw new InvalidOperationException("Falta el recurso de datos de demostración.");

    /// <summary>Loads the demo entity unless it is already there; returns whether it loaded it.</summary>
    public static async Task<bool> CargarSiFaltaAsync(SipoiDbContext db, CancellationToken ct = default)
    {
        if (await db.Entidades.AnyAsync(e => e.Codigo == CodigoEntidad, ct)) return false;
        await using var json = Abrir();
        var resultado = await ImportadorPlan.ImportarAsync(db, json, ct);
        if (!resultado.Exito)
            throw new InvalidOperationException("Los datos de demostración no son válidos:\n" + string.Join("\n", resultado.Errores));
        return true;
    }
}
