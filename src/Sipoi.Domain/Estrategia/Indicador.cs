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

    /// <summary>Records the obtained value of a year, or of one of its semesters.</summary>
    public void RegistrarValorObtenido(int anio, PeriodoIndicador periodo, decimal? valor) => Valor(anio, periodo).ValorObtenido = valor;

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
        }
        return copia;
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

    private ValorIndicador() { }

    internal ValorIndicador(int entidadId, int anio, PeriodoIndicador periodo)
    {
        EntidadId = entidadId;
        Anio = anio;
        Periodo = periodo;
    }
}
