namespace Sipoi.Interop.Reportes.Office;

/// <summary>
/// The fixed set of cell styles every workbook carries; the value is the index in cellXfs
/// (<see cref="LibroExcel"/> builds the stylesheet in this order).
/// </summary>
internal enum EstiloCelda : uint
{
    Normal = 0,
    Titulo,
    Subtitulo,
    Etiqueta,
    Texto,
    Encabezado,
    Celda,
    CeldaCentrada,
    Entero,
    Decimal,
    Porcentaje,
    EnteroResaltado,
    DecimalResaltado,
    TotalTexto,
    TotalEntero,
    TotalDecimal,
    TotalPorcentaje,
    BandaBajo,
    BandaMedio,
    BandaAlto,
    BandaNd,
    Nota,
    PorcentajeEntero,
    TotalPorcentajeEntero,
}
