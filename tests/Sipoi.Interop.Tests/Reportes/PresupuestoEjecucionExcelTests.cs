using Sipoi.Domain.Presupuesto;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>The budget workbook's sheets of the budget through the year: PIA, PIM, certified, accrued by fuente/genérica, centre and activity.</summary>
public class PresupuestoEjecucionExcelTests
{
    internal static ResumenPresupuesto ConEjecucion() => PresupuestoExcelTests.Ejemplo() with
    {
        Ejecucion = new EjecucionPresupuestalResumen(
            [
                new("1 Recursos Ordinarios", "2.1", "2.1 Personal y obligaciones sociales", new(1000m, 0m, 800m, 500m)),
                new("2 Recursos Directamente Recaudados", "2.3", "2.3 Bienes y servicios", new(2000m, 500m, 1000m, 625m)),
            ],
            [
                new(null, "01.02", "OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL", new(2000m, 0m, 1000m, 625m)),
                new(null, null, "Sin asignar a un centro de costo", new(1000m, 500m, 800m, 500m)),
            ],
            [new(null, null, "Sin asignar a una actividad", new(3000m, 500m, 1800m, 1125m))],
            2,
            "Fuente: PIA, modificaciones, certificado y devengado 2024 registrados o cargados en SIPOI."),
    };

    [Fact]
    public void Ejecucion_TresHojasValidasConPimYPorcentajeDevengado()
    {
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(ConEjecucion(), s), "presupuesto-pim.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["Ingresos", "Egresos", "Por centro de costo", "PIM por fuente", "PIM por centro", "PIM por actividad"], x.Hojas);

        const string h = "PIM por fuente";
        Assert.Equal("PIA, PIM Y EJECUCIÓN POR FUENTE Y GENÉRICA AÑO 2024", x.Texto(h, "A2"));
        Assert.Equal(new[] { "Fuente de financiamiento", "Genérica", "PIA (S/)", "Modificaciones (S/)", "PIM (S/)", "Certificado (S/)", "Devengado (S/)", "% devengado / PIM" },
            new[] { "A", "B", "C", "D", "E", "F", "G", "H" }.Select(c => x.Texto(h, c + "5")));
        Assert.Equal("2 Recursos Directamente Recaudados", x.Texto(h, "A7"));
        Assert.Equal("2.3 Bienes y servicios", x.Texto(h, "B7"));
        Assert.Equal(2500, x.Numero(h, "E7"));
        Assert.Equal(25, x.Numero(h, "H7"));
        Assert.Equal("#,##0.00", x.FormatoNumero(h, "E7"));
        Assert.Equal("TOTAL", x.Texto(h, "A8"));
        Assert.Equal(3500, x.Numero(h, "E8"));
        Assert.Equal("SUM(E6:E7)", x.Formula(h, "E8"));
        Assert.Equal(1125.0 / 3500 * 100, x.Numero(h, "H8"), 6);

        Assert.Equal("01.02", x.Texto("PIM por centro", "A6"));
        Assert.Equal("Sin asignar a un centro de costo", x.Texto("PIM por centro", "B7"));
        Assert.Equal(1500, x.Numero("PIM por centro", "E7"));
        Assert.Equal("Sin asignar a una actividad", x.Texto("PIM por actividad", "B6"));
    }

    [Fact]
    public void SinEjecucion_NoHayHojasDePim()
    {
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(PresupuestoExcelTests.Ejemplo(), s));
        Assert.DoesNotContain("PIM por fuente", x.Hojas);
        Assert.Null(PresupuestoExcelTests.Ejemplo().Ejecucion);
        Assert.Equal(3000m, new SaldoPresupuestal(3000m, 0, 0, 0).Pim);
    }
}
