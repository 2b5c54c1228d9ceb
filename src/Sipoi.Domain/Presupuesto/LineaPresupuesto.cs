namespace Sipoi.Domain.Presupuesto;

public enum TipoLineaPresupuesto { Ingreso, Egreso }

/// <summary>One line of the year's budget (PIA) by genérica: "1.3 Venta de Bienes y Servicios", "2.3 Bienes y Servicios".</summary>
public sealed class LineaPresupuesto
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    public TipoLineaPresupuesto Tipo { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Nombre { get; private set; } = null!;
    public decimal Monto { get; private set; }

    private LineaPresupuesto() { }

    public LineaPresupuesto(int entidadId, int anio, TipoLineaPresupuesto tipo, string codigo, string nombre, decimal monto)
    {
        if (monto < 0) throw new ReglaDominioException($"Monto de {codigo}: no puede ser negativo.", "monto");
        EntidadId = entidadId;
        Anio = anio;
        Tipo = tipo;
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Nombre = Texto.Requerido(nombre, "nombre");
        Monto = monto;
    }

    /// <summary>Corrects the line's name and amount; the type and the genérica code identify it and stay.</summary>
    public void Actualizar(string nombre, decimal monto)
    {
        if (monto < 0) throw new ReglaDominioException($"Monto de {Codigo}: no puede ser negativo.", "monto");
        Nombre = Texto.Requerido(nombre, "nombre");
        Monto = monto;
    }

    /// <summary>
    /// The opening budget of a year whose POI has an approved version is part of that approved document: it is not
    /// edited line by line afterwards (<paramref name="versionAprobada"/>: the approved version's label, null when none).
    /// </summary>
    public static void VerificarEditable(int anio, string? versionAprobada)
    {
        if (versionAprobada is not null)
            throw new ReglaDominioException(
                $"El presupuesto {anio} no se cambia aquí: forma parte del POI {anio} aprobado («{versionAprobada}»). " +
                "Los cambios posteriores a la aprobación son modificaciones presupuestarias, no del presupuesto de apertura.");
    }

    /// <summary>Share of the total, in percent (Cuadro N° 2/3 of a POI).</summary>
    public static decimal Participacion(decimal monto, decimal total) => total == 0 ? 0 : monto / total * 100;
}
