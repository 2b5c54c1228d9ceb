using System.Globalization;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The recommendations matrix (matriz de compromisos, DOMAIN.md §6.6): every recommendation of the
/// entity's evaluations with the OEI/AEI it concerns, its responsible units and/or outside body, deadline, status as of the latest follow-up and the
/// history of statuses across evaluations.
/// </summary>
public sealed record MatrizRecomendaciones(string Entidad, DateOnly Corte, IReadOnlyList<FilaRecomendacion> Filas)
{
    public string Titulo { get; init; } = "MATRIZ DE SEGUIMIENTO DE RECOMENDACIONES (MATRIZ DE COMPROMISOS)";
}

/// <param name="Evaluacion">The issuing evaluation: "Evaluación I Semestre 2024".</param>
/// <param name="OeiAei">"OEI.01 — enunciado" or "AEI.01.01 — enunciado"; "" when it concerns neither.</param>
/// <param name="UnidadResponsable">The units and the outside body: "01.02 OFICINA …; Entidad externa: SUNASS".</param>
/// <param name="Historial">"II Semestre 2024: En proceso; Anual 2024: Implementada".</param>
/// <param name="Vencida">Past its deadline at <see cref="MatrizRecomendaciones.Corte"/> and neither implemented nor closed.</param>
public sealed record FilaRecomendacion(
    string Evaluacion, int Numero, string OeiAei, string AspectoMejora, string Recomendacion, string AccionClave, string UnidadResponsable,
    DateOnly Plazo, string Estado, string? Comentario, string Historial, bool Vencida);

/// <summary>Writes the recommendations matrix as one sheet (.xlsx), overdue rows highlighted.</summary>
public static class MatrizRecomendacionesExcel
{
    public static void Escribir(MatrizRecomendaciones matriz, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(matriz);
        var libro = new LibroExcel();
        var corte = matriz.Corte.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        TablaExcel.Escribir(libro, Construir(matriz), matriz.Entidad, $"Situación al {corte}", $"{matriz.Entidad} — Matriz de recomendaciones");
        libro.Guardar(destino);
    }

    internal static TablaDatos Construir(MatrizRecomendaciones m)
    {
        ColumnaDatos[] cols =
        [
            new("Evaluación", 22), new("N.º", 6, true), new("OEI/AEI", 28), new("Aspecto de mejora", 30), new("Recomendación", 40),
            new("Acción clave", 30), new("Unidad(es) responsable(s)", 30), new("Plazo", 11), new("Estado", 14), new("Comentario", 30), new("Historial de seguimiento", 34),
        ];
        var filas = m.Filas.Select(f => new FilaDatos(
        [
            ValorDatos.Texto(f.Evaluacion), ValorDatos.Entero(f.Numero), ValorDatos.Texto(f.OeiAei), ValorDatos.Texto(f.AspectoMejora), ValorDatos.Texto(f.Recomendacion),
            ValorDatos.Texto(f.AccionClave), ValorDatos.Texto(f.UnidadResponsable),
            ValorDatos.Texto(f.Plazo.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), centrado: true),
            ValorDatos.Texto(f.Vencida ? f.Estado + " (vencida)" : f.Estado), ValorDatos.Texto(f.Comentario), ValorDatos.Texto(f.Historial),
        ], Resaltada: f.Vencida)).ToList();
        return new TablaDatos("Recomendaciones", m.Titulo, cols, filas)
        {
            Nota = m.Filas.Count == 0 ? "No hay recomendaciones registradas." : "Resaltadas: recomendaciones con plazo vencido sin implementar.",
        };
    }
}
