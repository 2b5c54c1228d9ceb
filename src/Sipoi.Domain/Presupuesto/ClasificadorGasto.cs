namespace Sipoi.Domain.Presupuesto;

/// <summary>Where an amount of the genérica 2.3 (Bienes y servicios) goes in the directive's "cuadro resumen".</summary>
public enum RubroBienesServicios
{
    /// <summary>Subgenérica 2.3.1 — compra de bienes.</summary>
    Bienes,
    /// <summary>Subgenérica 2.3.2 — contratación de servicios.</summary>
    Servicios,
    /// <summary>Coded "2.3" alone: goods or services, the entity did not say which.</summary>
    SinDesagregar,
    /// <summary>Any other genérica (2.1 personal, 2.6 activos no financieros, …): not part of the goods/services summary.</summary>
    Otra,
}

/// <summary>Goods, services and the 2.3 amounts without subgenérica, in soles.</summary>
public readonly record struct CostoBienesServicios(decimal Bienes, decimal Servicios, decimal SinDesagregar)
{
    public decimal Total => Bienes + Servicios;
}

/// <summary>
/// The MEF expenditure classifier as the budget summary needs it: genérica 2.3 "Bienes y servicios"
/// splits into subgenérica 2.3.1 (compra de bienes) and 2.3.2 (contratación de servicios). Codes are
/// kept as the entity writes them, so spaces and trailing dots are tolerated ("2.3.1.", "2.3. 2").
/// </summary>
public static class ClasificadorGasto
{
    public static RubroBienesServicios Rubro(string generica)
    {
        ArgumentNullException.ThrowIfNull(generica);
        var partes = generica.Replace(" ", "", StringComparison.Ordinal).Trim('.').Split('.');
        if (partes.Length < 2 || partes[0] != "2" || partes[1] != "3") return RubroBienesServicios.Otra;
        if (partes.Length == 2) return RubroBienesServicios.SinDesagregar;
        return partes[2] switch
        {
            "1" => RubroBienesServicios.Bienes,
            "2" => RubroBienesServicios.Servicios,
            _ => RubroBienesServicios.Otra,
        };
    }

    /// <summary>Adds programmed amounts (genérica, soles) into goods, services and unsplit 2.3; other genéricas are left out.</summary>
    public static CostoBienesServicios Sumar(IEnumerable<(string Generica, decimal Monto)> montos)
    {
        decimal bienes = 0, servicios = 0, sinDesagregar = 0;
        foreach (var (generica, monto) in montos)
        {
            switch (Rubro(generica))
            {
                case RubroBienesServicios.Bienes: bienes += monto; break;
                case RubroBienesServicios.Servicios: servicios += monto; break;
                case RubroBienesServicios.SinDesagregar: sinDesagregar += monto; break;
            }
        }
        return new CostoBienesServicios(bienes, servicios, sinDesagregar);
    }
}
