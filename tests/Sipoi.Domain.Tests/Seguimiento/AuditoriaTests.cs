using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class AuditoriaTests
{
    [Fact]
    public void EntradaAuditoria_GuardaQuienCuandoQueYDeQueAQue()
    {
        var ahora = En(2024, 2, 3);
        var e = new EntradaAuditoria(1, " operador ", ahora, "avance_mensual", "4711", "ejecutado_fisico", "7", "9", AccionAuditada.Cambio);
        Assert.Equal("operador", e.Usuario);
        Assert.Equal(ahora, e.Momento);
        Assert.Equal(("avance_mensual", "4711", "ejecutado_fisico", "7", "9"), (e.Tabla, e.Clave, e.Campo, e.ValorAnterior, e.ValorNuevo));
        Assert.Equal(AccionAuditada.Cambio, e.Accion);
    }

    [Fact]
    public void EntradaAuditoria_DeUnaTransicion_NoNecesitaCampo()
    {
        var e = new EntradaAuditoria(1, "planificador", En(2024, 2, 3), "seguimiento_mensual", "12", null, "Enviado", "Aprobado", AccionAuditada.Aprobacion);
        Assert.Null(e.Campo);
    }

    [Theory]
    [InlineData("", "t", "k", "usuario")]
    [InlineData("u", " ", "k", "tabla")]
    [InlineData("u", "t", "", "clave")]
    public void EntradaAuditoria_SinUsuarioTablaOClave_SeRechaza(string usuario, string tabla, string clave, string falta) =>
        Rechazo.Con(() => _ = new EntradaAuditoria(1, usuario, En(2024, 2, 3), tabla, clave, null, null, null, AccionAuditada.Alta), $"La entrada de auditoría requiere {falta}.");

    [Fact]
    public void EntradaAuditoria_ModificacionSinCampoOSinCambio_SeRechaza()
    {
        Rechazo.Con(() => _ = new EntradaAuditoria(1, "u", En(2024, 2, 3), "t", "k", null, "1", "2", AccionAuditada.Cambio), "Un cambio auditado debe indicar el campo.");
        Rechazo.Con(() => _ = new EntradaAuditoria(1, "u", En(2024, 2, 3), "t", "k", "c", "1", "1", AccionAuditada.Cambio), "El campo c no cambió; no hay nada que auditar.");
    }

    [Fact]
    public void EntradaAuditoria_CreacionSinAnteriorYEliminacionSinNuevo()
    {
        Rechazo.Con(() => _ = new EntradaAuditoria(1, "u", En(2024, 2, 3), "t", "k", "c", "1", "2", AccionAuditada.Alta), "Un alta no tiene valor anterior.");
        Rechazo.Con(() => _ = new EntradaAuditoria(1, "u", En(2024, 2, 3), "t", "k", "c", "1", "2", AccionAuditada.Baja), "Una baja no tiene valor nuevo.");
    }

    [Fact]
    public void EntradaAuditoria_AccionDesconocida_SeRechaza() =>
        Rechazo.Con(() => _ = new EntradaAuditoria(1, "u", En(2024, 2, 3), "t", "k", null, null, null, (AccionAuditada)99), "Acción de auditoría no válida: 99.");

    [Fact]
    public void EntradaAuditoria_TextoDemasiadoLargo_SeRechaza() =>
        Rechazo.Con(() => _ = new EntradaAuditoria(1, new string('u', 257), En(2024, 2, 3), "t", "k", null, null, null, AccionAuditada.Alta), "El usuario de la auditoría no puede pasar de 256 caracteres.");

    [Fact]
    public void EntradaAuditoria_SinEntidad_SePermite() =>
        Assert.Null(new EntradaAuditoria(null, "admin", En(2024, 2, 3), "rol", "2", null, null, "{}", AccionAuditada.Alta).EntidadId);

    [Fact]
    public void EntradaAuditoria_TablaYCampoSonIdentificadoresDePostgres()
    {
        var nombre = new string('t', 63);
        Assert.Equal(nombre, new EntradaAuditoria(1, "u", En(2024, 2, 3), nombre, "k", nombre, "1", "2", AccionAuditada.Cambio).Tabla);
        Rechazo.Con(() => _ = new EntradaAuditoria(1, "u", En(2024, 2, 3), nombre + "t", "k", null, null, null, AccionAuditada.Alta), "El tabla de la auditoría no puede pasar de 63 caracteres.");
        Rechazo.Con(() => _ = new EntradaAuditoria(1, "u", En(2024, 2, 3), "t", "k", nombre + "c", "1", "2", AccionAuditada.Cambio), "El campo de la auditoría no puede pasar de 63 caracteres.");
    }

    [Fact]
    public void Accion_TieneElCodigoQueGuardaLaWeb() =>
        Assert.Equal(["alta", "cambio", "baja", "importacion", "envio", "observacion", "aprobacion", "reapertura", "validacion"],
            Enum.GetValues<AccionAuditada>().Select(a => a.Codigo()));

    [Fact]
    public void Valor_SeEscribeSinDependerDeLaCultura()
    {
        Assert.Equal("1234.5", EntradaAuditoria.Valor(1234.5m));
        Assert.Equal("2024-02-10", EntradaAuditoria.Valor(Dia(2024, 2, 10)));
        Assert.Equal("Aprobado", EntradaAuditoria.Valor(EstadoSeguimiento.Aprobado));
        Assert.Null(EntradaAuditoria.Valor(null));
    }
}
