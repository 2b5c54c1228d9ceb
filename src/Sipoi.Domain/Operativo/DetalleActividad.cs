using System.Globalization;
using System.Text.RegularExpressions;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Presupuesto;

namespace Sipoi.Domain.Operativo;

/// <summary>
/// The kind of indicator the Huamanga directive (8.1.2) asks at activity level: a process indicator measures how the
/// work is done ("número de trabajadores capacitados…"), an input indicator the resources it uses (expenditure,
/// professionals, hours).
/// </summary>
public enum TipoIndicadorActividad { Proceso, Insumo }

/// <summary>
/// One line of an activity's needs (the directive's "cuadro de necesidades", 8.2.2): a good or service with its
/// expenditure-classifier code when the office holds one, what it is, how many and at what unit cost.
/// </summary>
public sealed record Necesidad(string? Codigo, string Detalle, decimal Cantidad, decimal CostoUnitario)
{
    /// <summary>Cantidad × costo unitario, in soles, at full precision (screens round).</summary>
    public decimal Costo => Cantidad * CostoUnitario;

    /// <summary>Goods (2.3.1…), services (2.3.2…), 2.3 unsplit, or anything else (no code, other genéricas).</summary>
    public RubroBienesServicios Rubro => Codigo is null ? RubroBienesServicios.Otra : ClasificadorGasto.Rubro(Codigo);
}

/// <summary>
/// What the directive asks of an activity besides its targets, in one POI version: its indicator
/// ("unidad de medida + sujeto + atributo", process or input), its critical elements (what must happen or be
/// acquired for it to succeed, 8.3) and, optionally, its needs, which feed the per-unit budget summary
/// (<see cref="ResumenNecesidades"/>). All optional; <see cref="Problemas"/> judges what is given.
/// </summary>
public sealed partial record DetalleActividad(
    string? Indicador,
    TipoIndicadorActividad? TipoIndicador,
    IReadOnlyList<string> ElementosCriticos,
    IReadOnlyList<Necesidad> Necesidades)
{
    /// <summary>"A short list": more than this is a document pasted into the form, not the activity's critical elements.</summary>
    public const int MaximoElementosCriticos = 10;

    /// <summary>Lines of goods and services of one activity; the directive's tables of real POIs hold a few dozen.</summary>
    public const int MaximoNecesidades = 100;

    public static readonly DetalleActividad Vacio = new(null, null, [], []);

    public decimal TotalNecesidades => Necesidades.Sum(n => n.Costo);

    /// <summary>Every broken rule, each with the form field it belongs to and the activity's code in its words.</summary>
    public IReadOnlyList<ProblemaProgramacion> Problemas(string actividad)
    {
        var p = new List<ProblemaProgramacion>();
        if (TipoIndicador is { } tipo && string.IsNullOrWhiteSpace(Indicador))
            p.Add(new("Indicador", $"Actividad {actividad}: escriba el enunciado del indicador de {Nombre(tipo)} (unidad de medida + sujeto + atributo)."));
        if (!string.IsNullOrWhiteSpace(Indicador) && TipoIndicador is null)
            p.Add(new("TipoIndicador", $"Actividad {actividad}: elija el tipo del indicador (proceso o insumo)."));
        if (LimitesTexto.Problema(Indicador, ClaseTexto.Nombre) is { } largo)
            p.Add(new("Indicador", $"Actividad {actividad}: el enunciado del indicador {largo}."));
        if (ElementosCriticos.Count > MaximoElementosCriticos)
            p.Add(new("ElementosCriticos", $"Actividad {actividad}: registre hasta {MaximoElementosCriticos} elementos críticos (tiene {ElementosCriticos.Count})."));
        var vistos = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ElementosCriticos.Count; i++)
        {
            var e = ElementosCriticos[i];
            var campo = $"ElementosCriticos[{i}]";
            if (string.IsNullOrWhiteSpace(e)) p.Add(new(campo, $"Actividad {actividad}, elemento crítico {i + 1}: escriba el elemento o quite la fila."));
            else if (LimitesTexto.Problema(e, ClaseTexto.Nombre) is { } problema) p.Add(new(campo, $"Actividad {actividad}, elemento crítico {i + 1}: {problema}."));
            else if (!vistos.Add(e.Trim())) p.Add(new(campo, $"Actividad {actividad}, elemento crítico {i + 1}: «{e.Trim()}» ya está en la lista."));
        }
        if (Necesidades.Count > MaximoNecesidades)
            p.Add(new("Necesidades", $"Actividad {actividad}: registre hasta {MaximoNecesidades} líneas de necesidades (tiene {Necesidades.Count})."));
        for (var i = 0; i < Necesidades.Count; i++)
        {
            var n = Necesidades[i];
            var fila = $"Actividad {actividad}, necesidad {i + 1}";
            if (n.Codigo is { } codigo)
            {
                if (LimitesTexto.Problema(codigo, ClaseTexto.Codigo) is { } problema) p.Add(new($"Necesidades[{i}].Codigo", $"{fila}: el código {problema}."));
                else if (!CodigoClasificador().IsMatch(codigo.Trim()))
                    p.Add(new($"Necesidades[{i}].Codigo", $"{fila}: el código «{codigo.Trim()}» no es del clasificador de gasto (escriba 2.3.1.5.1, 2.3.2.7 …)."));
            }
            if (string.IsNullOrWhiteSpace(n.Detalle)) p.Add(new($"Necesidades[{i}].Detalle", $"{fila}: escriba el detalle del insumo o servicio."));
            else if (LimitesTexto.Problema(n.Detalle, ClaseTexto.Nombre) is { } problema) p.Add(new($"Necesidades[{i}].Detalle", $"{fila}: el detalle {problema}."));
            if (n.Cantidad <= 0) p.Add(new($"Necesidades[{i}].Cantidad", $"{fila}: la cantidad debe ser mayor que cero."));
            if (n.CostoUnitario < 0) p.Add(new($"Necesidades[{i}].CostoUnitario", $"{fila}: el costo unitario no puede ser negativo."));
        }
        return p;
    }

    /// <summary>
    /// The needs' total against the activity's financial programming (all genéricas, 12 months): reported, never
    /// refused — the needs are the units' valuation, the programming what the budget office assigned, and they
    /// converge through the year (Formulacion/README.md). Null when there are no needs or they agree.
    /// </summary>
    public static string? ComparacionConProgramacion(string actividad, decimal necesidades, decimal programado, int lineas)
    {
        if (lineas == 0 || necesidades == programado) return null;
        var diferencia = necesidades - programado;
        return $"Actividad {actividad}: las necesidades suman S/ {Soles(necesidades)} y la programación financiera S/ {Soles(programado)} " +
            $"({(diferencia > 0 ? "exceden" : "faltan")} S/ {Soles(Math.Abs(diferencia))}).";
    }

    public static string Nombre(TipoIndicadorActividad tipo) => tipo == TipoIndicadorActividad.Proceso ? "proceso" : "insumo";

    private static string Soles(decimal v) => v.ToString("#,0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d(\.\d+)+$")]
    private static partial Regex CodigoClasificador();
}

/// <summary>One row of the per-unit summary: a code and detail with the cost of every activity's line that has them.</summary>
public sealed record LineaResumenNecesidades(string? Codigo, string Detalle, RubroBienesServicios Rubro, decimal Costo);

/// <summary>
/// The directive's "Cuadro Resumen de presupuesto para la unidad orgánica" (8.4): código / detalle de insumos o
/// servicios / costo, with Bienes, Servicios and Total. Lines of the unit's activities with the same code and
/// detail are added into one; goods (2.3.1…) first, then services (2.3.2…), then the rest (2.3 unsplit, other
/// genéricas, no code), each by code and detail. Total = every line, so it equals the needs the unit registered.
/// </summary>
public sealed record ResumenNecesidades(IReadOnlyList<LineaResumenNecesidades> Lineas)
{
    public decimal Bienes => Lineas.Where(l => l.Rubro == RubroBienesServicios.Bienes).Sum(l => l.Costo);
    public decimal Servicios => Lineas.Where(l => l.Rubro == RubroBienesServicios.Servicios).Sum(l => l.Costo);
    public decimal Otros => Lineas.Where(l => l.Rubro is not (RubroBienesServicios.Bienes or RubroBienesServicios.Servicios)).Sum(l => l.Costo);
    public decimal Total => Lineas.Sum(l => l.Costo);

    public static ResumenNecesidades De(IEnumerable<Necesidad> necesidades) => new(necesidades
        .GroupBy(n => (Codigo: n.Codigo?.Trim(), Detalle: n.Detalle.Trim()))
        .Select(g => new LineaResumenNecesidades(g.Key.Codigo, g.Key.Detalle, g.First().Rubro, g.Sum(n => n.Costo)))
        .OrderBy(l => Orden(l.Rubro)).ThenBy(l => l.Codigo ?? "", StringComparer.Ordinal).ThenBy(l => l.Detalle, StringComparer.Ordinal)
        .ToList());

    private static int Orden(RubroBienesServicios r) => r switch
    {
        RubroBienesServicios.Bienes => 0,
        RubroBienesServicios.Servicios => 1,
        _ => 2,
    };
}

/// <summary>One critical element of an activity in a version, in the order the unit listed it.</summary>
public sealed class ElementoCritico
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ProgramacionId { get; private set; }
    public int Orden { get; private set; }
    public string Texto { get; private set; } = null!;

    private ElementoCritico() { }

    internal ElementoCritico(int entidadId, int orden, string texto)
    {
        EntidadId = entidadId;
        Orden = orden;
        Texto = texto;
    }

    internal void Fijar(string texto) => Texto = texto;
}

/// <summary>One line of goods or services an activity needs in a version (<see cref="Necesidad"/> as stored).</summary>
public sealed class NecesidadActividad
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ProgramacionId { get; private set; }
    public int Orden { get; private set; }
    public string? Codigo { get; private set; }
    public string Detalle { get; private set; } = null!;
    public decimal Cantidad { get; private set; }
    public decimal CostoUnitario { get; private set; }

    private NecesidadActividad() { }

    internal NecesidadActividad(int entidadId, int orden, Necesidad n)
    {
        EntidadId = entidadId;
        Orden = orden;
        Fijar(n);
    }

    internal void Fijar(Necesidad n)
    {
        Codigo = n.Codigo;
        Detalle = n.Detalle;
        Cantidad = n.Cantidad;
        CostoUnitario = n.CostoUnitario;
    }

    public Necesidad ComoNecesidad() => new(Codigo, Detalle, Cantidad, CostoUnitario);
}
