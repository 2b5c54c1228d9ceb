using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Formulacion;

/// <summary>The decisions of saving one activity in a draft that depend on what the POI holds (GuardadoActividad).</summary>
public sealed class GuardadoActividadTests
{
    private static CentroCosto Centro(int id, string codigo, bool activo = true)
    {
        var c = new CentroCosto(1, codigo, "Centro " + codigo);
        typeof(CentroCosto).GetProperty(nameof(CentroCosto.Id))!.SetValue(c, id);
        if (!activo) c.Desactivar([c], []);
        return c;
    }

    private const string Inactivo = "El centro de costo 02.02 está inactivo: no recibe actividades nuevas. " +
        "Asígnela a otro centro o reactive 02.02 en Administración → Organigrama.";

    [Fact]
    public void CentroInactivo_RechazaUnaActividadNueva() =>
        Assert.Equal(Inactivo, GuardadoActividad.MotivoCentroInactivo(Centro(5, "02.02", activo: false), nueva: true, actual: null));

    [Fact]
    public void CentroInactivo_RechazaUnaNuevaAunqueUseUnCodigoQueElCentroYaProgramaba() =>
        Assert.Equal(Inactivo, GuardadoActividad.MotivoCentroInactivo(Centro(5, "02.02", activo: false), nueva: true, new ActividadDelCodigo(5, true)));

    [Fact]
    public void CentroInactivo_RechazaEditarUnaQueElBorradorNoLeProgramaOQueEsDeOtroCentro()
    {
        var centro = Centro(5, "02.02", activo: false);
        Assert.Equal(Inactivo, GuardadoActividad.MotivoCentroInactivo(centro, nueva: false, new ActividadDelCodigo(5, ProgramadaEnBorrador: false)));
        Assert.Equal(Inactivo, GuardadoActividad.MotivoCentroInactivo(centro, nueva: false, new ActividadDelCodigo(6, ProgramadaEnBorrador: true)));
        Assert.Equal(Inactivo, GuardadoActividad.MotivoCentroInactivo(centro, nueva: false, actual: null));
    }

    [Fact]
    public void CentroInactivo_CorrigeLaQueElBorradorCopioDeLaVersionAprobada() =>
        Assert.Null(GuardadoActividad.MotivoCentroInactivo(Centro(5, "02.02", activo: false), nueva: false, new ActividadDelCodigo(5, true)));

    [Fact]
    public void CentroActivo_RecibeActividadesNuevas() =>
        Assert.Null(GuardadoActividad.MotivoCentroInactivo(Centro(5, "02.02"), nueva: true, actual: null));

    [Fact]
    public void Codigo_DeOtroCentro_SeRechazaAunAlEditar()
    {
        foreach (var nueva in new[] { true, false })
        {
            var p = GuardadoActividad.ProblemaCodigo("AO-7", 2025, 5, nueva, new ActividadDelCodigo(6, false));
            Assert.Equal(new ProblemaProgramacion("Codigo", "El código AO-7 ya lo usa otra actividad del POI 2025, de otro centro de costo."), p);
        }
    }

    [Fact]
    public void Codigo_NuevaConElDeUnaDelCentroEnElBorrador_SeRechaza() =>
        Assert.Equal(new ProblemaProgramacion("Codigo", "El código AO-7 ya lo usa otra actividad de este centro de costo."),
            GuardadoActividad.ProblemaCodigo("AO-7", 2025, 5, nueva: true, new ActividadDelCodigo(5, ProgramadaEnBorrador: true)));

    [Fact]
    public void Codigo_LibreEditadaORetiradaDelBorrador_SeAdmite()
    {
        Assert.Null(GuardadoActividad.ProblemaCodigo("AO-7", 2025, 5, nueva: true, actual: null));
        Assert.Null(GuardadoActividad.ProblemaCodigo("AO-7", 2025, 5, nueva: false, new ActividadDelCodigo(5, true)));
        // Retired from the draft: a new activity of the same centre takes the code back.
        Assert.Null(GuardadoActividad.ProblemaCodigo("AO-7", 2025, 5, nueva: true, new ActividadDelCodigo(5, ProgramadaEnBorrador: false)));
    }

    private static Pei PeiConAei()
    {
        var pei = new Pei(1, "PEI-2024-2027", 2024, 2027);
        pei.AgregarAei(pei.AgregarOei("OEI.01", "Ampliar la cobertura", 1), "AEI.01.01", "Redes de agua", 1);
        return pei;
    }

    [Fact]
    public void Aei_DelPeiDelPoi_SeEncuentraPorCodigo()
    {
        Assert.Null(GuardadoActividad.ProblemaAei("AO-7", " AEI.01.01 ", PeiConAei(), out var aei));
        Assert.Equal("AEI.01.01", aei!.Codigo);
    }

    [Fact]
    public void Aei_QueNoEsDelPeiDelPoi_SeRechazaEnSuCampo()
    {
        var p = GuardadoActividad.ProblemaAei("AO-7", "AEI.09.01", PeiConAei(), out var aei);
        Assert.Null(aei);
        Assert.Equal(new ProblemaProgramacion("Aei", "Actividad AO-7: la AEI AEI.09.01 no pertenece al PEI de este POI."), p);
    }
}

/// <summary>Ceilings of an inactive cost centre (TechoPresupuestal.MotivoCentroInactivo).</summary>
public sealed class TechoCentroInactivoTests
{
    [Fact]
    public void CentroInactivo_NoRecibeTechoNuevoNiCambiado()
    {
        Assert.Equal("está inactivo; no se le asigna techo presupuestal", TechoPresupuestal.MotivoCentroInactivo(false, null, 1000));
        Assert.Equal("está inactivo; no se le asigna techo presupuestal", TechoPresupuestal.MotivoCentroInactivo(false, 1000, 1200));
    }

    [Fact]
    public void CentroInactivo_ConservaElTechoQueTenia() => Assert.Null(TechoPresupuestal.MotivoCentroInactivo(false, 1000, 1000));

    [Fact]
    public void CentroActivo_RecibeCualquierTecho() => Assert.Null(TechoPresupuestal.MotivoCentroInactivo(true, 1000, 1200));
}
