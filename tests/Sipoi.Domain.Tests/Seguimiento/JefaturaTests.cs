using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

/// <summary>The second reviewer (ValidacionJefatura): Enviado → Validado by the head of the parent centre → Aprobado by the planning office.</summary>
public class JefaturaTests
{
    private static readonly ConfiguracionEntidad ConJefatura = Config with { ValidacionJefatura = true };

    [Fact]
    public void Validar_UnEnviado_LoDejaValidadoConQuienYCuando()
    {
        var s = Enviado();
        s.ValidarJefatura(ConJefatura, "gerente", En(2024, 2, 4));
        Assert.Equal(EstadoSeguimiento.Validado, s.Estado);
        Assert.Equal("gerente", s.ValidadoPor);
        Assert.Equal(En(2024, 2, 4), s.ValidadoEn);
        Assert.StartsWith("Validado por gerente el 04/02/2024", s.DescribirUltimoCambio());
        Assert.Equal("El seguimiento de enero de 2024 fue validado por la jefatura y espera la revisión de la Oficina de Planeamiento; no se puede modificar.",
            s.MotivoNoEditable(ConJefatura, Dia(2024, 2, 5)));
    }

    [Fact]
    public void Aprobar_SinValidacionDeLaJefatura_SeRechaza()
    {
        var s = Enviado();
        Rechazo.Con(() => s.Aprobar(ConJefatura, "planificador", En(2024, 2, 5)),
            "No se puede aprobar el seguimiento de enero de 2024: falta la validación de la jefatura del centro de costo superior.");
        Rechazo.Con(() => s.Observar("Falta el acta", ConJefatura, "planificador", En(2024, 2, 5)),
            "No se puede observar el seguimiento de enero de 2024: falta la validación de la jefatura del centro de costo superior.");
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void Aprobar_Validado_LoApruebaLaOficina()
    {
        var s = Enviado();
        s.ValidarJefatura(ConJefatura, "gerente", En(2024, 2, 4));
        s.Aprobar(ConJefatura, "planificador", En(2024, 2, 5));
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
        Assert.Equal("gerente", s.ValidadoPor);
    }

    [Fact]
    public void Observar_Validado_VuelveAlOperador()
    {
        var s = Enviado();
        s.ValidarJefatura(ConJefatura, "gerente", En(2024, 2, 4));
        s.Observar("Falta el acta", ConJefatura, "planificador", En(2024, 2, 5));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
    }

    [Fact]
    public void ObservarJefatura_UnEnviado_VuelveAlOperadorConElTexto()
    {
        var s = Enviado();
        s.ObservarJefatura("Revise la meta de febrero", ConJefatura, "gerente", En(2024, 2, 4));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
        Assert.Equal("Revise la meta de febrero", s.Observacion);
        Assert.Equal("gerente", s.RevisadoPor);
    }

    [Fact]
    public void ObservarJefatura_SinTexto_SeRechaza() =>
        Rechazo.Con(() => Enviado().ObservarJefatura(" ", ConJefatura, "gerente", En(2024, 2, 4)),
            "Para observar el seguimiento de enero de 2024 escriba la observación.");

    [Fact]
    public void Validar_SinLaConfiguracion_SeRechaza() =>
        Rechazo.Con(() => Enviado().ValidarJefatura(Config, "gerente", En(2024, 2, 4)),
            "No se puede validar el seguimiento de enero de 2024: la entidad no tiene validación de jefatura; lo revisa directamente la Oficina de Planeamiento.");

    [Fact]
    public void Validar_UnPendiente_SeRechaza() =>
        Rechazo.Con(() => NuevoSeguimiento().ValidarJefatura(ConJefatura, "gerente", En(2024, 2, 4)),
            "No se puede validar el seguimiento de enero de 2024: está pendiente; la jefatura solo valida uno enviado.");

    [Fact]
    public void Validar_DosVeces_SeRechaza()
    {
        var s = Enviado();
        s.ValidarJefatura(ConJefatura, "gerente", En(2024, 2, 4));
        Rechazo.Con(() => s.ValidarJefatura(ConJefatura, "gerente", En(2024, 2, 4)),
            "No se puede validar el seguimiento de enero de 2024: está validado; la jefatura solo valida uno enviado.");
    }

    [Fact]
    public void Aprobar_SinJefatura_SigueAprobandoUnEnviado()
    {
        var s = Enviado();
        s.Aprobar(Config, "planificador", En(2024, 2, 5));
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
    }

    [Fact]
    public void Tablero_Validado_NuncaEstaAtrasado() =>
        Assert.Equal(EstadoTablero.Validado, TableroEntregas.Estado(EstadoSeguimiento.Validado, Dia(2024, 2, 10), Dia(2024, 6, 1)));

    [Fact]
    public void MesesQueCuentan_Validado_CuentaComoEnviado()
    {
        Assert.False(MesesQueCuentan.Cuenta(EstadoSeguimiento.Validado, mostrarEnviados: false));
        Assert.True(MesesQueCuentan.Cuenta(EstadoSeguimiento.Validado, mostrarEnviados: true));
    }

    [Fact]
    public void RevisionTrimestral_AprobarAntesDeValidar_NoCambiaNingunMes()
    {
        var trimestral = ConJefatura with { Ritmo = RitmoReporte.Trimestral };
        var meses = Enumerable.Range(1, 3).Select(m => new MesDelTrimestre(new SeguimientoMensual(1, 3, 2025, 7, m), [])).ToList();
        EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), meses, trimestral, "operador", En(2025, 4, 2));
        var seguimientos = meses.Select(m => m.Seguimiento).ToList();
        Rechazo.Con(() => RevisionTrimestral.Revisar(seguimientos, RevisionTrimestral.Accion.Aprobar, null, trimestral, "planificador", En(2025, 4, 3)),
            "No se puede aprobar el seguimiento de enero de 2025: falta la validación de la jefatura del centro de costo superior. " +
            "No se puede aprobar el seguimiento de febrero de 2025: falta la validación de la jefatura del centro de costo superior. " +
            "No se puede aprobar el seguimiento de marzo de 2025: falta la validación de la jefatura del centro de costo superior.");
        Assert.All(seguimientos, s => Assert.Equal(EstadoSeguimiento.Enviado, s.Estado));
        RevisionTrimestral.Revisar(seguimientos, RevisionTrimestral.Accion.Validar, null, trimestral, "gerente", En(2025, 4, 3));
        RevisionTrimestral.Revisar(seguimientos, RevisionTrimestral.Accion.Aprobar, null, trimestral, "planificador", En(2025, 4, 4));
        Assert.All(seguimientos, s => Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado));
    }
}
