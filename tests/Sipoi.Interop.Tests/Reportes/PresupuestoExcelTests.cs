using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

public class PresupuestoExcelTests
{
    // EMSAPUNO PIA 2024 (Cuadros N.º 2 y 3 of the reference POI).
    internal static ResumenPresupuesto Ejemplo() => new("EMSAPUNO S.A.", 2024,
        [
            new("1.3", "Venta de Bienes y Servicios", 17_337_130.00m),
            new("1.5", "Otros Ingresos", 88_600.00m),
            new("1.9", "Saldo de Balance", 10_175_661.00m),
        ],
        [
            new("2.1", "Personal y Obligaciones sociales", 9_873_891.00m),
            new("2.2", "Pensiones y Otras prestaciones sociales", 169_125.00m),
            new("2.3", "Bienes y Servicios", 11_525_503.00m),
            new("2.5", "Otros Gastos", 160_000.00m),
            new("2.6", "Adquisición de activos No Financieros", 5_872_872.00m),
        ])
    {
        CentrosCosto =
        [
            new("03.01.04.05", "OFICINA DE TECNOLOGÍAS DE LA INFORMACIÓN", 45_200.50m, 120_000m),
            new("03.02", "OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL", 12_500m, 8_300.30m),
        ],
        Fuente = "Fuente: Presupuesto Institucional de Apertura año fiscal 2024.",
    };

    [Fact]
    public void Presupuesto_EsValidoConIngresosEgresosYCentros()
    {
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(Ejemplo(), s), "presupuesto.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["Ingresos", "Egresos", "Por centro de costo"], x.Hojas);
    }

    [Fact]
    public void Presupuesto_ParticipacionYTotalComoEnElPoi()
    {
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(Ejemplo(), s));
        Assert.Equal("PRESUPUESTO DE INGRESOS AÑO 2024", x.Texto("Ingresos", "A2"));
        Assert.Equal("Venta de Bienes y Servicios", x.Texto("Ingresos", "B6"));
        Assert.Equal(17_337_130.00, x.Numero("Ingresos", "C6"));
        Assert.Equal("#,##0.00", x.FormatoNumero("Ingresos", "C6"));
        Assert.Equal(62.81, Math.Round(x.Numero("Ingresos", "D6"), 2));
        Assert.Equal(36.87, Math.Round(x.Numero("Ingresos", "D8"), 2));
        Assert.Equal("TOTAL INGRESOS", x.Texto("Ingresos", "A9"));
        Assert.Equal("SUM(C6:C8)", x.Formula("Ingresos", "C9"));
        Assert.Equal(27_601_391.00, x.Numero("Ingresos", "C9"));
        Assert.Equal(100, x.Numero("Ingresos", "D9"));

        Assert.Equal(41.76, Math.Round(x.Numero("Egresos", "D8"), 2));
        Assert.Equal("SUM(C6:C10)", x.Formula("Egresos", "C11"));
        Assert.Equal(27_601_391.00, x.Numero("Egresos", "C11"));
        Assert.Equal("Fuente: Presupuesto Institucional de Apertura año fiscal 2024.", x.Texto("Egresos", "A13"));
    }

    [Fact]
    public void Presupuesto_CentroDeCostoSumaBienesYServicios()
    {
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(Ejemplo(), s));
        const string h = "Por centro de costo";
        Assert.Equal("03.01.04.05", x.Texto(h, "A6"));
        Assert.Equal("SUM(C6:D6)", x.Formula(h, "E6"));
        Assert.Equal(165_200.50, x.Numero(h, "E6"), 6);
        Assert.Equal("SUM(E6:E7)", x.Formula(h, "E8"));
        Assert.Equal(186_000.80, x.Numero(h, "E8"), 6);
        Assert.Equal("SUM(C6:C7)", x.Formula(h, "C8"));
        Assert.Equal(57_700.50, x.Numero(h, "C8"), 6);
        Assert.Equal("'Por centro de costo'!$5:$5", x.TitulosImpresion(h));
    }

    [Fact]
    public void Presupuesto_SinProgramacionPorCentro_TablaVaciaSinTotalYConSuNota()
    {
        var vacio = Ejemplo() with { CentrosCosto = [], NotaCentrosCosto = "No hay programación financiera por genérica registrada." };
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(vacio, s));
        Assert.Empty(x.Errores());
        const string hoja = "Por centro de costo";
        Assert.Null(x.Celda(hoja, "A6")?.CellValue);
        Assert.Equal("No hay programación financiera por genérica registrada.", x.Texto(hoja, "A7"));
        // The other tables keep the general source.
        Assert.Equal(Ejemplo().Fuente, x.Texto("Ingresos", $"A{x.Fila("Ingresos", "A", "TOTAL INGRESOS") + 2}"));
    }
}
