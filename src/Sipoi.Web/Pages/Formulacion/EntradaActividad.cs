using System.Globalization;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>One genérica row of the form: its code and 12 monthly amounts as typed.</summary>
public sealed class FilaGenerica
{
    public string? Generica { get; set; }
    public string?[] Montos { get; set; } = new string?[12];
}

/// <summary>One line of the activity's needs as typed: clasificador code, detail, quantity and unit cost.</summary>
public sealed class FilaNecesidad
{
    public string? Codigo { get; set; }
    public string? Detalle { get; set; }
    public string? Cantidad { get; set; }
    public string? CostoUnitario { get; set; }

    public bool Vacia => string.IsNullOrWhiteSpace(Codigo) && string.IsNullOrWhiteSpace(Detalle)
        && string.IsNullOrWhiteSpace(Cantidad) && string.IsNullOrWhiteSpace(CostoUnitario);
}

/// <summary>
/// The drafting form of one activity, as typed (every number a string, so a wrong one comes back
/// as the user wrote it with a message naming its field). <see cref="Leer"/> turns it into the
/// domain's proposal.
/// </summary>
public sealed class EntradaActividad
{
    public const int FilasGenericaVacias = 2;
    public const int FilasElementoVacias = 2;
    public const int FilasNecesidadVacias = 3;

    public string? Codigo { get; set; }
    public string? Nombre { get; set; }
    public string Tipo { get; set; } = "AO";
    public string? Aei { get; set; }
    public string? Ficha { get; set; }
    public string? Numero { get; set; }
    public string? Grupo { get; set; }
    public string? UnidadMedida { get; set; }
    public string? Responsable { get; set; }
    public int? MesInicio { get; set; } = 1;
    public int? MesFin { get; set; } = 12;
    public string Comportamiento { get; set; } = "suma";
    public string? Peso { get; set; } = "1";
    public string? MetaAnual { get; set; }
    public string?[] Fisico { get; set; } = new string?[12];
    public List<FilaGenerica> Financiero { get; set; } = [];
    public string? CategoriaPresupuestal { get; set; }
    public string? Producto { get; set; }
    public string? ActividadPresupuestal { get; set; }
    public string? Cui { get; set; }
    public string? Prioridad { get; set; }
    /// <summary>POI Multianual only: indicative targets and soles of the two following years.</summary>
    public string? MetaAnio2 { get; set; }
    public string? MontoAnio2 { get; set; }
    public string? MetaAnio3 { get; set; }
    public string? MontoAnio3 { get; set; }
    /// <summary>The directive's indicator of the activity: statement and type ("Proceso", "Insumo" or empty).</summary>
    public string? Indicador { get; set; }
    public string? TipoIndicador { get; set; }
    /// <summary>Critical elements, one per row; blank rows are ignored.</summary>
    public List<string?> ElementosCriticos { get; set; } = [];
    /// <summary>Needs (goods and services); blank rows are ignored.</summary>
    public List<FilaNecesidad> Necesidades { get; set; } = [];

    /// <summary>
    /// Fingerprint of the stored activity as the form was filled (<see cref="HuellaDe"/>): saving refuses when someone
    /// else saved the activity in between, instead of silently overwriting their change. Null for a new activity.
    /// </summary>
    public string? Huella { get; set; }

    /// <summary>SHA-256 of every field the form shows, as filled from the database (the fingerprint itself excluded).</summary>
    public static string HuellaDe(EntradaActividad e)
    {
        var copia = (EntradaActividad)e.MemberwiseClone();
        copia.Huella = null;
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(copia);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json))[..32];
    }

    /// <summary>What <see cref="Leer"/> produces: the proposal and the activity's fields, or the problems (each with its field).</summary>
    public sealed record Lectura(PropuestaProgramacion? Propuesta, TipoActividad Tipo, DatosActividad Datos,
        IReadOnlyList<(int Anio, decimal Meta, decimal Monto)> Proyecciones, IReadOnlyList<ProblemaProgramacion> Problemas)
    {
        /// <summary>Indicator, critical elements and needs (judged with the rest: their problems are in <see cref="Problemas"/>).</summary>
        public DetalleActividad Detalle { get; init; } = DetalleActividad.Vacio;
    }

    /// <summary>
    /// The typed texts the domain refuses (LimitesTexto: over-long, control characters), each named by its
    /// field. Checked before anything else, so such a text never reaches a query or the database.
    /// </summary>
    public List<ProblemaProgramacion> ProblemasDeTexto()
    {
        Compactar();
        var p = new List<ProblemaProgramacion>();
        var campos = new (string Campo, string Etiqueta, string? Valor, ClaseTexto Clase)[]
        {
            ("Codigo", "Código", Codigo, ClaseTexto.Codigo), ("Nombre", "Nombre", Nombre, ClaseTexto.Nombre),
            ("Aei", "AEI", Aei, ClaseTexto.Codigo), ("Ficha", "Ficha de proceso", Ficha, ClaseTexto.Codigo),
            ("Numero", "Número", Numero, ClaseTexto.Codigo), ("Grupo", "Grupo", Grupo, ClaseTexto.Nombre),
            ("UnidadMedida", "Unidad de medida", UnidadMedida, ClaseTexto.Nombre), ("Responsable", "Responsable", Responsable, ClaseTexto.Nombre),
            ("CategoriaPresupuestal", "Categoría presupuestal", CategoriaPresupuestal, ClaseTexto.Nombre),
            ("Producto", "Producto", Producto, ClaseTexto.Nombre), ("ActividadPresupuestal", "Actividad presupuestal", ActividadPresupuestal, ClaseTexto.Nombre),
            ("Cui", "CUI", Cui, ClaseTexto.Codigo),
        };
        foreach (var (campo, etiqueta, valor, clase) in campos)
            if (LimitesTexto.Problema(valor, clase) is { } problema) p.Add(new(campo, $"{etiqueta}: {problema}."));
        for (var i = 0; i < Financiero.Count; i++)
            if (LimitesTexto.Problema(Financiero[i].Generica, ClaseTexto.Codigo) is { } problema)
                p.Add(new($"Entrada.Financiero[{i}].Generica", $"Genérica (fila {i + 1}): {problema}."));
        if (LimitesTexto.Problema(Indicador, ClaseTexto.Nombre) is { } indicador) p.Add(new("Indicador", $"Indicador: {indicador}."));
        for (var i = 0; i < ElementosCriticos.Count; i++)
            if (LimitesTexto.Problema(ElementosCriticos[i], ClaseTexto.Nombre) is { } problema)
                p.Add(new($"ElementosCriticos[{i}]", $"Elemento crítico (fila {i + 1}): {problema}."));
        for (var i = 0; i < Necesidades.Count; i++)
        {
            if (LimitesTexto.Problema(Necesidades[i].Codigo, ClaseTexto.Codigo) is { } codigo)
                p.Add(new($"Necesidades[{i}].Codigo", $"Código de la necesidad (fila {i + 1}): {codigo}."));
            if (LimitesTexto.Problema(Necesidades[i].Detalle, ClaseTexto.Nombre) is { } detalle)
                p.Add(new($"Necesidades[{i}].Detalle", $"Detalle de la necesidad (fila {i + 1}): {detalle}."));
        }
        return p;
    }

    public Lectura Leer(int anio, bool multianual)
    {
        Compactar();
        var codigo = string.IsNullOrWhiteSpace(Codigo) ? "(sin código)" : Codigo.Trim();
        var p = new List<ProblemaProgramacion>();
        if (string.IsNullOrWhiteSpace(Codigo)) p.Add(new("Codigo", "Escriba el código de la actividad."));
        if (string.IsNullOrWhiteSpace(Nombre)) p.Add(new("Nombre", $"Actividad {codigo}: escriba el nombre."));
        if (string.IsNullOrWhiteSpace(Aei)) p.Add(new("Aei", $"Actividad {codigo}: elija la AEI a la que contribuye."));
        if (string.IsNullOrWhiteSpace(UnidadMedida)) p.Add(new("UnidadMedida", $"Actividad {codigo}: escriba la unidad de medida."));
        var tipo = Tipo == "Inversion" ? TipoActividad.Inversion : TipoActividad.AO;
        if (tipo == TipoActividad.Inversion && string.IsNullOrWhiteSpace(Cui))
            p.Add(new("Cui", $"Actividad {codigo}: una inversión requiere su CUI (código único de inversión)."));
        if (!ComportamientoTexto.TryParse(Comportamiento, out var comportamiento))
            p.Add(new("Comportamiento", $"Actividad {codigo}: el comportamiento «{Comportamiento}» no es válido."));

        decimal Cifra(string? texto, string campo, string nombre, decimal? vacio)
        {
            if (string.IsNullOrWhiteSpace(texto) && vacio is { } v) return v;
            if (NumeroEscrito.TryLeer(texto, out var n)) return n;
            p.Add(new(campo, string.IsNullOrWhiteSpace(texto)
                ? $"Actividad {codigo}: escriba {nombre}."
                : $"Actividad {codigo}: {nombre} «{texto!.Trim()}» no es un número (use punto decimal, por ejemplo 1,234.50)."));
            return 0;
        }

        var peso = Cifra(Peso, "Peso", "el peso", 1);
        var metaAnual = Cifra(MetaAnual, "MetaAnual", "la meta física anual", null);
        var fisico = new decimal[12];
        for (var m = 0; m < 12; m++)
            fisico[m] = Cifra(m < Fisico.Length ? Fisico[m] : null, $"Fisico[{m}]", $"la meta de {Meses.Nombre(m + 1).ToLowerInvariant()}", 0);
        var financiero = new List<FinancieroGenerica>();
        for (var i = 0; i < Financiero.Count; i++)
        {
            var f = Financiero[i];
            var vacia = string.IsNullOrWhiteSpace(f.Generica) && f.Montos.All(string.IsNullOrWhiteSpace);
            if (vacia) continue;
            var generica = f.Generica?.Trim() ?? "";
            var montos = new decimal[12];
            for (var m = 0; m < 12; m++)
                montos[m] = Cifra(m < f.Montos.Length ? f.Montos[m] : null, $"Financiero[{i}].Montos[{m}]",
                    $"el monto de la genérica {generica} en {Meses.Nombre(m + 1).ToLowerInvariant()}", 0);
            financiero.Add(new FinancieroGenerica(generica, montos));
        }
        int? prioridad = null;
        if (!string.IsNullOrWhiteSpace(Prioridad))
        {
            if (int.TryParse(Prioridad.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pr) && pr >= 1) prioridad = pr;
            else p.Add(new("Prioridad", $"Actividad {codigo}: la prioridad debe ser un entero desde 1."));
        }
        var proyecciones = new List<(int, decimal, decimal)>();
        if (multianual)
        {
            proyecciones.Add((anio + 1, Cifra(MetaAnio2, "MetaAnio2", $"la meta de {anio + 1}", 0), Cifra(MontoAnio2, "MontoAnio2", $"el monto de {anio + 1}", 0)));
            proyecciones.Add((anio + 2, Cifra(MetaAnio3, "MetaAnio3", $"la meta de {anio + 2}", 0), Cifra(MontoAnio3, "MontoAnio3", $"el monto de {anio + 2}", 0)));
            foreach (var (a, meta, monto) in proyecciones)
                if (meta < 0 || monto < 0) p.Add(new(a == anio + 1 ? "MetaAnio2" : "MetaAnio3", $"Actividad {codigo}: la proyección de {a} no puede ser negativa."));
        }

        TipoIndicadorActividad? tipoIndicador = null;
        if (!string.IsNullOrWhiteSpace(TipoIndicador))
        {
            if (Enum.TryParse<TipoIndicadorActividad>(TipoIndicador.Trim(), ignoreCase: false, out var t) && Enum.IsDefined(t)) tipoIndicador = t;
            else p.Add(new("TipoIndicador", $"Actividad {codigo}: el tipo de indicador «{TipoIndicador.Trim()}» no es válido (proceso o insumo)."));
        }
        var elementos = ElementosCriticos.Select(e => e!).ToList();
        var necesidades = new List<Necesidad>();
        for (var i = 0; i < Necesidades.Count; i++)
        {
            var n = Necesidades[i];
            var fila = $"la necesidad {i + 1}";
            necesidades.Add(new Necesidad(Limpio(n.Codigo), n.Detalle?.Trim() ?? "",
                Cifra(n.Cantidad, $"Necesidades[{i}].Cantidad", $"la cantidad de {fila}", null),
                Cifra(n.CostoUnitario, $"Necesidades[{i}].CostoUnitario", $"el costo unitario de {fila}", null)));
        }
        var detalle = new DetalleActividad(Limpio(Indicador), tipoIndicador, elementos, necesidades);
        p.AddRange(detalle.Problemas(codigo));

        var datos = new DatosActividad(null, Limpio(Numero), Limpio(Grupo), Limpio(UnidadMedida), Limpio(Responsable), MesInicio, MesFin,
            Limpio(CategoriaPresupuestal), Limpio(Producto), Limpio(ActividadPresupuestal), Limpio(Cui), prioridad);
        if (p.Count > 0) return new Lectura(null, tipo, datos, proyecciones, p) { Detalle = detalle };
        var propuesta = new PropuestaProgramacion(comportamiento, peso, metaAnual, fisico, financiero, MesInicio, MesFin);
        return new Lectura(propuesta, tipo, datos, proyecciones, propuesta.Problemas(codigo)) { Detalle = detalle };
    }

    private static string? Limpio(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The form of an activity as saved: numbers as the inputs show them (no grouping, so they read back unchanged).</summary>
    public static EntradaActividad Desde(ActividadOperativa a, ProgramacionActividad pr, string aei, string? ficha)
    {
        var e = new EntradaActividad
        {
            Codigo = a.Codigo,
            Nombre = a.Nombre,
            Tipo = a.Tipo.ToString(),
            Aei = aei,
            Ficha = ficha,
            Numero = a.Numero,
            Grupo = a.Grupo,
            UnidadMedida = a.UnidadMedida,
            Responsable = a.Responsable,
            MesInicio = a.MesInicio,
            MesFin = a.MesFin,
            Comportamiento = pr.Comportamiento.Codigo(),
            Peso = Texto(pr.Peso),
            MetaAnual = Texto(pr.MetaAnual),
            Fisico = pr.ProgramadoFisico().Select(v => v == 0 ? null : Texto(v)).ToArray(),
            Financiero = pr.FinancieroPorGenerica().Select(g => new FilaGenerica
            {
                Generica = g.Generica,
                Montos = g.Montos.Select(v => v == 0 ? null : Texto(v)).ToArray(),
            }).ToList(),
            CategoriaPresupuestal = a.CategoriaPresupuestal,
            Producto = a.Producto,
            ActividadPresupuestal = a.ActividadPresupuestal,
            Cui = a.Cui,
            Prioridad = a.Prioridad?.ToString(CultureInfo.InvariantCulture),
            Indicador = pr.Indicador,
            TipoIndicador = pr.TipoIndicador?.ToString(),
            ElementosCriticos = pr.ElementosCriticos.OrderBy(x => x.Orden).Select(x => (string?)x.Texto).ToList(),
            Necesidades = pr.Necesidades.OrderBy(x => x.Orden).Select(x => new FilaNecesidad
            {
                Codigo = x.Codigo,
                Detalle = x.Detalle,
                Cantidad = Texto(x.Cantidad),
                CostoUnitario = Texto(x.CostoUnitario),
            }).ToList(),
        };
        foreach (var py in pr.Proyecciones.OrderBy(x => x.Anio))
        {
            if (e.MetaAnio2 is null) { e.MetaAnio2 = Texto(py.MetaFisica); e.MontoAnio2 = Texto(py.Monto); }
            else { e.MetaAnio3 = Texto(py.MetaFisica); e.MontoAnio3 = Texto(py.Monto); }
        }
        return e;
    }

    /// <summary>Drops the blank rows of critical elements and needs, so a row's number is the same in the form and in every message.</summary>
    private void Compactar()
    {
        ElementosCriticos.RemoveAll(string.IsNullOrWhiteSpace);
        Necesidades.RemoveAll(n => n.Vacia);
    }

    /// <summary>Blank genérica rows so a new one can be typed without JavaScript.</summary>
    public void AgregarFilasVacias()
    {
        for (var i = 0; i < FilasGenericaVacias; i++) Financiero.Add(new FilaGenerica());
        for (var i = 0; i < FilasElementoVacias; i++) ElementosCriticos.Add(null);
        for (var i = 0; i < FilasNecesidadVacias; i++) Necesidades.Add(new FilaNecesidad());
    }

    /// <summary>The needs typed so far and the total of the financial programming, for the comparison the form reports (null when unreadable).</summary>
    public string? ComparacionNecesidades()
    {
        decimal necesidades = 0, programado = 0;
        var lineas = 0;
        foreach (var n in Necesidades.Where(n => !n.Vacia))
        {
            if (!NumeroEscrito.TryLeer(n.Cantidad, out var c) || !NumeroEscrito.TryLeer(n.CostoUnitario, out var u)) return null;
            necesidades += c * u;
            lineas++;
        }
        foreach (var monto in Financiero.SelectMany(f => f.Montos).Where(m => !string.IsNullOrWhiteSpace(m)))
        {
            if (!NumeroEscrito.TryLeer(monto, out var v)) return null;
            programado += v;
        }
        return DetalleActividad.ComparacionConProgramacion(string.IsNullOrWhiteSpace(Codigo) ? "(sin código)" : Codigo.Trim(), necesidades, programado, lineas);
    }

    public static string Texto(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
