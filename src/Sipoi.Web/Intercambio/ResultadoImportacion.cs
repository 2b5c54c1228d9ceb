namespace Sipoi.Web.Intercambio;

/// <summary>What an import did (entity, year, activities loaded), or every reason it was refused.</summary>
public sealed record ResultadoImportacion(bool Exito, IReadOnlyList<string> Errores, string? Entidad = null, int? Anio = null, int Actividades = 0)
{
    public static ResultadoImportacion Fallo(IEnumerable<string> errores) => new(false, errores.ToList());
}
