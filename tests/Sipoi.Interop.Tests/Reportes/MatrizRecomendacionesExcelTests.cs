using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

public class MatrizRecomendacionesExcelTests
{
    private static MatrizRecomendaciones Ejemplo() => new("EMSAPUNO S.A.", new DateOnly(2025, 1, 15),
    [
        new("Evaluación I Semestre 2024", 1, "OEI.03 — Mejorar la gestión institucional", "Baja ejecución del OEI.03", "Reprogramar metas",
            "Taller de reprogramación", "03.02 OFICINA DE PLANEAMIENTO", new DateOnly(2024, 10, 31), "Implementada", null,
            "Anual 2024: Implementada", false),
        new("Evaluación I Semestre 2024", 2, "", "Registro tardío", "Registrar dentro del plazo", "Recordatorio mensual",
            "01.01 GERENCIA GENERAL; 03.02 OFICINA DE PLANEAMIENTO; Entidad externa: SUNASS", new DateOnly(2024, 12, 31), "En proceso",
            "Avance parcial", "Anual 2024: En proceso", true),
    ]);

    [Fact]
    public void Matriz_EsValidaYCadaFilaEnSuLugar()
    {
        using var x = new Xlsx(s => MatrizRecomendacionesExcel.Escribir(Ejemplo(), s), "matriz-recomendaciones.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["Recomendaciones"], x.Hojas);
        var f = x.Fila("Recomendaciones", "E", "Registrar dentro del plazo");
        Assert.Equal("OEI/AEI", x.Texto("Recomendaciones", $"C{f - 2}"));
        Assert.Equal("Unidad(es) responsable(s)", x.Texto("Recomendaciones", $"G{f - 2}"));
        Assert.Equal(2, x.Numero("Recomendaciones", $"B{f}"));
        Assert.Equal("01.01 GERENCIA GENERAL; 03.02 OFICINA DE PLANEAMIENTO; Entidad externa: SUNASS", x.Texto("Recomendaciones", $"G{f}"));
        Assert.Equal("31/12/2024", x.Texto("Recomendaciones", $"H{f}"));
        Assert.Equal("En proceso (vencida)", x.Texto("Recomendaciones", $"I{f}"));
        Assert.Equal("Avance parcial", x.Texto("Recomendaciones", $"J{f}"));
        Assert.Equal("Implementada", x.Texto("Recomendaciones", $"I{f - 1}"));
        Assert.Equal("OEI.03 — Mejorar la gestión institucional", x.Texto("Recomendaciones", $"C{f - 1}"));
        // Overdue rows are highlighted, the others are not.
        Assert.NotEqual(x.Relleno("Recomendaciones", $"E{f}"), x.Relleno("Recomendaciones", $"E{f - 1}"));
        Assert.NotNull(x.Panel("Recomendaciones"));
    }

    [Fact]
    public void MatrizVacia_LoDiceEnLaNota()
    {
        using var x = new Xlsx(s => MatrizRecomendacionesExcel.Escribir(Ejemplo() with { Filas = [] }, s));
        Assert.Empty(x.Errores());
        Assert.True(x.Fila("Recomendaciones", "A", "No hay recomendaciones registradas.") > 0);
    }
}
