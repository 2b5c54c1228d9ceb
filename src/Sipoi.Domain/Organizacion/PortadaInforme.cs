using System.Globalization;

namespace Sipoi.Domain.Organizacion;

/// <summary>
/// What the evaluation report's cover prints about who issues it (issue 14, item 1): the issuing office, the place,
/// the pattern of the report's number and the three signers (elaborado, revisado, aprobado por; name and position).
/// Entity data the planning office writes in SIPOI (Administración › Textos institucionales), stored with the
/// entity's texts. Every field is optional: the cover prints a blank line to fill in by hand where one is missing.
/// </summary>
public sealed record PortadaInforme
{
    /// <summary>Where the report's sequence number goes in <see cref="PatronNumero"/>.</summary>
    public const string MarcaCorrelativo = "{n}";
    /// <summary>Replaced by the report's year in <see cref="PatronNumero"/>.</summary>
    public const string MarcaAnio = "{año}";
    /// <summary>A sequence number not given yet: a blank to fill in by hand.</summary>
    public const string CorrelativoEnBlanco = "______";

    public string? OficinaEmisora { get; init; }
    public string? Lugar { get; init; }
    /// <summary>"Informe N.° {n}-{año}-OPP/EMSAPUNO": {n} the sequence number, {año} the report's year.</summary>
    public string? PatronNumero { get; init; }
    public string? ElaboradoNombre { get; init; }
    public string? ElaboradoCargo { get; init; }
    public string? RevisadoNombre { get; init; }
    public string? RevisadoCargo { get; init; }
    public string? AprobadoNombre { get; init; }
    public string? AprobadoCargo { get; init; }

    public static PortadaInforme Vacia { get; } = new();

    /// <summary>Every field, in the order the form lists them (the key is the form's and the messages' name).</summary>
    public static IReadOnlyList<CampoPortada> Campos { get; } =
    [
        new("oficinaEmisora", "Oficina que emite el informe", p => p.OficinaEmisora, (p, v) => p with { OficinaEmisora = v }),
        new("lugar", "Lugar (ciudad de la portada)", p => p.Lugar, (p, v) => p with { Lugar = v }),
        new("patronNumero", "Patrón del número de informe", p => p.PatronNumero, (p, v) => p with { PatronNumero = v }),
        new("elaboradoNombre", "Elaborado por: nombre", p => p.ElaboradoNombre, (p, v) => p with { ElaboradoNombre = v }),
        new("elaboradoCargo", "Elaborado por: cargo", p => p.ElaboradoCargo, (p, v) => p with { ElaboradoCargo = v }),
        new("revisadoNombre", "Revisado por: nombre", p => p.RevisadoNombre, (p, v) => p with { RevisadoNombre = v }),
        new("revisadoCargo", "Revisado por: cargo", p => p.RevisadoCargo, (p, v) => p with { RevisadoCargo = v }),
        new("aprobadoNombre", "Aprobado por: nombre", p => p.AprobadoNombre, (p, v) => p with { AprobadoNombre = v }),
        new("aprobadoCargo", "Aprobado por: cargo", p => p.AprobadoCargo, (p, v) => p with { AprobadoCargo = v }),
    ];

    /// <summary>
    /// Every rule the fields break, one per field, named as the form labels it: each is one line of
    /// <see cref="ClaseTexto.Nombre"/>; the number's pattern must say where the sequence number goes ({n}).
    /// </summary>
    public IEnumerable<Problema> Validar()
    {
        foreach (var c in Campos)
            if (LimitesTexto.Problema(c.Leer(this), ClaseTexto.Nombre) is { } p)
                yield return new Problema(c.Clave, c.Etiqueta, p + ".");
        if (!string.IsNullOrWhiteSpace(PatronNumero) && !PatronNumero.Contains(MarcaCorrelativo, StringComparison.Ordinal))
            yield return new Problema("patronNumero", "Patrón del número de informe",
                $"debe contener {MarcaCorrelativo} donde va el correlativo (por ejemplo: Informe N.° {MarcaCorrelativo}-{MarcaAnio}-OPP).");
    }

    /// <summary>Each field trimmed; blank becomes null.</summary>
    public PortadaInforme Normalizada()
    {
        var r = this;
        foreach (var c in Campos) r = c.Con(r, string.IsNullOrWhiteSpace(c.Leer(this)) ? null : c.Leer(this)!.Trim());
        return r;
    }

    /// <summary>
    /// The report's number on the cover. A number the user typed as digits only ("7") goes into the pattern, padded to three
    /// digits ("Informe N.° 007-2024-OPP"); any other text typed is the number as it is. Without a typed number the pattern
    /// prints with a blank for the sequence number. Null (a blank line) when there is neither.
    /// </summary>
    public string? Numero(string? pedido, int anio)
    {
        pedido = string.IsNullOrWhiteSpace(pedido) ? null : pedido.Trim();
        if (string.IsNullOrWhiteSpace(PatronNumero)) return pedido;
        if (pedido is not null && !pedido.All(char.IsAsciiDigit)) return pedido;
        var correlativo = pedido is null ? CorrelativoEnBlanco
            : pedido.Length >= 3 ? pedido : pedido.PadLeft(3, '0');
        return PatronNumero.Trim()
            .Replace(MarcaCorrelativo, correlativo, StringComparison.Ordinal)
            .Replace(MarcaAnio, anio.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

/// <summary>One field of <see cref="PortadaInforme"/>: its key (the form's name), its label and how to read and set it.</summary>
public sealed record CampoPortada(string Clave, string Etiqueta, Func<PortadaInforme, string?> Leer, Func<PortadaInforme, string?, PortadaInforme> Con);
