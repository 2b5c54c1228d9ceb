using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Cli;
using Xunit.Abstractions;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>The browser app on an EMPTY database: migrated, no demo, no user (a new installation), on 07/12/2026.</summary>
public sealed class AppNavegadorVacia : AppNavegador
{
    public AppNavegadorVacia() => Reloj.Fijar(2026, 12, 7);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sipoi:CargarDemo", "false");
    }
}

/// <summary>
/// Issue 16, item 1: a new entity from nothing, in the browser, from an empty database. The first national administrator is
/// created as a new installation does it (README §5: `sipoi entidad` for the national office, then `sipoi usuario … --nacional
/// si`, the generated password printed once); it creates the entity and its Administrador at /entidades/nueva; the
/// Administrador signs in with the password shown once, changes it, uploads the organisation chart workbook (OrganigramaExcel)
/// and the PEI workbook (PeiExcel), each reviewed then confirmed, uploads the POI matrix workbook (MatrizPoiExcel) and ends on the entity's home with the POI. Every
/// step: axe-core, no sideways scroll, menu, screenshots at 1366 and 390 px (capturas/recorridos/inicial-*). The elapsed time
/// goes to the test output.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed partial class ConfiguracionInicialNavegadorTests(AppNavegadorVacia app, ITestOutputHelper salida) : IClassFixture<AppNavegadorVacia>
{
    private const string Entidad = "MDSANTIAGO";
    private const string Anio = "2027";
    private const string CorreoNacional = "jefe@planeamiento-nacional.gob.pe";
    private const string CorreoAdministrador = "opp@munisantiago.gob.pe";
    private const string NuevaContrasena = "Tres montañas y un río 2027";

    private readonly List<string> _fallas = [];
    private int _pasos;

    private async Task PasoAsync(IPage p, string nombre)
    {
        _pasos++;
        _fallas.AddRange(await RecorridosNavegadorTests.RevisarEnAnchosAsync(p, nombre, $"inicial-{_pasos:00}-{nombre}"));
    }

    [GeneratedRegex(@"Contraseña \(se muestra solo esta vez; [^)]*\): (\S+)")]
    private static partial Regex ContrasenaImpresa();

    private async Task<string> CliAsync(params string[] args)
    {
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion }).Build();
        var salidaCli = new StringWriter();
        var errores = new StringWriter();
        var codigo = await LineaDeComandos.EjecutarAsync(args, salidaCli, configuracion, errores: errores);
        Assert.True(codigo == 0, $"sipoi {string.Join(' ', args)}: código {codigo}, {errores}");
        return salidaCli.ToString();
    }

    private async Task<IPage> IngresarAsync(string correo, string contrasena)
    {
        var contexto = await app.Navegador.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Direccion, Locale = "es-PE" });
        contexto.SetDefaultTimeout(60_000);
        var p = await contexto.NewPageAsync();
        await p.GotoAsync("/cuenta/ingresar");
        await p.Locator("#Datos_Correo").FillAsync(correo);
        await p.Locator("#Datos_Contrasena").FillAsync(contrasena);
        await p.Locator("form#ingreso button[type=submit]").ClickAsync();
        await Assertions.Expect(p).ToHaveURLAsync(app.Direccion + "/", new() { Timeout = 60_000 });
        return p;
    }

    [Fact]
    public async Task BaseVacia_EntidadNueva_Organigrama_Pei_YPoi_EnElNavegador()
    {
        await using (var db = app.Base.Contexto())
            Assert.False(await db.Entidades.AnyAsync() || await db.Users.AnyAsync(), "La base no está vacía.");
        var reloj = Stopwatch.StartNew();

        // 1. The installation's first national administrator, from the command line (README §5).
        await CliAsync("entidad", "--codigo", "PLANEAMIENTO-NACIONAL", "--nombre", "Oficina nacional de planeamiento");
        var impreso = await CliAsync("usuario", "--entidad", "PLANEAMIENTO-NACIONAL", "--correo", CorreoNacional,
            "--nombre", "Rosa Quispe Mamani", "--nacional", "si");
        var contrasenaNacional = ContrasenaImpresa().Match(impreso).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(contrasenaNacional), impreso);

        // 2. The national administrator creates the entity and its Administrador; the password is generated and shown once.
        var nacional = await IngresarAsync(CorreoNacional, contrasenaNacional);
        string contrasenaInicial;
        try
        {
            await PasoAsync(nacional, "inicio-nacional");
            await nacional.Locator("a[href='/entidades/nueva']").First.ClickAsync();
            await Assertions.Expect(nacional.Locator("h1")).ToHaveTextAsync("Nueva entidad");
            await PasoAsync(nacional, "entidad-nueva");
            await nacional.Locator("#codigo").FillAsync(Entidad);
            await nacional.Locator("#nombre").FillAsync("Municipalidad Distrital de Santiago");
            await nacional.Locator("#tipo").SelectOptionAsync("Municipalidad Distrital");
            await nacional.Locator("#siglas").FillAsync("MDS");
            await nacional.Locator("#nombre-administrador").FillAsync("Luis Condori Apaza");
            await nacional.Locator("#correo-administrador").FillAsync(CorreoAdministrador);
            await nacional.Locator("#crear").ClickAsync();
            await Assertions.Expect(nacional.Locator("#aviso")).ToContainTextAsync($"Se creó la entidad {Entidad}");
            contrasenaInicial = (await nacional.Locator("#contrasena-generada").TextContentAsync())!.Trim();
            await PasoAsync(nacional, "entidad-creada");
        }
        finally { await nacional.Context.CloseAsync(); }

        // 3. The Administrador signs in with it and changes it at once (the page tells to; the account has no forced change).
        var p = await IngresarAsync(CorreoAdministrador, contrasenaInicial);
        try
        {
            await PasoAsync(p, "inicio-administrador");
            await p.GotoAsync("/cuenta/contrasena");
            await p.Locator("#Datos_Actual").FillAsync(contrasenaInicial);
            await p.Locator("#Datos_Nueva").FillAsync(NuevaContrasena);
            await p.Locator("#Datos_Confirmacion").FillAsync(NuevaContrasena);
            await p.Locator("form#contrasena button[type=submit]").ClickAsync();
            await Assertions.Expect(p.Locator("main [role=status]")).ToBeVisibleAsync();
            await PasoAsync(p, "contrasena-cambiada");
        }
        finally { await p.Context.CloseAsync(); }

        p = await IngresarAsync(CorreoAdministrador, NuevaContrasena);
        try
        {
            await p.GotoAsync($"/e/{Entidad}");
            await PasoAsync(p, "entidad-vacia");

            // 4. The organisation chart workbook: review, then confirm.
            await OrganigramaAsync(p);

            // 5. The PEI workbook: review, then confirm.
            await PeiAsync(p);

            // 6. The POI matrix workbook: review, then import.
            await p.GotoAsync($"/e/{Entidad}/importar-excel");
            await p.Locator("#revisar input[name=Anio]").FillAsync(Anio);
            await p.Locator("#revisar input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = $"poi-{Anio}.xlsx",
                MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Buffer = MatrizPoi(),
            });
            await p.Locator("#revisar button[type=submit]").ClickAsync();
            await Assertions.Expect(p.Locator("#resumen")).ToContainTextAsync("Se importarán 4 actividades de 2 hojas");
            await PasoAsync(p, "poi-revision");
            await p.Locator("#confirmar button[type=submit]").ClickAsync();
            await Assertions.Expect(p.Locator("#importado")).ToContainTextAsync($"Se importó el POI {Anio}: 4 actividades");
            await PasoAsync(p, "poi-importado");

            // 7. The entity's home shows its POI; its matrix by cost centre has the activities.
            await p.GotoAsync($"/e/{Entidad}");
            await Assertions.Expect(p.Locator("main")).ToContainTextAsync(Anio);
            await PasoAsync(p, "inicio-entidad");
            await p.GotoAsync($"/e/{Entidad}/poi/{Anio}/centros");
            await Assertions.Expect(p.Locator("main")).ToContainTextAsync("Atención de expedientes de licencias");
            await PasoAsync(p, "poi-por-centro");
        }
        finally { await p.Context.CloseAsync(); }
        reloj.Stop();

        salida.WriteLine($"Configuración inicial desde una base vacía: {reloj.Elapsed.TotalSeconds:0.0} s, {_pasos} pasos revisados a 1366 y 390 px.");
        Assert.True(_fallas.Count == 0, $"{_fallas.Count} fallas en el recorrido:\n" + string.Join("\n", _fallas));
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            Assert.Equal(4, await db.Actividades.CountAsync(a => db.Pois.Any(x => x.Id == a.PoiId && x.EntidadId == entidad.Id && x.Anio == 2027)));
            Assert.Equal(3, await db.CentrosCosto.CountAsync(c => c.EntidadId == entidad.Id));
        }
    }

    /// <summary>The centres: the top office and the two that receive activities.</summary>
    private static readonly (string Codigo, string Nombre, string? Padre)[] Centros =
    [
        ("01", "Gerencia Municipal", null),
        ("01.01", "Oficina de Planeamiento y Presupuesto", "01"),
        ("01.02", "Subgerencia de Desarrollo Urbano", "01"),
    ];

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The organisation chart workbook (OrganigramaExcel, the layout of the template), reviewed then confirmed.</summary>
    private async Task OrganigramaAsync(IPage p)
    {
        await p.GotoAsync($"/e/{Entidad}/administracion/centros");
        await p.Locator("#cargar-excel").ClickAsync();
        using var libro = new MemoryStream();
        OrganigramaExcel.EscribirActual("Municipalidad Distrital de Santiago",
            Centros.Select(c => new CentroOrganigramaExcel(c.Codigo, c.Nombre, c.Padre, null, null)), libro);
        await p.Locator("#revisar input[type=file]").SetInputFilesAsync(new FilePayload { Name = "organigrama.xlsx", MimeType = Xlsx, Buffer = libro.ToArray() });
        await p.Locator("#revisar button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("#cambios")).ToContainTextAsync("Centros nuevos: 3");
        await PasoAsync(p, "organigrama-revision");
        await p.Locator("#confirmar button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("3 centros nuevos");
        await PasoAsync(p, "organigrama");
    }

    private const string Pei = "PEI-2025-2027";

    /// <summary>The PEI workbook (PeiExcel, the layout of its template): one OEI, two AEIs, an indicator each; reviewed then confirmed.</summary>
    private async Task PeiAsync(IPage p)
    {
        static IndicadorDto Indicador(string codigo, string nombre, string unidad, decimal valor) => new()
        {
            Codigo = codigo,
            Nombre = nombre,
            Unidad = unidad,
            LineaBase = new LineaBaseDto { Anio = 2024, Valor = valor },
            LogrosEsperados = new Dictionary<int, decimal> { [2025] = valor + 5, [2026] = valor + 10, [2027] = valor + 15 },
        };
        var pei = new PeiDto
        {
            Codigo = Pei,
            Nombre = "Plan Estratégico Institucional 2025 - 2027",
            Inicio = 2025,
            Fin = 2027,
            Oei =
            [
                new OeiDto
                {
                    Codigo = "OEI.01",
                    Enunciado = "Mejorar la gestión del desarrollo urbano del distrito",
                    Prioridad = 1,
                    Indicadores = [Indicador("IND.OEI.01.01", "Porcentaje de predios con licencia de edificación", "Porcentaje", 40)],
                    Aei =
                    [
                        new AeiDto
                        {
                            Codigo = "AEI.01.01",
                            Enunciado = "Licencias de edificación otorgadas oportunamente a la población",
                            Prioridad = 1,
                            Indicadores = [Indicador("IND.AEI.01.01.01", "Porcentaje de licencias otorgadas en el plazo legal", "Porcentaje", 70)],
                        },
                        new AeiDto
                        {
                            Codigo = "AEI.01.02",
                            Enunciado = "Planeamiento institucional articulado para la entidad",
                            Prioridad = 2,
                            Indicadores = [Indicador("IND.AEI.01.02.01", "Porcentaje de ejecución física del POI", "Porcentaje", 75)],
                        },
                    ],
                },
            ],
        };
        await p.GotoAsync($"/e/{Entidad}/pei");
        await p.Locator("#importar-pei").First.ClickAsync();
        using var libro = new MemoryStream();
        PeiExcel.Escribir("Municipalidad Distrital de Santiago", pei, libro);
        await p.Locator("#revisar input[type=file]").SetInputFilesAsync(new FilePayload { Name = "pei-2025-2027.xlsx", MimeType = Xlsx, Buffer = libro.ToArray() });
        await p.Locator("#revisar button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("#destino")).ToContainTextAsync($"Se creará el PEI {Pei}");
        await PasoAsync(p, "pei-revision");
        await p.Locator("#confirmar button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("main")).ToContainTextAsync($"Se importó el PEI {Pei}");
        await PasoAsync(p, "pei");
    }

    /// <summary>The POI matrix by cost centre as SIPOI's own writer prints it (with its import columns), two sheets of two activities.</summary>
    private static byte[] MatrizPoi()
    {
        static ActividadMatriz Actividad(string numero, string codigo, string nombre, string unidad, string aei, string centro, decimal[] meses) =>
            ActividadMatriz.Desde(numero, nombre, unidad, "Jefe de la oficina", 1, 12, meses.Sum(), Comportamiento.Suma, meses) with
            {
                Codigo = codigo,
                AeiCodigo = aei,
                CentroCosto = centro,
            };
        static AlineamientoMatriz Alineamiento(string aei, string enunciado) =>
            new("OEI.01", "Mejorar la gestión del desarrollo urbano del distrito", aei, enunciado, "", "", null);
        var mensual = Enumerable.Repeat(1m, 12).ToArray();
        var trimestral = new decimal[] { 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1 };
        var hojas = new List<HojaMatrizPoi>
        {
            new("01.01", "Oficina de Planeamiento y Presupuesto",
                [Alineamiento("AEI.01.02", "Planeamiento institucional articulado para la entidad")],
                [
                    Actividad("01", "AOI-0101-01", "Seguimiento mensual del POI", "Informe", "AEI.01.02", "01.01", mensual),
                    Actividad("02", "AOI-0101-02", "Evaluación trimestral del POI", "Informe", "AEI.01.02", "01.01", trimestral),
                ]),
            new("01.02", "Subgerencia de Desarrollo Urbano",
                [Alineamiento("AEI.01.01", "Licencias de edificación otorgadas oportunamente a la población")],
                [
                    Actividad("01", "AOI-0102-01", "Atención de expedientes de licencias de edificación", "Expediente", "AEI.01.01", "01.02",
                        [.. Enumerable.Repeat(20m, 12)]),
                    Actividad("02", "AOI-0102-02", "Inspecciones técnicas de obras en ejecución", "Inspección", "AEI.01.01", "01.02",
                        [.. Enumerable.Repeat(8m, 12)]),
                ]),
        };
        using var ms = new MemoryStream();
        MatrizPoiExcel.Escribir(new MatrizPoi("MUNICIPALIDAD DISTRITAL DE SANTIAGO", 2027, "PEI 2025 - 2027", hojas), ms);
        return ms.ToArray();
    }
}
