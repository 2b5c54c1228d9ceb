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
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Actualizar(nombre, inicio, fin, mision, vision, estado);
    }

    public void Actualizar(string? nombre, int inicio, int fin, string? mision, string? vision, EstadoPei estado)
    {
        if (fin < inicio) throw new ReglaDominioException($"El PEI {Codigo} termina ({fin}) antes de empezar ({inicio}).");
        Nombre = Texto.Opcional(nombre, "nombre");
        Inicio = inicio;
        Fin = fin;
        Mision = Texto.Opcional(mision, "misión", ClaseTexto.TextoLargo);
        Vision = Texto.Opcional(vision, "visión", ClaseTexto.TextoLargo);
        Estado = estado;
    }

    public bool Cubre(int anio) => anio >= Inicio && anio <= Fin;

    /// <summary>
    /// <see cref="Actualizar(string?, int, int, string?, string?, EstadoPei)"/> for a PEI already in use: a new horizon must
    /// still cover every POI year that hangs from it (<paramref name="aniosDePois"/>); to reach further, the office extends
    /// it (<see cref="Ampliar(string, int, int, string?, EstadoPei)"/>) or derives an updated PEI.
    /// </summary>
    public void Actualizar(string? nombre, int inicio, int fin, string? mision, string? vision, EstadoPei estado, IEnumerable<int> aniosDePois)
    {
        if ((inicio != Inicio || fin != Fin) && aniosDePois.Where(a => a < inicio || a > fin).Order().Cast<int?>().FirstOrDefault() is { } poi)
            throw new ReglaDominioException($"El POI {poi} usa este PEI y quedaría fuera del horizonte {inicio}–{fin}. " +
                "Para extenderlo o cambiarlo, cree una ampliación o un PEI actualizado.");
        Actualizar(nombre, inicio, fin, mision, vision, estado);
    }

    /// <summary>
    /// Horizon check of the indicator form: the baseline year may precede the PEI (it usually does) but not follow its end;
    /// a yearly value must be a year of the horizon. Null when valid, else the reason in lower case after the field's label.
    /// </summary>
    public string? MotivoAnioLineaBase(int anio) => anio < 1900 || anio > Fin ? $"{anio} no es un año válido (hasta {Fin})" : null;

    /// <inheritdoc cref="MotivoAnioLineaBase"/>
    public string? MotivoAnioFueraDelHorizonte(int anio) => Cubre(anio) ? null : $"está fuera del horizonte del PEI ({Inicio}–{Fin})";

    public Oei AgregarOei(string codigo, string enunciado, int prioridad)
    {
        if (Oeis.Any(o => o.Codigo == codigo)) throw new ReglaDominioException($"El OEI {codigo} ya existe en el PEI {Codigo}.");
        if (Oeis.Any(o => o.Prioridad == prioridad)) throw new ReglaDominioException($"La prioridad {prioridad} ya la tiene otro OEI del PEI {Codigo}.");
        var oei = new Oei(EntidadId, codigo, enunciado, prioridad);
        Oeis.Add(oei);
        return oei;
    }

    public IEnumerable<Aei> Aeis => Oeis.SelectMany(o => o.Aeis);

    /// <summary>Every indicator of the PEI, of its OEIs and of their AEIs (a method: EF maps properties as navigations).</summary>
    public IEnumerable<Indicador> TodosLosIndicadores() => Oeis.SelectMany(o => o.Indicadores.Concat(o.Aeis.SelectMany(a => a.Indicadores)));

    /// <summary>
    /// Adds an AEI to one of this PEI's OEIs. AEI codes are unique in the whole PEI (an activity names its AEI
    /// by code alone), not only within the OEI.
    /// </summary>
    public Aei AgregarAei(Oei oei, string codigo, string enunciado, int prioridad, string? responsable = null)
    {
        if (!Oeis.Contains(oei)) throw new ReglaDominioException($"El {oei.Codigo} no pertenece al PEI {Codigo}.");
        var c = (codigo ?? "").Trim();
        if (Aeis.Any(a => a.Codigo == c)) throw new ReglaDominioException($"Código: la AEI {c} ya existe en el PEI {Codigo}.", "codigo");
        return oei.AgregarAei(c, enunciado, prioridad, responsable);
    }

    /// <summary>
    /// The AEI an activity of a POI under this PEI serves, by its code. Only this PEI's AEIs count: AEI codes repeat
    /// between PEIs (an updated PEI keeps them) and mean different things, so one of another PEI is never matched.
    /// Null with <paramref name="motivo"/> (lower case, for the reader to put after its own address) when the code is
    /// not one of them.
    /// </summary>
    public Aei? AeiParaActividad(string codigo, out string? motivo)
    {
        var c = (codigo ?? "").Trim();
        var aei = Aeis.FirstOrDefault(a => a.Codigo == c);
        motivo = aei is null ? $"la AEI {c} no pertenece al PEI de este POI" : null;
        return aei;
    }

    /// <summary>
    /// Adds an indicator to an OEI of this PEI, or to one of its AEIs (<paramref name="aei"/>). Indicator codes
    /// are unique in the whole PEI: reports and the exchange file name an indicator by its code alone.
    /// </summary>
    public Indicador AgregarIndicador(Oei oei, Aei? aei, Indicador indicador)
    {
        if (!Oeis.Contains(oei) || (aei is not null && !oei.Aeis.Contains(aei)))
            throw new ReglaDominioException($"El objetivo elegido no pertenece al PEI {Codigo}.");
        if (TodosLosIndicadores().Any(i => i.Codigo == indicador.Codigo))
            throw new ReglaDominioException($"Código: el indicador {indicador.Codigo} ya existe en el PEI {Codigo}.", "codigo");
        return aei is not null ? aei.AgregarIndicador(indicador) : oei.AgregarIndicador(indicador);
    }

    /// <summary>Changes an OEI's text and priority; refuses a priority another OEI of this PEI already has.</summary>
    public void ActualizarOei(Oei oei, string enunciado, int prioridad)
    {
        if (Oeis.Any(o => o != oei && o.Prioridad == prioridad))
            throw new ReglaDominioException($"La prioridad {prioridad} ya la tiene otro OEI del PEI {Codigo}.");
        oei.Actualizar(enunciado, prioridad);
    }

    /// <summary>
    /// Checks a set of OEI priorities (by code) that will be saved together: each at least 1 and none repeated.
    /// Null when valid, else the message naming the first offending OEI.
    /// </summary>
    public static string? VerificarPrioridades(IReadOnlyList<(string Codigo, int Prioridad)> prioridades, string ambito)
    {
        var vistos = new Dictionary<int, string>();
        foreach (var (codigo, prioridad) in prioridades)
        {
            if (prioridad < 1) return $"{codigo}: la prioridad debe ser 1 o mayor.";
            if (!vistos.TryAdd(prioridad, codigo)) return $"{codigo}: la prioridad {prioridad} ya la tiene {vistos[prioridad]} ({ambito}). Cada prioridad se usa una sola vez.";
        }
        return null;
    }

    /// <summary>
    /// A new PEI that extends (ampliación) or updates (actualización) this one: it copies every OEI, AEI and
    /// indicator with the values of the years inside the new horizon, and points back here through
    /// <see cref="PeiAnteriorId"/>. This PEI is left untouched, so it stays readable with the POIs that used it.
    /// </summary>
    /// <summary>
    /// Ampliación: the same PEI with a later end year, as a new PEI ("PEI-2024-2028-Ampliado-2029") linked to this one.
    /// </summary>
    public Pei Ampliar(string codigo, int fin, string? nombre, EstadoPei estado = EstadoPei.RegistroIniciado)
    {
        if (fin <= Fin) throw new ReglaDominioException($"La ampliación debe terminar después de {Fin}, el último año del PEI {Codigo}.");
        return Derivar(codigo, Inicio, fin, nombre, estado);
    }

    /// <summary>The ampliación as the form asks it, with a start year: an ampliación keeps this PEI's start; another horizon is an updated PEI.</summary>
    public Pei Ampliar(string codigo, int inicio, int fin, string? nombre, EstadoPei estado = EstadoPei.RegistroIniciado) =>
        inicio != Inicio
            ? throw new ReglaDominioException($"Una ampliación conserva el año de inicio {Inicio}; para otro horizonte cree un PEI actualizado.")
            : Ampliar(codigo, fin, nombre, estado);

    public Pei Derivar(string codigo, int inicio, int fin, string? nombre, EstadoPei estado = EstadoPei.RegistroIniciado)
    {
        if (Id == 0) throw new InvalidOperationException("Solo se deriva un PEI ya guardado.");
        var nuevo = new Pei(EntidadId, codigo, inicio, fin, nombre, Mision, Vision, estado) { PeiAnteriorId = Id };
        if (nuevo.Codigo == Codigo) throw new ReglaDominioException($"El nuevo PEI necesita un código distinto de {Codigo}.");
        foreach (var o in Oeis.OrderBy(o => o.Prioridad))
        {
            var oei = nuevo.AgregarOei(o.Codigo, o.Enunciado, o.Prioridad);
            foreach (var i in o.Indicadores) oei.AgregarIndicador(i.Copiar(inicio, fin));
            foreach (var a in o.Aeis.OrderBy(a => a.Prioridad))
            {
                var aei = oei.AgregarAei(a.Codigo, a.Enunciado, a.Prioridad, a.Responsable);
                foreach (var i in a.Indicadores) aei.AgregarIndicador(i.Copiar(inicio, fin));
            }
        }
        return nuevo;
    }
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
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Actualizar(enunciado, prioridad);
    }

    /// <summary>
    /// Changes text and priority. Uniqueness of priorities is a rule of the whole PEI, checked by
    /// whoever changes several at once (the form, the importer) and guarded by a unique index.
    /// </summary>
    public void Actualizar(string enunciado, int prioridad)
    {
        if (prioridad < 1) throw new ReglaDominioException($"La prioridad del OEI {Codigo} debe ser 1 o mayor.");
        Enunciado = Texto.Requerido(enunciado, "enunciado");
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

    /// <summary>Changes an AEI's text, priority and responsible unit; refuses a priority another AEI of this OEI already has.</summary>
    public void ActualizarAei(Aei aei, string enunciado, int prioridad, string? responsable)
    {
        if (Aeis.Any(a => a != aei && a.Prioridad == prioridad))
            throw new ReglaDominioException($"La prioridad {prioridad} ya la tiene otra AEI del {Codigo}.");
        aei.Actualizar(enunciado, prioridad, responsable);
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
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Actualizar(enunciado, prioridad, responsable);
    }

    public void Actualizar(string enunciado, int prioridad, string? responsable)
    {
        if (prioridad < 1) throw new ReglaDominioException($"La prioridad de la AEI {Codigo} debe ser 1 o mayor.");
        Enunciado = Texto.Requerido(enunciado, "enunciado");
        Prioridad = prioridad;
        Responsable = Texto.Opcional(responsable, "responsable");
    }

    public Indicador AgregarIndicador(Indicador indicador)
    {
        Indicadores.Add(indicador);
        return indicador;
    }
}
