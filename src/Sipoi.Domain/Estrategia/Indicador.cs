namespace Sipoi.Domain.Estrategia;

public enum Sentido { Ascendente, Descendente, NoDefinido }

public static class SentidoTexto
{
    public static string Codigo(this Sentido s) => s switch
    {
        Sentido.Ascendente => "ascendente",
        Sentido.Descendente => "descendente",
        _ => "no definido",
    };

    public static bool TryParse(string? codigo, out Sentido sentido)
    {
        switch (codigo)
        {
            case "ascendente": sentido = Sentido.Ascendente; return true;
            case "descendente": sentido = Sentido.Descendente; return true;
            case "no definido": sentido = Sentido.NoDefinido; return true;
            default: sentido = Sentido.Ascendente; return false;
        }
    }
}

/// <summary>An indicator of an OEI or an AEI, with baseline and expected/obtained values per year.</summary>
public sealed class Indicador
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int? OeiId { get; private set; }
    public int? AeiId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Nombre { get; private set; } = null!;
    public string? Unidad { get; private set; }
    public Sentido Sentido { get; private set; }
    public int? LineaBaseAnio { get; private set; }
    public decimal? LineaBaseValor { get; private set; }
    public string? Fuente { get; private set; }
    public string? MetodoCalculo { get; private set; }
    public int? CentroCostoResponsableId { get; private set; }
    public decimal? MaximoPermisible { get; private set; }
    public decimal? MinimoPermisible { get; private set; }
    public List<ValorIndicador> Valores { get; private set; } = [];

    private Indicador() { }

    public Indicador(int entidadId, string codigo, string nombre, string? unidad, Sentido sentido,
        int? lineaBaseAnio = null, decimal? lineaBaseValor = null, string? fuente = null, string? metodoCalculo = null,
        int? centroCostoResponsableId = null, decimal? maximoPermisible = null, decimal? minimoPermisible = null)
    {
        EntidadId = entidadId;
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Actualizar(nombre, unidad, sentido, lineaBaseAnio, lineaBaseValor, fuente, metodoCalculo, centroCostoResponsableId, maximoPermisible, minimoPermisible);
    }

    public void Actualizar(string nombre, string? unidad, Sentido sentido, int? lineaBaseAnio, decimal? lineaBaseValor, string? fuente,
        string? metodoCalculo, int? centroCostoResponsableId, decimal? maximoPermisible, decimal? minimoPermisible)
    {
        Nombre = Texto.Requerido(nombre, "nombre");
        unidad = Texto.Opcional(unidad, "unidad de medida");
        fuente = Texto.Opcional(fuente, "fuente");
        metodoCalculo = Texto.Opcional(metodoCalculo, "método de cálculo", ClaseTexto.TextoLargo);
        if (sentido == Sentido.NoDefinido && maximoPermisible is null && minimoPermisible is null)
            throw new ReglaDominioException($"El indicador {Codigo} tiene sentido «no definido»: indique el máximo o el mínimo permisible.");
        if (sentido != Sentido.NoDefinido && (maximoPermisible is not null || minimoPermisible is not null))
            throw new ReglaDominioException($"El indicador {Codigo} es {sentido.Codigo()}: el máximo y el mínimo permisibles solo se usan con sentido «no definido».");
        if (maximoPermisible < minimoPermisible)
            throw new ReglaDominioException($"El indicador {Codigo}: el mínimo permisible ({minimoPermisible}) es mayor que el máximo ({maximoPermisible}).");
        if (lineaBaseValor is not null && lineaBaseAnio is null)
            throw new ReglaDominioException($"El indicador {Codigo}: indique el año de la línea base.");
        Unidad = unidad;
        Sentido = sentido;
        LineaBaseAnio = lineaBaseAnio;
        LineaBaseValor = lineaBaseValor;
        Fuente = fuente;
        MetodoCalculo = metodoCalculo;
        CentroCostoResponsableId = centroCostoResponsableId;
        MaximoPermisible = maximoPermisible;
        MinimoPermisible = minimoPermisible;
    }

    /// <summary>Records the expected value (logro esperado) of a year.</summary>
    public void FijarLogroEsperado(int anio, decimal? valor) => Valor(anio, PeriodoIndicador.Anual).LogroEsperado = valor;

    /// <summary>
    /// Records the obtained value of a year, or of one of its semesters, as the planning office (or an import of its
    /// file) gives it: validated at once. An unchanged value keeps its state, so re-saving the indicator's form does not
    /// validate what a centre registered and the office has not reviewed yet.
    /// </summary>
    public void RegistrarValorObtenido(int anio, PeriodoIndicador periodo, decimal? valor)
    {
        var v = Valor(anio, periodo);
        if (v.ValorObtenido == valor) return;
        v.ValorObtenido = valor;
        v.Estado = EstadoValorIndicador.Validado;
        v.Observacion = null;
    }

    /// <summary>
    /// The responsible cost centre registers an obtained value: it waits for the planning office's validation
    /// (<see cref="EstadoValorIndicador.Registrado"/>) and does not count in the evaluation until then. An unchanged value keeps
    /// its state (a validated value stays validated), unless new evidence comes with an observed value: the centre answered
    /// the observation, so the value goes back to the office. True when something changed.
    /// </summary>
    public bool RegistrarValorDelResponsable(int anio, PeriodoIndicador periodo, decimal? valor, bool conEvidenciaNueva = false)
    {
        var actual = Valores.FirstOrDefault(x => x.Anio == anio && x.Periodo == periodo);
        if (actual is null && valor is null) return false;
        if (actual is not null && actual.ValorObtenido == valor && !(conEvidenciaNueva && valor is not null && actual.Estado == EstadoValorIndicador.Observado))
            return false;
        var v = Valor(anio, periodo);
        v.ValorObtenido = valor;
        v.Estado = EstadoValorIndicador.Registrado;
        v.Observacion = null;
        return true;
    }

    /// <summary>The planning office validates a registered value: from then on it counts in the strategic evaluation.</summary>
    public void ValidarValor(int anio, PeriodoIndicador periodo)
    {
        var v = ValorRegistrado(anio, periodo);
        v.Estado = EstadoValorIndicador.Validado;
        v.Observacion = null;
    }

    /// <summary>The planning office observes a registered value with a comment; it does not count until corrected and validated.</summary>
    public void ObservarValor(int anio, PeriodoIndicador periodo, string? comentario)
    {
        var texto = Texto.Opcional(comentario, "comentario", ClaseTexto.TextoLargo);
        if (texto is null)
            throw new ReglaDominioException($"Indicador {Codigo}, {periodo.Nombre(anio)}: escriba el comentario de la observación.");
        var v = ValorRegistrado(anio, periodo);
        v.Estado = EstadoValorIndicador.Observado;
        v.Observacion = texto;
    }

    public ValorIndicador? Medicion(int anio, PeriodoIndicador periodo) => Valores.FirstOrDefault(x => x.Anio == anio && x.Periodo == periodo);

    private ValorIndicador ValorRegistrado(int anio, PeriodoIndicador periodo) =>
        Medicion(anio, periodo) is { ValorObtenido: not null } v ? v
            : throw new ReglaDominioException($"Indicador {Codigo}, {periodo.Nombre(anio)}: no hay valor obtenido registrado que revisar.");

    /// <summary>
    /// A year's row of the indicator form: expected value, and obtained value of the year and of each semester. An emptied
    /// cell clears the stored value; an empty cell with nothing stored creates no row.
    /// </summary>
    public void FijarValoresDelAnio(int anio, decimal? logroEsperado, decimal? obtenido, decimal? semestre1, decimal? semestre2)
    {
        if (logroEsperado is not null || LogroEsperado(anio) is not null) FijarLogroEsperado(anio, logroEsperado);
        foreach (var (periodo, valor) in new[] { (PeriodoIndicador.Anual, obtenido), (PeriodoIndicador.Semestre1, semestre1), (PeriodoIndicador.Semestre2, semestre2) })
            if (valor is not null || ValorObtenido(anio, periodo) is not null) RegistrarValorObtenido(anio, periodo, valor);
    }

    /// <summary>A copy for another PEI: same definition, and the values of the years from <paramref name="inicio"/> to <paramref name="fin"/>.</summary>
    public Indicador Copiar(int inicio, int fin)
    {
        var copia = new Indicador(EntidadId, Codigo, Nombre, Unidad, Sentido, LineaBaseAnio, LineaBaseValor, Fuente, MetodoCalculo,
            CentroCostoResponsableId, MaximoPermisible, MinimoPermisible);
        foreach (var v in Valores.Where(v => v.Anio >= inicio && v.Anio <= fin))
        {
            var c = copia.Valor(v.Anio, v.Periodo);
            c.LogroEsperado = v.LogroEsperado;
            c.ValorObtenido = v.ValorObtenido;
            c.Estado = v.Estado;
            c.Observacion = v.Observacion;
        }
        return copia;
    }

    /// <summary>
    /// A cell of the values grid as typed (1,234.50; blank is "no value"), or the problem naming the indicator and the cell:
    /// "Indicador IND.01, I semestre 2024: «doce» no es un número…". The same reader every form uses (<see cref="NumeroEscrito"/>).
    /// </summary>
    public static (decimal? Valor, string? Error) LeerValor(string? texto, string codigoIndicador, int anio, PeriodoIndicador periodo)
    {
        var (v, problema) = NumeroEscrito.Leer(texto);
        return problema is null ? (v, null) : (null, $"Indicador {codigoIndicador}, {periodo.Nombre(anio)}: {problema}");
    }

    public decimal? LogroEsperado(int anio) => Valores.FirstOrDefault(v => v.Anio == anio && v.Periodo == PeriodoIndicador.Anual)?.LogroEsperado;

    public decimal? ValorObtenido(int anio, PeriodoIndicador periodo = PeriodoIndicador.Anual) =>
        Valores.FirstOrDefault(v => v.Anio == anio && v.Periodo == periodo)?.ValorObtenido;

    private ValorIndicador Valor(int anio, PeriodoIndicador periodo)
    {
        var v = Valores.FirstOrDefault(x => x.Anio == anio && x.Periodo == periodo);
        if (v is null)
        {
            v = new ValorIndicador(EntidadId, anio, periodo);
            Valores.Add(v);
        }
        return v;
    }
}

public enum PeriodoIndicador { Anual = 0, Semestre1 = 1, Semestre2 = 2 }

public static class PeriodoIndicadorTexto
{
    /// <summary>"año 2024", "I semestre 2024", "II semestre 2024": how messages name a cell.</summary>
    public static string Nombre(this PeriodoIndicador p, int anio) => p switch
    {
        PeriodoIndicador.Semestre1 => $"I semestre {anio}",
        PeriodoIndicador.Semestre2 => $"II semestre {anio}",
        _ => $"año {anio}",
    };
}

/// <summary>
/// Where an obtained value stands: registered by the responsible centre (waiting), validated by the planning office
/// (counts in the evaluation), or observed with a comment (back to the centre). Values the office enters itself are
/// validated at once.
/// </summary>
public enum EstadoValorIndicador { Registrado, Validado, Observado }

public static class EstadoValorIndicadorTexto
{
    public static string Nombre(this EstadoValorIndicador e) => e switch
    {
        EstadoValorIndicador.Registrado => "por validar",
        EstadoValorIndicador.Validado => "validado",
        _ => "observado",
    };
}

/// <summary>Expected and obtained value of an indicator for a year (or a semester of it).</summary>
public sealed class ValorIndicador
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int IndicadorId { get; private set; }
    public int Anio { get; private set; }
    public PeriodoIndicador Periodo { get; private set; }
    public decimal? LogroEsperado { get; internal set; }
    public decimal? ValorObtenido { get; internal set; }
    public EstadoValorIndicador Estado { get; internal set; } = EstadoValorIndicador.Validado;
    public string? Observacion { get; internal set; }

    /// <summary>The obtained value the strategic evaluation uses: only a validated one (DOMAIN.md §5 via issue 13: the office validates).</summary>
    public decimal? ValorQueCuenta => QueCuenta(Estado, ValorObtenido);

    /// <summary>The rule behind <see cref="ValorQueCuenta"/>, for readers that do not load the entity (the evaluation's SQL read).</summary>
    public static decimal? QueCuenta(EstadoValorIndicador estado, decimal? valorObtenido) =>
        estado == EstadoValorIndicador.Validado ? valorObtenido : null;

    private ValorIndicador() { }

    internal ValorIndicador(int entidadId, int anio, PeriodoIndicador periodo)
    {
        EntidadId = entidadId;
        Anio = anio;
        Periodo = periodo;
    }
}
