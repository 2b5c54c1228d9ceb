using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Operativo;

/// <summary>
/// What one POI version programs for an activity: behaviour, weight, annual target and the 12
/// monthly physical and financial targets. An activity absent from a version is not part of it
/// (cancelled, or not yet added).
/// </summary>
public sealed class ProgramacionActividad
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ActividadId { get; private set; }
    public int PoiVersionId { get; private set; }
    public Comportamiento Comportamiento { get; private set; }
    public decimal Peso { get; private set; } = 1;
    public List<MetaMensual> Metas { get; private set; } = [];
    public List<ProgramacionFinanciera> Financiera { get; private set; } = [];

    private ProgramacionActividad() { }

    public ProgramacionActividad(int entidadId, int actividadId, int poiVersionId, Comportamiento comportamiento, decimal peso,
        IReadOnlyList<decimal> fisico, IReadOnlyList<decimal>? financiero = null)
    {
        if (peso <= 0) throw new ReglaDominioException("El peso de la actividad debe ser mayor que cero.");
        EntidadId = entidadId;
        ActividadId = actividadId;
        PoiVersionId = poiVersionId;
        Comportamiento = comportamiento;
        Peso = peso;
        Programar(fisico, financiero);
    }

    /// <summary>Annual physical target, by the one roll-up rule of the behaviour.</summary>
    public decimal MetaAnual => Agregacion.Programado(Comportamiento, ProgramadoFisico(), Periodo.Anual);

    public decimal[] ProgramadoFisico()
    {
        var meses = new decimal[12];
        foreach (var m in Metas) meses[m.Mes - 1] = m.Fisico;
        return meses;
    }

    public decimal[] ProgramadoFinanciero()
    {
        var meses = new decimal[12];
        foreach (var m in Metas) meses[m.Mes - 1] = m.Financiero;
        return meses;
    }

    /// <summary>
    /// Checks months against a stated annual target; the office types both and they must agree
    /// under the activity's behaviour.
    /// </summary>
    public static string? VerificarMetaAnual(Comportamiento comportamiento, IReadOnlyList<decimal> fisico, decimal metaAnual)
    {
        var calculada = Agregacion.Programado(comportamiento, fisico, Periodo.Anual);
        return calculada == metaAnual
            ? null
            : $"La meta anual {metaAnual} no coincide con los meses ({comportamiento.Nombre().ToLowerInvariant()} = {calculada}).";
    }

    private void Programar(IReadOnlyList<decimal> fisico, IReadOnlyList<decimal>? financiero)
    {
        if (fisico.Count != 12) throw new ReglaDominioException($"Se esperan 12 metas mensuales y llegaron {fisico.Count}.");
        if (financiero is not null && financiero.Count != 12) throw new ReglaDominioException($"Se esperan 12 montos mensuales y llegaron {financiero.Count}.");
        Metas.Clear();
        for (var mes = 1; mes <= 12; mes++)
        {
            var f = fisico[mes - 1];
            var s = financiero?[mes - 1] ?? 0;
            if (f < 0 || s < 0) throw new ReglaDominioException($"{Meses.Nombre(mes)}: la meta no puede ser negativa.");
            Metas.Add(new MetaMensual(EntidadId, mes, f, s));
        }
    }
}

/// <summary>Physical target and financial programming (soles, all genéricas) of one month.</summary>
public sealed class MetaMensual
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ProgramacionId { get; private set; }
    public int Mes { get; private set; }
    public decimal Fisico { get; private set; }
    public decimal Financiero { get; private set; }

    private MetaMensual() { }

    internal MetaMensual(int entidadId, int mes, decimal fisico, decimal financiero)
    {
        EntidadId = entidadId;
        Mes = mes;
        Fisico = fisico;
        Financiero = financiero;
    }
}

/// <summary>Monthly financial programming of one genérica de gasto (2.1, 2.3, 2.6 …).</summary>
public sealed class ProgramacionFinanciera
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ProgramacionId { get; private set; }
    public string Generica { get; private set; } = null!;
    public int Mes { get; private set; }
    public decimal Monto { get; private set; }

    private ProgramacionFinanciera() { }

    public ProgramacionFinanciera(int entidadId, string generica, int mes, decimal monto)
    {
        if (monto < 0) throw new ReglaDominioException("El monto programado no puede ser negativo.");
        EntidadId = entidadId;
        Generica = Texto.Requerido(generica, nameof(generica));
        Mes = mes;
        Monto = monto;
    }
}
