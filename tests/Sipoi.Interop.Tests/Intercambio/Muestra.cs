using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Intercambio;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>
/// A realistic exchange document (after EMSAPUNO's POI 2024) that sets every field of the model at least
/// once, so that a round trip through the file checks every field. Positions used by the tests:
/// centrosCosto[0] 03.01 (gerencia), [1] 03.01.04.05; fichas[0] FP 34;
/// pei.oei[0] OEI.01 (aei[0] AEI.01.01, aei[1] AEI.01.02), pei.oei[1] OEI.02 (aei[0] AEI.02.01);
/// poi.actividades[0] suma, [1] promedio, [2] ultimo, [3] maximo, [4] inversión with only required fields.
/// </summary>
internal static class Muestra
{
    private static decimal[] M(params decimal[] v) => v;
    private static decimal?[] E(params decimal?[] v) => v;

    public static DocumentoIntercambio Documento() => new()
    {
        Entidad = new EntidadDto
        {
            Codigo = "300549",
            Nombre = "EMPRESA MUNICIPAL DE SANEAMIENTO BÁSICO DE PUNO S.A.",
            Tipo = "Empresa pública",
            Siglas = "EMSAPUNO S.A.",
            Vision = "Ser una empresa líder en la región Puno",
            Textos = new ContenidoTextos
            {
                Presentacion = "El POI es un instrumento de gestión de corto plazo.\nSe alinea al PEI 2023-2025.",
                Naturaleza = "Empresa prestadora de servicios de saneamiento, sociedad anónima de accionariado municipal.",
                ResenaHistorica = "Reconocida como EPS en 1995.",
                EstructuraOrganica = "Estructura orgánica del ROF aprobado en 2017.",
                BaseLegal = "Ley N.° 26887, Ley General de Sociedades.\nDecreto Legislativo N.° 1280.",
                MarcoNormativo = "Directiva de seguimiento y evaluación del POI.",
                FuenteFinanciamiento = "Recursos Directamente Recaudados",
                Valores = "Integridad\nCompromiso",
                Principios = "Eficiencia\nTransparencia",
                Politicas = "Calidad del servicio",
                Lineamientos = "Gestión orientada a resultados",
                Conclusiones = "El POI se alinea al PEI.",
                Recomendaciones = "Registrar el avance a tiempo.",
            },
        },
        Configuracion = new ConfiguracionDto
        {
            Metodo = MetodoEvaluacion.Ponderado,
            Bandas = new BandasDto { MedioDesde = 80, AltoDesde = 91 },
            EtiquetasBandas = new TextosBandasDto { Bajo = "Bajo", Medio = "Medio", Alto = "Alto" },
            LeyendasBandas = new TextosBandasDto { Bajo = "Esfuérzate más", Medio = "Falta poco", Alto = "Lo lograste" },
            ToleranciaInferior = 85,
            ToleranciaSuperior = 115.5m,
            DiasCierre = 12,
            MostrarEnviados = true,
            RitmoReporte = RitmoReporte.Trimestral,
            ValidacionJefatura = true,
            PorcentajesEnteros = true,
        },
        CentrosCosto =
        [
            new CentroCostoDto { Codigo = "03.01", Nombre = "GERENCIA GENERAL", Responsable = "Ing. Juan Quispe", Gerencia = true },
            new CentroCostoDto { Codigo = "03.01.04.05", Nombre = "OFICINA DE TECNOLOGÍAS DE LA INFORMACIÓN", Padre = "03.01" },
        ],
        Fichas =
        [
            new FichaDto
            {
                Codigo = "FP 34",
                Nombre = "PLANIFICACIÓN Y PRESUPUESTO",
                Gerencia = "Gerencia General",
                CentroCosto = "03.01.04.05",
                Responsable = "Jefe de la Oficina de Planeamiento",
                Objetivo = "Conducir el planeamiento y el presupuesto institucional",
                Aei = ["AEI.01.01", "AEI.01.02"],
                Peso = 1.5m,
            },
        ],
        Pei = new PeiDto
        {
            Codigo = "PEI-2024-2028",
            Inicio = 2024,
            Fin = 2028,
            Mision = "Brindar servicios de saneamiento de calidad a la población de Puno",
            Nombre = "Plan Estratégico Institucional 2024-2028",
            Vision = "Agua segura para todos",
            Estado = EstadoPei.EnImplementacion,
            Oei =
            [
                new OeiDto
                {
                    Codigo = "OEI.01",
                    Enunciado = "Mejorar la calidad de los servicios de saneamiento",
                    Prioridad = 1,
                    Indicadores =
                    [
                        new IndicadorDto
                        {
                            Codigo = "IND.OEI.01.01",
                            Nombre = "Porcentaje de muestras de agua que cumplen los límites de cloro residual",
                            Unidad = "porcentaje",
                            Sentido = Sentido.Ascendente,
                            LineaBase = new LineaBaseDto { Anio = 2022, Valor = 92.5m },
                            LogrosEsperados = new Dictionary<int, decimal> { [2024] = 95, [2025] = 96.5m },
                            ValoresObtenidos = new Dictionary<int, decimal> { [2024] = 0 },
                            Fuente = "Registros del laboratorio",
                            MetodoCalculo = "Muestras conformes / muestras tomadas × 100",
                            CentroCostoResponsable = "03.01",
                            ValoresObtenidosSemestre = new Dictionary<string, decimal> { ["2024-S1"] = 10.5m, ["2024-S2"] = 97 },
                        },
                    ],
                    Aei =
                    [
                        new AeiDto
                        {
                            Codigo = "AEI.01.01",
                            Enunciado = "Control de calidad del agua oportuno",
                            Prioridad = 1,
                            Responsable = "Gerencia de Operaciones",
                            Indicadores =
                            [
                                new IndicadorDto
                                {
                                    Codigo = "IND.AEI.01.01.01",
                                    Nombre = "Presión media del servicio",
                                    Unidad = "m.c.a.",
                                    Sentido = Sentido.NoDefinido,
                                    MaximoPermisible = 50,
                                    MinimoPermisible = 10,
                                    LogrosEsperados = new Dictionary<int, decimal> { [2024] = 21 },
                                },
                            ],
                        },
                        new AeiDto
                        {
                            Codigo = "AEI.01.02",
                            Enunciado = "Reducción del agua no facturada",
                            Prioridad = 2,
                            Indicadores =
                            [
                                new IndicadorDto
                                {
                                    Codigo = "IND.AEI.01.02.01",
                                    Nombre = "Porcentaje de agua no facturada",
                                    Unidad = "porcentaje",
                                    Sentido = Sentido.Descendente,
                                    LogrosEsperados = new Dictionary<int, decimal> { [2024] = 38 },
                                    ValoresObtenidos = new Dictionary<int, decimal> { [2024] = 40.25m },
                                },
                            ],
                        },
                    ],
                },
                new OeiDto
                {
                    Codigo = "OEI.02",
                    Enunciado = "Fortalecer la gestión institucional",
                    Prioridad = 2,
                    Aei =
                    [
                        new AeiDto { Codigo = "AEI.02.01", Enunciado = "Gestión por procesos implementada", Prioridad = 1 },
                    ],
                },
            ],
        },
        Poi = new PoiDto
        {
            Anio = 2024,
            Version = "Modificado 3",
            TipoVersion = TipoVersionPoi.Modificado,
            Motivo = "Reprogramación por ampliación del presupuesto",
            Aprobacion = new AprobacionDto { Documento = "RGG N.º 114-2023-EMSAPUNO/GG", Fecha = new DateOnly(2023, 12, 28) },
            Presupuesto = new PresupuestoDto
            {
                Ingresos = [new PartidaPresupuestalDto { Codigo = "1.3", Nombre = "Venta de Bienes y Servicios", Monto = 17337130.00m }],
                Egresos =
                [
                    new PartidaPresupuestalDto { Codigo = "2.1", Nombre = "Personal y Obligaciones sociales", Monto = 9873891.00m },
                    new PartidaPresupuestalDto { Codigo = "2.3", Monto = 5120000.50m },
                ],
            },
            Seguimiento =
            [
                new SeguimientoDto { CentroCosto = "03.01", Mes = 1, Estado = EstadoSeguimiento.Aprobado },
                new SeguimientoDto { CentroCosto = "03.01", Mes = 5, Estado = EstadoSeguimiento.Observado },
            ],
            ResumenesPeriodo = [new ResumenPeriodoDto { CentroCosto = "03.01", Periodo = "T1", Texto = "Contribuyó la campaña de verano." }],
            Actividades =
            [
                new ActividadDto
                {
                    Codigo = "AOI00000500001",
                    Tipo = TipoActividad.AO,
                    Nombre = "Elaboración de informes de evaluación del POI",
                    CentroCosto = "03.01.04.05",
                    Aei = "AEI.02.01",
                    Ficha = "FP 34",
                    UnidadMedida = "Informe",
                    Comportamiento = Comportamiento.Suma,
                    Peso = 2,
                    Programado = M(0, 0, 10000, 10000, 10000, 15000, 15000, 15000, 15000, 15000, 15000, 15000),
                    Ejecutado = E(0, 0, 9000, 11000, 8000, null, null, null, null, null, null, null),
                    FinancieroProgramado = M(1000.00m, 1000.00m, 1500.50m, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 2000),
                    FinancieroEjecutado = E(980.40m, 1000, 0, null, null, null, null, null, null, null, null, null),
                    Responsable = "Especialista en planeamiento",
                    MesInicio = 3,
                    MesFin = 12,
                    CategoriaPresupuestal = "9001 ACCIONES CENTRALES",
                    Producto = "3999999 SIN PRODUCTO",
                    ActividadPresupuestal = "5000003 GESTIÓN ADMINISTRATIVA",
                    Prioridad = 1,
                    Numero = "01",
                    Grupo = "I. Actividades de Gestión Presupuestal",
                    MetaAnual = 135000,
                    FinancieroPorGenerica =
                    [
                        new FinancieroGenericaDto
                        {
                            Generica = "2.1",
                            Programado = M(600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600),
                            Ejecutado = E(600, 600, 0, null, null, null, null, null, null, null, null, null),
                        },
                        new FinancieroGenericaDto
                        {
                            Generica = "2.3",
                            Programado = M(400.00m, 400.00m, 900.50m, 400, 400, 400, 400, 400, 400, 400, 400, 1400),
                            Ejecutado = E(380.40m, 400, 0, null, null, null, null, null, null, null, null, null),
                        },
                    ],
                    Justificaciones =
                    [
                        new JustificacionDto
                        {
                            Mes = 5, Logros = "Se entregaron dos informes", Dificultades = "Demora en la consolidación",
                            MedidasCorrectivas = "Cronograma semanal con las áreas",
                        },
                    ],
                    Indicador = new IndicadorActividadDto { Enunciado = "Número de informes de gestión presentados", Tipo = TipoIndicadorActividad.Insumo },
                    ElementosCriticos = ["Información de las áreas a tiempo", "Personal asignado"],
                    Necesidades =
                    [
                        new NecesidadDto { Codigo = "2.3.1.5.1.2", Detalle = "Papel bond A4 (millar)", Cantidad = 10, CostoUnitario = 28.50m },
                        new NecesidadDto { Detalle = "Movilidad local", Cantidad = 4, CostoUnitario = 25 },
                    ],
                },
                new ActividadDto
                {
                    Codigo = "AOI00000500002",
                    Nombre = "Control de presión en redes de distribución",
                    CentroCosto = "03.01",
                    Aei = "AEI.01.01",
                    UnidadMedida = "m.c.a.",
                    Comportamiento = Comportamiento.Promedio,
                    Programado = M(21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21),
                    Ejecutado = E(20.5m, 21, 0, null, null, null, null, null, null, null, null, null),
                    MetaAnual = 21,
                },
                new ActividadDto
                {
                    Codigo = "AOI00000500003",
                    Nombre = "Actualización del catastro comercial",
                    CentroCosto = "03.01.04.05",
                    Aei = "AEI.01.02",
                    Ficha = "FP 34",
                    UnidadMedida = "%",
                    Comportamiento = Comportamiento.Ultimo,
                    Programado = M(0, 0, 25, 0, 0, 50, 0, 0, 75, 0, 0, 100),
                    Ejecutado = E(null, null, 25, null, null, 45, null, null, null, null, null, null),
                    MetaAnual = 100.00m,
                },
                new ActividadDto
                {
                    Codigo = "AOI00000500004",
                    Nombre = "Conexiones domiciliarias atendidas en un día",
                    CentroCosto = "03.01",
                    Aei = "AEI.01.02",
                    UnidadMedida = "Conexión",
                    Comportamiento = Comportamiento.Maximo,
                    Programado = M(5, 10, 8, 8, 8, 8, 12.5m, 8, 8, 8, 8, 8),
                    Ejecutado = E(6, 9, 0, 0, null, null, null, null, null, null, null, null),
                    MetaAnual = 12.5m,
                },
                new ActividadDto
                {
                    Codigo = "2456789",
                    Tipo = TipoActividad.Inversion,
                    Cui = "2456789",
                    Nombre = "Mejoramiento del sistema de agua potable del barrio Chanu Chanu",
                    CentroCosto = "03.01",
                    Aei = "AEI.01.01",
                    Programado = M(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0),
                    Ejecutado = E(null, null, null, null, null, null, null, null, null, null, null, null),
                },
            ],
        },
    };
}
