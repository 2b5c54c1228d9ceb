// Every domain namespace, once (docs/adr/0005): web code names domain types unqualified.
global using Sipoi.Domain;
global using Sipoi.Domain.Avisos;
global using Sipoi.Domain.Calendario;
global using Sipoi.Domain.Estrategia;
global using Sipoi.Domain.Evaluacion;
global using Sipoi.Domain.Formulacion;
global using Sipoi.Domain.Informes;
global using Sipoi.Domain.Operativo;
global using Sipoi.Domain.Organizacion;
global using Sipoi.Domain.Periodos;
global using Sipoi.Domain.Presupuesto;
global using Sipoi.Domain.Seguimiento;
global using Sipoi.Domain.Tareas;
