using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// What only a browser shows: the operator's month typed with the keyboard and a column pasted from
/// Excel, justified, with a file attached and submitted; and the planning office approving a month
/// from the board. Headless Chromium against the app on a real port.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class SeguimientoNavegadorTests(AppNavegador app) : IClassFixture<AppNavegador>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static ILocator Celda(IPage p, string codigo, string columna = "fisico") =>
        p.Locator($"#fila-{codigo} input.celda[data-columna='{columna}']");

    [Fact]
    public async Task Operador_RegistraJustificaAdjuntaYEnviaSuMes()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var p = await app.IngresarAsync("operador@emsapuno.demo");
        await p.GotoAsync("/e/EMSAPUNO/seguimiento/2024/1?centro=01.02&todas=true");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Pendiente");

        // Type a value and Enter: the cursor goes down the same column (grilla.js), the form is not submitted.
        await Celda(p, "FP22-01").FillAsync("1");
        await Celda(p, "FP22-01").PressAsync("Enter");
        await Assertions.Expect(Celda(p, "FP22-02")).ToBeFocusedAsync();
        await p.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(Celda(p, "FP22-01")).ToBeFocusedAsync();

        // A column copied from Excel (FP34-01 … FP34-04 are consecutive rows), pasted into the first cell.
        await Celda(p, "FP34-01").EvaluateAsync(@"(el) => {
            const dt = new DataTransfer();
            dt.setData('text/plain', '1\r\n1\r\n1\r\n1\r\n');
            el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        }");
        foreach (var c in new[] { "FP34-01", "FP34-02", "FP34-03", "FP34-04" })
            await Assertions.Expect(Celda(p, c)).ToHaveValueAsync("1");
        await Assertions.Expect(Celda(p, "FP34-05")).ToHaveValueAsync("");
        // Two columns (tab-separated) fill the physical and the soles cells of each row.
        await Celda(p, "FP34-16").EvaluateAsync(@"(el) => {
            const dt = new DataTransfer();
            dt.setData('text/plain', '1\t250.50\n1\t1,000');
            el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        }");
        await Assertions.Expect(Celda(p, "FP34-16", "financiero")).ToHaveValueAsync("250.50");
        await Assertions.Expect(Celda(p, "FP34-17")).ToHaveValueAsync("1");
        await Assertions.Expect(Celda(p, "FP34-17", "financiero")).ToHaveValueAsync("1,000");
        await Celda(p, "FP34-17").FillAsync("");
        await Celda(p, "FP34-17", "financiero").FillAsync("");

        // 100 of 150 certifications: 66.67 %, below tolerance.
        await Celda(p, "FP34-09").FillAsync("100");
        await Celda(p, "FP34-18").FillAsync("1");
        await p.Locator("#guardar").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se guardaron");
        var justificacion = p.Locator("#justificacion-FP34-09");
        await Assertions.Expect(justificacion).ToContainTextAsync("requerida para enviar: la ejecución es 66.67 % de la meta");
        await Assertions.Expect(p.Locator("#fila-FP34-09")).ToContainTextAsync("66.67 %");

        // Submitting without the texts lists what is missing; nothing is lost.
        await p.Locator("#enviar").ClickAsync();
        await Assertions.Expect(p.Locator("#errores")).ToContainTextAsync("Actividad FP34-09, enero de 2024: faltan los logros");
        await Assertions.Expect(Celda(p, "FP34-09")).ToHaveValueAsync("100");

        await justificacion.GetByLabel("Logros").FillAsync("Se emitieron 100 certificaciones presupuestales");
        await justificacion.GetByLabel("Dificultades").FillAsync("Menos pedidos de las áreas en enero");
        await justificacion.GetByLabel("Medidas correctivas").FillAsync("Se recordó el plazo a las áreas usuarias");
        await p.Locator("#guardar").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se guardó 1 actividad.");

        // Attach the evidence to FP34-09: «Adjuntar…» saves the grid and opens the activity's evidence page.
        await p.Locator("#fila-FP34-09 button.adjuntar").ClickAsync();
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Evidencias de FP34-09");
        await p.Locator("#archivos-evidencia").SetInputFilesAsync(new FilePayload
        {
            Name = "certificaciones enero.pdf",
            MimeType = "application/pdf",
            Buffer = Pdf,
        });
        await p.Locator("#adjuntar").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se adjuntó «certificaciones enero.pdf»");
        await Assertions.Expect(p.Locator("#fila-FP34-09 .archivos")).ToContainTextAsync("certificaciones enero.pdf");

        await p.Locator("#enviar").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("se envió a revisión");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Enviado");
        await Assertions.Expect(p.Locator("#guardar")).ToHaveCountAsync(0);

        await using var db = app.Base.Contexto();
        var s = await db.Seguimientos.SingleAsync(x => x.Mes == 1 && db.CentrosCosto.Any(c => c.Id == x.CentroCostoId && c.Codigo == "01.02"));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
        Assert.Equal(100m, await db.Avances.Where(v => v.Mes == 1 && db.Actividades.Any(a => a.Id == v.ActividadId && a.Codigo == "FP34-09"))
            .Select(v => v.EjecutadoFisico).SingleAsync());
        Assert.Equal(250.50m, await db.Avances.Where(v => v.Mes == 1 && db.Actividades.Any(a => a.Id == v.ActividadId && a.Codigo == "FP34-16"))
            .Select(v => v.EjecutadoFinanciero).SingleAsync());
    }

    [Fact]
    public async Task Planificador_ApruebaUnMesEnviadoDesdeElTablero()
    {
        // 03.01 submitted its January (through the domain's own workflow).
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == e.Id && c.Codigo == "03.01");
            var poi = await db.Pois.SingleAsync(x => x.EntidadId == e.Id && x.Anio == 2024);
            db.Seguimientos.Add(Seguimientos.Enviado(e, poi.Id, 2024, centro.Id, 1));
            await db.SaveChangesAsync();
        }
        app.Reloj.Fijar(2024, 2, 12);
        var p = await app.IngresarAsync("planificador@emsapuno.demo");
        await p.GetByRole(AriaRole.Link, new() { Name = "EMPRESA MUNICIPAL", Exact = false }).First.ClickAsync();
        await p.GetByRole(AriaRole.Navigation, new() { Name = "Menú principal" }).GetByRole(AriaRole.Link, new() { Name = "Seguimiento" }).ClickAsync();
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Tablero de seguimiento 2024");
        var celda = p.Locator("tr[data-centro='03.01'] td[data-mes='1']");
        await Assertions.Expect(celda).ToHaveTextAsync("Enviado");
        await p.Locator("#por-revisar").GetByRole(AriaRole.Link, new() { Name = "03.01", Exact = false }).ClickAsync();

        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Enviado");
        await p.Locator("#aprobar button").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se aprobó el seguimiento de enero de 2024 del centro de costo 03.01.");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Aprobado");
        await Assertions.Expect(p.Locator("#aprobar")).ToHaveCountAsync(0);

        await p.GotoAsync("/e/EMSAPUNO/seguimiento/2024/tablero");
        await Assertions.Expect(celda).ToHaveTextAsync("Aprobado");
        // Text and colour both: the class carries the colour, the text says it.
        await Assertions.Expect(celda.Locator(".estado")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("aprobado"));
    }
}
