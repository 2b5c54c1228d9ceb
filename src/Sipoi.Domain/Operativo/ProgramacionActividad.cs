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
    /// <summary>The activity's indicator in this version (<see cref="DetalleActividad"/>): statement and type, both or neither.</summary>
    public string? Indicador { get; private set; }
    public TipoIndicadorActividad? TipoIndicador { get; private set; }
    public List<ElementoCritico> ElementosCriticos { get; private set; } = [];
    public List<NecesidadActividad> Necesidades { get; private set; } = [];

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

    /// <summary>Indicative targets of the following years (POI Multianual only; the version's own year binds).</summary>
    public List<ProyeccionMultianual> Proyecciones { get; private set; } = [];

    /// <summary>
    /// A draft's new programming: behaviour, weight, the 12 physical targets and the financial
    /// programming by genérica (the monthly total is their sum). Rows are updated in place.
    /// Whether the months agree with a stated annual target is judged before, on the proposal.
    /// </summary>
    public void Reprogramar(Comportamiento comportamiento, decimal peso, IReadOnlyList<decimal> fisico, IReadOnlyList<FinancieroGenerica> financiero)
    {
        if (peso <= 0) throw new ReglaDominioException("El peso de la actividad debe ser mayor que cero.");
        if (fisico.Count != 12) throw new ReglaDominioException($"Se esperan 12 metas mensuales y llegaron {fisico.Count}.");
        var porMes = new decimal[12];
        var deseado = new Dictionary<(string, int), decimal>();
        foreach (var g in financiero)
        {
            if (g.Montos.Count != 12) throw new ReglaDominioException($"Genérica {g.Generica}: se esperan 12 montos mensuales y llegaron {g.Montos.Count}.");
            for (var mes = 1; mes <= 12; mes++)
            {
                var monto = g.Montos[mes - 1];
                if (monto < 0) throw new ReglaDominioException($"Genérica {g.Generica}, {Meses.Nombre(mes)}: el monto no puede ser negativo.");
                if (monto == 0) continue;
                if (!deseado.TryAdd((g.Generica, mes), monto)) throw new ReglaDominioException($"La genérica {g.Generica} aparece dos veces.");
                porMes[mes - 1] += monto;
            }
        }
        Comportamiento = comportamiento;
        Peso = peso;
        for (var mes = 1; mes <= 12; mes++)
        {
            if (fisico[mes - 1] < 0) throw new ReglaDominioException($"{Meses.Nombre(mes)}: la meta no puede ser negativa.");
            var meta = Metas.FirstOrDefault(m => m.Mes == mes);
            if (meta is null) Metas.Add(new MetaMensual(EntidadId, mes, fisico[mes - 1], porMes[mes - 1]));
            else meta.Fijar(fisico[mes - 1], porMes[mes - 1]);
        }
        Financiera.RemoveAll(f => !deseado.ContainsKey((f.Generica, f.Mes)));
        foreach (var ((generica, mes), monto) in deseado)
        {
            var fila = Financiera.FirstOrDefault(f => f.Generica == generica && f.Mes == mes);
            if (fila is null) Financiera.Add(new ProgramacionFinanciera(EntidadId, generica, mes, monto));
            else fila.Fijar(monto);
        }
    }

    /// <summary>The financial programming by genérica as the form shows it: one row of 12 amounts per genérica, in code order.</summary>
    public IReadOnlyList<FinancieroGenerica> FinancieroPorGenerica() =>
        Financiera.GroupBy(f => f.Generica).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var montos = new decimal[12];
                foreach (var f in g) montos[f.Mes - 1] += f.Monto;
                return new FinancieroGenerica(g.Key, montos);
            }).ToList();

    /// <summary>Sets the indicative targets of the following years (only those given are kept).</summary>
    public void Proyectar(IReadOnlyList<(int Anio, decimal MetaFisica, decimal Monto)> anios)
    {
        foreach (var (anio, meta, monto) in anios)
            if (meta < 0 || monto < 0) throw new ReglaDominioException($"Proyección {anio}: la meta y el monto no pueden ser negativos.");
        Proyecciones.RemoveAll(p => anios.All(a => a.Anio != p.Anio));
        foreach (var (anio, meta, monto) in anios)
        {
            var p = Proyecciones.FirstOrDefault(x => x.Anio == anio);
            if (p is null) Proyecciones.Add(new ProyeccionMultianual(EntidadId, anio, meta, monto));
            else p.Fijar(meta, monto);
        }
    }

    /// <summary>The same programming for another activity row or version (a new version starts as a copy of the one in force).</summary>
    public ProgramacionActividad CopiarPara(int actividadId, int poiVersionId, bool conProyecciones)
    {
        var copia = new ProgramacionActividad(EntidadId, actividadId, poiVersionId, Comportamiento, Peso, ProgramadoFisico(), ProgramadoFinanciero());
        foreach (var f in Financiera) copia.Financiera.Add(new ProgramacionFinanciera(EntidadId, f.Generica, f.Mes, f.Monto));
        if (conProyecciones) foreach (var p in Proyecciones) copia.Proyecciones.Add(new ProyeccionMultianual(EntidadId, p.Anio, p.MetaFisica, p.Monto));
        copia.Detallar(Detalle(), "(copia)");
        return copia;
    }

    /// <summary>Indicator, critical elements and needs as this version holds them (elements and lines in their order).</summary>
    public DetalleActividad Detalle() => new(Indicador, TipoIndicador,
        ElementosCriticos.OrderBy(e => e.Orden).Select(e => e.Texto).ToList(),
        Necesidades.OrderBy(n => n.Orden).Select(n => n.ComoNecesidad()).ToList());

    /// <summary>
    /// Sets the directive's details of the activity in this version (<see cref="DetalleActividad.Problemas"/>): all
    /// problems in one refusal, one per line, and nothing changed. Texts are trimmed; rows are updated in place by
    /// position, so the audit log shows what changed rather than a removal and an insertion.
    /// </summary>
    public void Detallar(DetalleActividad detalle, string actividad)
    {
        ArgumentNullException.ThrowIfNull(detalle);
        if (detalle.Problemas(actividad) is { Count: > 0 } problemas)
            throw new ReglaDominioException(string.Join("\n", problemas.Select(p => p.Mensaje)), problemas[0].Campo);
        Indicador = string.IsNullOrWhiteSpace(detalle.Indicador) ? null : detalle.Indicador.Trim();
        TipoIndicador = Indicador is null ? null : detalle.TipoIndicador;
        var elementos = detalle.ElementosCriticos.Select(e => e.Trim()).ToList();
        ElementosCriticos.RemoveAll(e => e.Orden > elementos.Count);
        for (var i = 0; i < elementos.Count; i++)
        {
            var fila = ElementosCriticos.FirstOrDefault(e => e.Orden == i + 1);
            if (fila is null) ElementosCriticos.Add(new ElementoCritico(EntidadId, i + 1, elementos[i]));
            else if (fila.Texto != elementos[i]) fila.Fijar(elementos[i]);
        }
        var lineas = detalle.Necesidades
            .Select(n => n with { Codigo = string.IsNullOrWhiteSpace(n.Codigo) ? null : n.Codigo.Trim(), Detalle = n.Detalle.Trim() }).ToList();
        Necesidades.RemoveAll(n => n.Orden > lineas.Count);
        for (var i = 0; i < lineas.Count; i++)
        {
            var fila = Necesidades.FirstOrDefault(n => n.Orden == i + 1);
            if (fila is null) Necesidades.Add(new NecesidadActividad(EntidadId, i + 1, lineas[i]));
            else if (fila.ComoNecesidad() != lineas[i]) fila.Fijar(lineas[i]);
        }
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

    internal void Fijar(decimal fisico, decimal financiero)
    {
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
        Generica = Texto.Requerido(generica, "genérica", ClaseTexto.Codigo);
        Mes = mes;
        Monto = monto;
    }

    internal void Fijar(decimal monto) => Monto = monto;
}

/// <summary>The monthly amounts (soles) one genérica de gasto programs for an activity: "2.3" with 12 amounts.</summary>
public sealed record FinancieroGenerica(string Generica, IReadOnlyList<decimal> Montos);

/// <summary>An indicative annual target of a later year in a POI Multianual (physical target and soles).</summary>
public sealed class ProyeccionMultianual
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ProgramacionId { get; private set; }
    public int Anio { get; private set; }
    public decimal MetaFisica { get; private set; }
    public decimal Monto { get; private set; }

    private ProyeccionMultianual() { }

    internal ProyeccionMultianual(int entidadId, int anio, decimal metaFisica, decimal monto)
    {
        EntidadId = entidadId;
        Anio = anio;
        MetaFisica = metaFisica;
        Monto = monto;
    }

    internal void Fijar(decimal metaFisica, decimal monto)
    {
        MetaFisica = metaFisica;
        Monto = monto;
    }
}
