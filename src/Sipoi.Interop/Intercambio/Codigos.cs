using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Interop.Intercambio;

/// <summary>
/// The exact texts the exchange file uses for each enumeration (behaviours use the domain's
/// <see cref="Sipoi.Domain.Periodos.ComportamientoTexto"/>).
/// </summary>
public static class CodigosIntercambio
{
    private static readonly (TipoActividad Valor, string Codigo)[] Tipos =
        [(TipoActividad.AO, "AO"), (TipoActividad.Inversion, "Inversion")];

    private static readonly (Sentido Valor, string Codigo)[] Sentidos =
        [(Sentido.Ascendente, "ascendente"), (Sentido.Descendente, "descendente"), (Sentido.NoDefinido, "no definido")];

    private static readonly (MetodoEvaluacion Valor, string Codigo)[] Metodos =
        [(MetodoEvaluacion.Ceplan, "ceplan"), (MetodoEvaluacion.Ponderado, "ponderado")];

    private static readonly (TipoVersionPoi Valor, string Codigo)[] TiposVersion =
        [(TipoVersionPoi.Multianual, "multianual"), (TipoVersionPoi.Anual, "anual"), (TipoVersionPoi.Modificado, "modificado")];

    private static readonly (EstadoPei Valor, string Codigo)[] Estados =
    [
        (EstadoPei.RegistroIniciado, "registro_iniciado"), (EstadoPei.Registrado, "registrado"),
        (EstadoPei.EnImplementacion, "en_implementacion"), (EstadoPei.Finalizado, "finalizado"),
    ];

    private static readonly (EstadoSeguimiento Valor, string Codigo)[] EstadosSeguimiento =
    [
        (EstadoSeguimiento.Pendiente, "pendiente"), (EstadoSeguimiento.Enviado, "enviado"),
        (EstadoSeguimiento.Observado, "observado"), (EstadoSeguimiento.Aprobado, "aprobado"),
        (EstadoSeguimiento.Validado, "validado"),
    ];

    private static readonly (RitmoReporte Valor, string Codigo)[] Ritmos =
        [(RitmoReporte.Mensual, "mensual"), (RitmoReporte.Trimestral, "trimestral")];

    public static string Codigo(this TipoActividad v) => Buscar(Tipos, v);
    public static string Codigo(this EstadoSeguimiento v) => Buscar(EstadosSeguimiento, v);
    public static string Codigo(this Sentido v) => Buscar(Sentidos, v);
    public static string Codigo(this MetodoEvaluacion v) => Buscar(Metodos, v);
    public static string Codigo(this TipoVersionPoi v) => Buscar(TiposVersion, v);
    public static string Codigo(this EstadoPei v) => Buscar(Estados, v);
    public static string Codigo(this RitmoReporte v) => Buscar(Ritmos, v);

    public static bool TryParse(string? codigo, out TipoActividad v) => Leer(Tipos, codigo, out v);
    public static bool TryParse(string? codigo, out Sentido v) => Leer(Sentidos, codigo, out v);
    public static bool TryParse(string? codigo, out MetodoEvaluacion v) => Leer(Metodos, codigo, out v);
    public static bool TryParse(string? codigo, out TipoVersionPoi v) => Leer(TiposVersion, codigo, out v);
    public static bool TryParse(string? codigo, out EstadoPei v) => Leer(Estados, codigo, out v);
    public static bool TryParse(string? codigo, out EstadoSeguimiento v) => Leer(EstadosSeguimiento, codigo, out v);
    public static bool TryParse(string? codigo, out RitmoReporte v) => Leer(Ritmos, codigo, out v);

    /// <summary>The accepted texts, for messages: «AO» o «Inversion».</summary>
    internal static string Aceptados<T>() where T : struct, Enum => typeof(T) switch
    {
        var t when t == typeof(TipoActividad) => Enumerar(Tipos),
        var t when t == typeof(Sentido) => Enumerar(Sentidos),
        var t when t == typeof(MetodoEvaluacion) => Enumerar(Metodos),
        var t when t == typeof(TipoVersionPoi) => Enumerar(TiposVersion),
        var t when t == typeof(EstadoPei) => Enumerar(Estados),
        var t when t == typeof(EstadoSeguimiento) => Enumerar(EstadosSeguimiento),
        var t when t == typeof(RitmoReporte) => Enumerar(Ritmos),
        _ => throw new ArgumentOutOfRangeException(nameof(T)),
    };

    private static string Buscar<T>((T Valor, string Codigo)[] tabla, T v) where T : struct, Enum
    {
        foreach (var (valor, codigo) in tabla)
            if (EqualityComparer<T>.Default.Equals(valor, v)) return codigo;
        throw new ArgumentOutOfRangeException(nameof(v), v, null);
    }

    private static bool Leer<T>((T Valor, string Codigo)[] tabla, string? codigo, out T v) where T : struct, Enum
    {
        // Codes are matched exactly, like every code in the exchange file.
        foreach (var (valor, texto) in tabla)
        {
            if (texto != codigo) continue;
            v = valor;
            return true;
        }
        v = default;
        return false;
    }

    private static string Enumerar<T>((T Valor, string Codigo)[] tabla) =>
        Lista(tabla.Select(t => t.Codigo).ToArray());

    internal static string Lista(IReadOnlyList<string> textos) =>
        string.Join(", ", textos.Take(textos.Count - 1).Select(t => $"«{t}»")) + $" o «{textos[^1]}»";
}
