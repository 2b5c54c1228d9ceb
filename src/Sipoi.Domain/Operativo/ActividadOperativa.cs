using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Operativo;

public enum TipoActividad { AO, Inversion }

/// <summary>
/// An operational activity (AO) or investment of a POI year. What it is (name, unit, owner, AEI)
/// lives here; what is programmed lives in a <see cref="ProgramacionActividad"/> per POI version;
/// what was executed lives in <see cref="AvanceMensual"/> and belongs to the year, so reprogramming
/// never touches execution.
/// </summary>
public sealed class ActividadOperativa
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int PoiId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public TipoActividad Tipo { get; private set; }
    public string Nombre { get; private set; } = null!;
    public int CentroCostoId { get; private set; }
    public int AeiId { get; private set; }
    public int? FichaId { get; private set; }
    public string? Numero { get; private set; }
    public string? Grupo { get; private set; }
    public string? UnidadMedida { get; private set; }
    public string? Responsable { get; private set; }
    public int? MesInicio { get; private set; }
    public int? MesFin { get; private set; }
    public string? CategoriaPresupuestal { get; private set; }
    public string? Producto { get; private set; }
    public string? ActividadPresupuestal { get; private set; }
    public string? Cui { get; private set; }
    public int? Prioridad { get; private set; }
    public List<AvanceMensual> Avances { get; private set; } = [];
    /// <summary>Executed amounts by genérica de gasto (the split of <see cref="AvanceMensual.EjecutadoFinanciero"/>).</summary>
    public List<AvanceFinanciero> AvancesFinancieros { get; private set; } = [];

    private ActividadOperativa() { }

    public ActividadOperativa(int entidadId, int poiId, string codigo, TipoActividad tipo, string nombre, int centroCostoId, int aeiId, DatosActividad datos)
    {
        EntidadId = entidadId;
        PoiId = poiId;
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Tipo = tipo;
        Nombre = Texto.Requerido(nombre, "nombre");
        CentroCostoId = centroCostoId;
        AeiId = aeiId;
        Aplicar(datos);
    }

    /// <summary>
    /// A draft changes what the activity is. Its AEI is fixed once a version was approved with it:
    /// the evaluation of that version reads the activity's AEI, and a draft must not change it.
    /// </summary>
    public void Actualizar(string nombre, TipoActividad tipo, int aeiId, DatosActividad datos, bool enVersionAprobada)
    {
        if (enVersionAprobada && aeiId != AeiId)
            throw new ReglaDominioException($"La actividad {Codigo} ya está en una versión aprobada: su AEI no se puede cambiar. " +
                "Retírela y cree una actividad nueva con la otra AEI.");
        Nombre = Texto.Requerido(nombre, "nombre");
        Tipo = tipo;
        AeiId = aeiId;
        Aplicar(datos);
    }

    private void Aplicar(DatosActividad d)
    {
        if (d.MesInicio is { } i && i is < 1 or > 12) throw new ReglaDominioException($"Mes de inicio no válido en {Codigo}: {i}.", "mesInicio");
        if (d.MesFin is { } f && f is < 1 or > 12) throw new ReglaDominioException($"Mes de fin no válido en {Codigo}: {f}.", "mesFin");
        if (d.MesInicio > d.MesFin) throw new ReglaDominioException($"Actividad {Codigo}: {VerificarMeses(d.MesInicio, d.MesFin)}.", "mesInicio");
        FichaId = d.FichaId;
        Numero = Texto.Opcional(d.Numero, "número", ClaseTexto.Codigo);
        Grupo = Texto.Opcional(d.Grupo, "grupo");
        UnidadMedida = Texto.Opcional(d.UnidadMedida, "unidad de medida");
        Responsable = Texto.Opcional(d.Responsable, "responsable");
        MesInicio = d.MesInicio;
        MesFin = d.MesFin;
        CategoriaPresupuestal = Texto.Opcional(d.CategoriaPresupuestal, "categoría presupuestal");
        Producto = Texto.Opcional(d.Producto, "producto");
        ActividadPresupuestal = Texto.Opcional(d.ActividadPresupuestal, "actividad presupuestal");
        Cui = Texto.Opcional(d.Cui, "CUI", ClaseTexto.Codigo);
        Prioridad = d.Prioridad;
    }

    /// <summary>
    /// The start ≤ end rule for the months an activity runs, as every reader reports it (null when they agree
    /// or one is missing). Months outside 1–12 are each reader's own type check.
    /// </summary>
    public static string? VerificarMeses(int? inicio, int? fin) =>
        inicio is { } i && fin is { } f && i > f
            ? $"el mes de inicio ({Meses.Nombre(i).ToLowerInvariant()}) es posterior al mes de fin ({Meses.Nombre(f).ToLowerInvariant()})"
            : null;

    /// <summary>Executed physical values of the 12 months; null means "not registered".</summary>
    public decimal?[] EjecutadoFisico()
    {
        var meses = new decimal?[12];
        foreach (var a in Avances) meses[a.Mes - 1] = a.EjecutadoFisico;
        return meses;
    }

    /// <summary>Records the executed amount of one genérica in a month (null removes it: not registered).</summary>
    public void FijarAvanceFinanciero(string generica, int mes, decimal? monto)
    {
        if (mes is < 1 or > 12) throw new ReglaDominioException($"Mes no válido: {mes}.");
        if (monto < 0) throw new ReglaDominioException($"{Codigo}, {Meses.Nombre(mes)}, genérica {generica}: el monto no puede ser negativo.");
        var actual = AvancesFinancieros.FirstOrDefault(a => a.Generica == generica && a.Mes == mes);
        if (monto is not { } m)
        {
            if (actual is not null) AvancesFinancieros.Remove(actual);
            return;
        }
        if (actual is null) AvancesFinancieros.Add(new AvanceFinanciero(EntidadId, generica, mes, m));
        else actual.Monto = m;
    }

    /// <summary>Loads a month's execution as received (import of an exchange file, migration of history).</summary>
    public AvanceMensual FijarAvance(int mes, decimal? fisico, decimal? financiero)
    {
        if (mes is < 1 or > 12) throw new ReglaDominioException($"Mes no válido: {mes}.");
        if (fisico < 0 || financiero < 0) throw new ReglaDominioException($"{Codigo}, {Meses.Nombre(mes)}: el avance no puede ser negativo.");
        var avance = Avances.FirstOrDefault(a => a.Mes == mes);
        if (avance is null)
        {
            avance = new AvanceMensual(EntidadId, mes);
            Avances.Add(avance);
        }
        avance.EjecutadoFisico = fisico;
        avance.EjecutadoFinanciero = financiero;
        return avance;
    }

    /// <summary>The month's registration, or null when nothing was registered.</summary>
    public AvanceMensual? AvanceDe(int mes) => Avances.FirstOrDefault(a => a.Mes == mes);

    /// <summary>
    /// An operator registers (or corrects) the month of <paramref name="seguimiento"/>: refused when the
    /// month is not editable (submitted, approved, not begun or past its deadline) and when any value
    /// is invalid or absurd (all problems in the message, one per line). Missing justification is
    /// allowed here, so a draft can be saved; the submission demands it (Seguimiento/README.md).
    /// </summary>
    public AvanceMensual RegistrarAvance(SeguimientoMensual seguimiento, ConfiguracionEntidad configuracion,
        ProgramacionActividad programacion, DatosAvance datos, string usuario, DateTimeOffset ahora)
    {
        if (string.IsNullOrWhiteSpace(usuario)) throw new ReglaDominioException("La operación debe registrar el usuario que la hace.");
        if (seguimiento.EntidadId != EntidadId || seguimiento.PoiId != PoiId || seguimiento.CentroCostoId != CentroCostoId)
            throw new ReglaDominioException($"La actividad {Codigo} no pertenece al centro de costo y POI de este seguimiento.");
        if (programacion.ActividadId != Id)
            throw new ReglaDominioException($"La programación recibida no es la de la actividad {Codigo}.");
        seguimiento.AsegurarEditable(configuracion, Plazos.Hoy(ahora));
        var limpio = datos.Normalizado();
        var problemas = ValidacionAvance.Validar(ActividadDelMes.De(this, programacion, seguimiento.Mes, limpio), seguimiento.MesDelAnio);
        if (problemas.Count > 0) throw new ReglaDominioException(string.Join("\n", problemas.Select(p => p.Mensaje)));
        var avance = FijarAvance(seguimiento.Mes, limpio.Fisico, limpio.Financiero);
        avance.Justificar(limpio.Logros, limpio.Dificultades, limpio.MedidasCorrectivas);
        seguimiento.RegistrarModificacion(usuario, ahora);
        return avance;
    }
}

/// <summary>The optional descriptive fields of an activity.</summary>
public sealed record DatosActividad(
    int? FichaId = null,
    string? Numero = null,
    string? Grupo = null,
    string? UnidadMedida = null,
    string? Responsable = null,
    int? MesInicio = null,
    int? MesFin = null,
    string? CategoriaPresupuestal = null,
    string? Producto = null,
    string? ActividadPresupuestal = null,
    string? Cui = null,
    int? Prioridad = null);

/// <summary>What an activity executed in one month, with the justification the monitoring requires.</summary>
public sealed class AvanceMensual
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ActividadId { get; private set; }
    public int Mes { get; private set; }
    public decimal? EjecutadoFisico { get; internal set; }
    public decimal? EjecutadoFinanciero { get; internal set; }
    public string? Logros { get; private set; }
    public string? Dificultades { get; private set; }
    public string? MedidasCorrectivas { get; private set; }

    private AvanceMensual() { }

    internal AvanceMensual(int entidadId, int mes)
    {
        EntidadId = entidadId;
        Mes = mes;
    }

    public void Justificar(string? logros, string? dificultades, string? medidas)
    {
        // All three checked before any is kept: a refused justification changes nothing.
        var l = Texto.Verificado(logros, "logros", ClaseTexto.TextoLargo);
        var d = Texto.Verificado(dificultades, "dificultades", ClaseTexto.TextoLargo);
        var m = Texto.Verificado(medidas, "medidas correctivas", ClaseTexto.TextoLargo);
        Logros = l;
        Dificultades = d;
        MedidasCorrectivas = m;
    }
}

/// <summary>Executed amount (devengado, soles) of one genérica de gasto in one month.</summary>
public sealed class AvanceFinanciero
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ActividadId { get; private set; }
    public string Generica { get; private set; } = null!;
    public int Mes { get; private set; }
    public decimal Monto { get; internal set; }

    private AvanceFinanciero() { }

    internal AvanceFinanciero(int entidadId, string generica, int mes, decimal monto)
    {
        EntidadId = entidadId;
        Generica = Texto.Requerido(generica, "genérica", ClaseTexto.Codigo);
        Mes = mes;
        Monto = monto;
    }
}
