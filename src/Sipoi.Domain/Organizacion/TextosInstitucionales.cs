namespace Sipoi.Domain.Organizacion;

/// <summary>
/// The texts an entity's documents print and the planning office writes in SIPOI (the POI document's presentation,
/// institutional framework, values, funding source… and its conclusions and recommendations; the evaluation report's normative
/// framework, guidelines and values). Mission and vision are the PEI's and stay there. Every text is optional: a
/// document prints a bracketed placeholder where one is missing. Lists (values, principles, policies, guidelines,
/// legal basis, conclusions, recommendations) hold one item per line.
/// </summary>
public sealed record ContenidoTextos
{
    public string? Presentacion { get; init; }
    public string? Naturaleza { get; init; }
    public string? ResenaHistorica { get; init; }
    public string? EstructuraOrganica { get; init; }
    public string? BaseLegal { get; init; }
    public string? MarcoNormativo { get; init; }
    public string? FuenteFinanciamiento { get; init; }
    public string? Valores { get; init; }
    public string? Principios { get; init; }
    public string? Politicas { get; init; }
    public string? Lineamientos { get; init; }
    public string? Conclusiones { get; init; }
    public string? Recomendaciones { get; init; }

    public static ContenidoTextos Vacio { get; } = new();

    /// <summary>Every field, in the order the form and the exchange file list them.</summary>
    public static IReadOnlyList<CampoTexto> Campos { get; } =
    [
        new("presentacion", "Presentación", false, c => c.Presentacion, (c, v) => c with { Presentacion = v }),
        new("naturaleza", "Naturaleza de la entidad", false, c => c.Naturaleza, (c, v) => c with { Naturaleza = v }),
        new("resenaHistorica", "Reseña histórica", false, c => c.ResenaHistorica, (c, v) => c with { ResenaHistorica = v }),
        new("estructuraOrganica", "Estructura orgánica", false, c => c.EstructuraOrganica, (c, v) => c with { EstructuraOrganica = v }),
        new("baseLegal", "Base legal", true, c => c.BaseLegal, (c, v) => c with { BaseLegal = v }),
        new("marcoNormativo", "Marco normativo", false, c => c.MarcoNormativo, (c, v) => c with { MarcoNormativo = v }),
        new("fuenteFinanciamiento", "Fuente de financiamiento del presupuesto", false, c => c.FuenteFinanciamiento, (c, v) => c with { FuenteFinanciamiento = v }),
        new("valores", "Valores", true, c => c.Valores, (c, v) => c with { Valores = v }),
        new("principios", "Principios", true, c => c.Principios, (c, v) => c with { Principios = v }),
        new("politicas", "Políticas", true, c => c.Politicas, (c, v) => c with { Politicas = v }),
        new("lineamientos", "Lineamientos", true, c => c.Lineamientos, (c, v) => c with { Lineamientos = v }),
        new("conclusiones", "Conclusiones del POI", true, c => c.Conclusiones, (c, v) => c with { Conclusiones = v }),
        new("recomendaciones", "Recomendaciones del POI", true, c => c.Recomendaciones, (c, v) => c with { Recomendaciones = v }),
    ];

    public static CampoTexto Campo(string clave) => Campos.Single(c => c.Clave == clave);

    /// <summary>True when no text is written (a method, not a property: the exchange model's reflection tests read properties as fields).</summary>
    public bool SinTextos() => Campos.All(c => c.Leer(this) is null);

    /// <summary>
    /// Every rule the texts break, one per field, named as the form labels it (<see cref="Problema.Campo"/> is the
    /// exchange file's member name). Each text is a paragraph of <see cref="ClaseTexto.TextoLargo"/>: up to
    /// <see cref="LimitesTexto.TextoLargo"/> characters, line breaks allowed, no other control character.
    /// </summary>
    public IEnumerable<Problema> Validar()
    {
        foreach (var c in Campos)
            if (LimitesTexto.Problema(c.Leer(this), ClaseTexto.TextoLargo) is { } p)
                yield return new Problema(c.Clave, c.Etiqueta, p + ".");
    }

    /// <summary>Each text with its line endings as \n, trailing spaces of each line and blank lines at both ends dropped; blank becomes null.</summary>
    public ContenidoTextos Normalizado()
    {
        var r = this;
        foreach (var c in Campos) r = c.Con(r, Normalizar(c.Leer(this)));
        return r;
    }

    public static string? Normalizar(string? texto)
    {
        if (string.IsNullOrWhiteSpace(texto)) return null;
        var lineas = texto.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lineas).Trim('\n', ' ', '\t');
    }

    /// <summary>The non-blank lines of a text, trimmed: the items of a list field, or the paragraphs of a long one.</summary>
    public static IReadOnlyList<string> Lineas(string? texto) =>
        texto is null ? [] : texto.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

/// <summary>
/// One text of <see cref="ContenidoTextos"/>: its key (the exchange file's member), its label (form and messages),
/// whether it is a list (one item per line) and how to read and set it.
/// </summary>
public sealed record CampoTexto(
    string Clave, string Etiqueta, bool EsLista,
    Func<ContenidoTextos, string?> Leer, Func<ContenidoTextos, string?, ContenidoTextos> Con);

/// <summary>
/// The entity's texts as stored: one row per entity, replaced as a whole by <see cref="Guardar"/> (all or nothing).
/// </summary>
public sealed class TextosInstitucionales
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public string? Presentacion { get; private set; }
    public string? Naturaleza { get; private set; }
    public string? ResenaHistorica { get; private set; }
    public string? EstructuraOrganica { get; private set; }
    public string? BaseLegal { get; private set; }
    public string? MarcoNormativo { get; private set; }
    public string? FuenteFinanciamiento { get; private set; }
    public string? Valores { get; private set; }
    public string? Principios { get; private set; }
    public string? Politicas { get; private set; }
    public string? Lineamientos { get; private set; }
    public string? Conclusiones { get; private set; }
    public string? Recomendaciones { get; private set; }
    public string? OficinaEmisora { get; private set; }
    public string? Lugar { get; private set; }
    public string? PatronNumero { get; private set; }
    public string? ElaboradoNombre { get; private set; }
    public string? ElaboradoCargo { get; private set; }
    public string? RevisadoNombre { get; private set; }
    public string? RevisadoCargo { get; private set; }
    public string? AprobadoNombre { get; private set; }
    public string? AprobadoCargo { get; private set; }

    private TextosInstitucionales() { }

    public TextosInstitucionales(int entidadId) => EntidadId = entidadId;

    public ContenidoTextos Contenido => new()
    {
        Presentacion = Presentacion,
        Naturaleza = Naturaleza,
        ResenaHistorica = ResenaHistorica,
        EstructuraOrganica = EstructuraOrganica,
        BaseLegal = BaseLegal,
        MarcoNormativo = MarcoNormativo,
        FuenteFinanciamiento = FuenteFinanciamiento,
        Valores = Valores,
        Principios = Principios,
        Politicas = Politicas,
        Lineamientos = Lineamientos,
        Conclusiones = Conclusiones,
        Recomendaciones = Recomendaciones,
    };

    /// <summary>The evaluation report's cover data (<see cref="PortadaInforme"/>), stored in the same row.</summary>
    public PortadaInforme Portada => new()
    {
        OficinaEmisora = OficinaEmisora,
        Lugar = Lugar,
        PatronNumero = PatronNumero,
        ElaboradoNombre = ElaboradoNombre,
        ElaboradoCargo = ElaboradoCargo,
        RevisadoNombre = RevisadoNombre,
        RevisadoCargo = RevisadoCargo,
        AprobadoNombre = AprobadoNombre,
        AprobadoCargo = AprobadoCargo,
    };

    /// <summary>
    /// Replaces the cover data at once; any field that breaks a rule refuses the whole save naming it
    /// ("Lugar (ciudad de la portada): admite hasta 500 caracteres (tiene 501)."), and nothing changes.
    /// </summary>
    public void GuardarPortada(PortadaInforme portada)
    {
        ArgumentNullException.ThrowIfNull(portada);
        var problemas = portada.Validar().ToList();
        if (problemas.Count > 0)
            throw new ReglaDominioException(string.Join(" ", problemas.Select(p => p.Mensaje)), problemas[0].Campo);
        var n = portada.Normalizada();
        OficinaEmisora = n.OficinaEmisora;
        Lugar = n.Lugar;
        PatronNumero = n.PatronNumero;
        ElaboradoNombre = n.ElaboradoNombre;
        ElaboradoCargo = n.ElaboradoCargo;
        RevisadoNombre = n.RevisadoNombre;
        RevisadoCargo = n.RevisadoCargo;
        AprobadoNombre = n.AprobadoNombre;
        AprobadoCargo = n.AprobadoCargo;
    }

    /// <summary>
    /// Replaces every text at once. Any text that breaks a rule refuses the whole save, with one sentence per field
    /// naming it ("Base legal: admite hasta 4,000 caracteres (tiene 4,512)."), and nothing changes.
    /// </summary>
    public void Guardar(ContenidoTextos contenido)
    {
        ArgumentNullException.ThrowIfNull(contenido);
        var problemas = contenido.Validar().ToList();
        if (problemas.Count > 0)
            throw new ReglaDominioException(string.Join(" ", problemas.Select(p => p.Mensaje)), problemas[0].Campo);
        var n = contenido.Normalizado();
        Presentacion = n.Presentacion;
        Naturaleza = n.Naturaleza;
        ResenaHistorica = n.ResenaHistorica;
        EstructuraOrganica = n.EstructuraOrganica;
        BaseLegal = n.BaseLegal;
        MarcoNormativo = n.MarcoNormativo;
        FuenteFinanciamiento = n.FuenteFinanciamiento;
        Valores = n.Valores;
        Principios = n.Principios;
        Politicas = n.Politicas;
        Lineamientos = n.Lineamientos;
        Conclusiones = n.Conclusiones;
        Recomendaciones = n.Recomendaciones;
    }
}
