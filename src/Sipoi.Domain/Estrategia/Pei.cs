namespace Sipoi.Domain.Estrategia;

public enum EstadoPei { RegistroIniciado, Registrado, EnImplementacion, Finalizado }

/// <summary>Plan Estratégico Institucional: 3–5 years, its OEI, AEI and indicators.</summary>
public sealed class Pei
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string? Nombre { get; private set; }
    public int Inicio { get; private set; }
    public int Fin { get; private set; }
    public string? Mision { get; private set; }
    public string? Vision { get; private set; }
    public EstadoPei Estado { get; private set; }
    /// <summary>The PEI this one extends or updates; the old one stays readable.</summary>
    public int? PeiAnteriorId { get; private set; }
    public List<Oei> Oeis { get; private set; } = [];

    private Pei() { }

    public Pei(int entidadId, string codigo, int inicio, int fin, string? nombre = null, string? mision = null, string? vision = null, EstadoPei estado = EstadoPei.RegistroIniciado)
    {
        EntidadId = entidadId;
        Codigo = Texto.Requerido(codigo, nameof(codigo));
        Actualizar(nombre, inicio, fin, mision, vision, estado);
    }

    public void Actualizar(string? nombre, int inicio, int fin, string? mision, string? vision, EstadoPei estado)
    {
        if (fin < inicio) throw new ReglaDominioException($"El PEI {Codigo} termina ({fin}) antes de empezar ({inicio}).");
        Nombre = nombre;
        Inicio = inicio;
        Fin = fin;
        Mision = mision;
        Vision = vision;
        Estado = estado;
    }

    public bool Cubre(int anio) => anio >= Inicio && anio <= Fin;

    public Oei AgregarOei(string codigo, string enunciado, int prioridad)
    {
        if (Oeis.Any(o => o.Codigo == codigo)) throw new ReglaDominioException($"El OEI {codigo} ya existe en el PEI {Codigo}.");
        if (Oeis.Any(o => o.Prioridad == prioridad)) throw new ReglaDominioException($"La prioridad {prioridad} ya la tiene otro OEI del PEI {Codigo}.");
        var oei = new Oei(EntidadId, codigo, enunciado, prioridad);
        Oeis.Add(oei);
        return oei;
    }

    public IEnumerable<Aei> Aeis => Oeis.SelectMany(o => o.Aeis);
}

/// <summary>Objetivo Estratégico Institucional. Priority 1 is the most important; unique within the PEI.</summary>
public sealed class Oei
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int PeiId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Enunciado { get; private set; } = null!;
    public int Prioridad { get; private set; }
    public List<Aei> Aeis { get; private set; } = [];
    public List<Indicador> Indicadores { get; private set; } = [];

    private Oei() { }

    internal Oei(int entidadId, string codigo, string enunciado, int prioridad)
    {
        EntidadId = entidadId;
        Codigo = Texto.Requerido(codigo, nameof(codigo));
        Actualizar(enunciado, prioridad);
    }

    /// <summary>
    /// Changes text and priority. Uniqueness of priorities is a rule of the whole PEI, checked by
    /// whoever changes several at once (the form, the importer) and guarded by a unique index.
    /// </summary>
    public void Actualizar(string enunciado, int prioridad)
    {
        if (prioridad < 1) throw new ReglaDominioException($"La prioridad del OEI {Codigo} debe ser 1 o mayor.");
        Enunciado = Texto.Requerido(enunciado, nameof(enunciado));
        Prioridad = prioridad;
    }

    public Aei AgregarAei(string codigo, string enunciado, int prioridad, string? responsable = null)
    {
        if (Aeis.Any(a => a.Codigo == codigo)) throw new ReglaDominioException($"La AEI {codigo} ya existe en el {Codigo}.");
        if (Aeis.Any(a => a.Prioridad == prioridad)) throw new ReglaDominioException($"La prioridad {prioridad} ya la tiene otra AEI del {Codigo}.");
        var aei = new Aei(EntidadId, codigo, enunciado, prioridad, responsable);
        Aeis.Add(aei);
        return aei;
    }

    public Indicador AgregarIndicador(Indicador indicador)
    {
        Indicadores.Add(indicador);
        return indicador;
    }
}

/// <summary>Acción Estratégica Institucional; priority unique within its OEI.</summary>
public sealed class Aei
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int OeiId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Enunciado { get; private set; } = null!;
    public int Prioridad { get; private set; }
    public string? Responsable { get; private set; }
    public List<Indicador> Indicadores { get; private set; } = [];

    private Aei() { }

    internal Aei(int entidadId, string codigo, string enunciado, int prioridad, string? responsable)
    {
        EntidadId = entidadId;
        Codigo = Texto.Requerido(codigo, nameof(codigo));
        Actualizar(enunciado, prioridad, responsable);
    }

    public void Actualizar(string enunciado, int prioridad, string? responsable)
    {
        if (prioridad < 1) throw new ReglaDominioException($"La prioridad de la AEI {Codigo} debe ser 1 o mayor.");
        Enunciado = Texto.Requerido(enunciado, nameof(enunciado));
        Prioridad = prioridad;
        Responsable = responsable;
    }

    public Indicador AgregarIndicador(Indicador indicador)
    {
        Indicadores.Add(indicador);
        return indicador;
    }
}
