// SIPOI monthly grid: keyboard and paste help on top of a plain form that works without this file.
// - Enter / ↓ go to the same column of the next row, ↑ to the previous row; ← / → move between
//   the row's cells when the caret is at the edge of the text.
// - Pasting a column copied from Excel (values separated by new lines, columns by tabs) fills the
//   following rows of that column, and the next columns to the right for tab-separated values.
// - Counts the fields whose value differs from the one the page brought ("2 cambios sin guardar" in the
//   sticky action bar) and, when there are some, asks before the filter's switch leaves the page.
// No rule lives here: the server checks every value and says what is wrong.
(function () {
  "use strict";
  var form = document.getElementById("grilla");
  if (!form) return;

  var aviso = document.getElementById("cambios");
  function cambios() {
    var n = 0;
    form.querySelectorAll("input.celda, textarea").forEach(function (c) {
      if (!c.readOnly && c.value !== c.defaultValue) n++;
    });
    return n;
  }
  function contar() {
    if (!aviso) return;
    var n = cambios();
    aviso.hidden = n === 0;
    aviso.textContent = n === 0 ? "" : n === 1 ? "1 cambio sin guardar" : n + " cambios sin guardar";
  }
  form.addEventListener("input", contar);
  document.querySelectorAll("a.interruptor").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var n = cambios();
      if (n > 0 && !window.confirm((n === 1 ? "Hay 1 cambio sin guardar" : "Hay " + n + " cambios sin guardar") +
          " que se perderán al cambiar la lista. ¿Continuar sin guardar?")) e.preventDefault();
    });
  });

  function celdas(columna) {
    return Array.prototype.slice.call(form.querySelectorAll('input.celda[data-columna="' + columna + '"]'));
  }
  var columnas = ["fisico", "financiero"];

  function mover(input, filas, columnas_) {
    var col = columnas.indexOf(input.dataset.columna) + columnas_;
    if (col < 0 || col >= columnas.length) return false;
    var lista = celdas(columnas[col]);
    var fila = celdas(input.dataset.columna).indexOf(input) + filas;
    if (fila < 0 || fila >= lista.length) return false;
    lista[fila].focus();
    lista[fila].select();
    return true;
  }

  form.addEventListener("keydown", function (e) {
    var t = e.target;
    if (!(t instanceof HTMLInputElement) || !t.classList.contains("celda") || t.readOnly) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var alInicio = t.selectionStart === 0 && t.selectionEnd === 0;
    var alFinal = t.selectionStart === t.value.length && t.selectionEnd === t.value.length;
    var hecho = false;
    if (e.key === "Enter" || e.key === "ArrowDown") hecho = mover(t, e.shiftKey && e.key === "Enter" ? -1 : 1, 0) || e.key === "Enter";
    else if (e.key === "ArrowUp") hecho = mover(t, -1, 0);
    else if (e.key === "ArrowRight" && alFinal) hecho = mover(t, 0, 1);
    else if (e.key === "ArrowLeft" && alInicio) hecho = mover(t, 0, -1);
    // Enter never submits the form from a cell: saving is the Guardar button's job.
    if (hecho) e.preventDefault();
  });

  form.addEventListener("paste", function (e) {
    var t = e.target;
    if (!(t instanceof HTMLInputElement) || !t.classList.contains("celda") || t.readOnly) return;
    var texto = (e.clipboardData || window.clipboardData).getData("text");
    if (!/[\t\r\n]/.test(texto)) return; // a single value: the browser pastes it as usual
    e.preventDefault();
    var lineas = texto.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    var col0 = columnas.indexOf(t.dataset.columna);
    var fila0 = celdas(t.dataset.columna).indexOf(t);
    var ultima = null;
    lineas.forEach(function (linea, i) {
      linea.split("\t").forEach(function (valor, j) {
        if (col0 + j >= columnas.length) return;
        var destino = celdas(columnas[col0 + j])[fila0 + i];
        if (!destino || destino.readOnly) return;
        destino.value = valor.trim();
        destino.dispatchEvent(new Event("input", { bubbles: true }));
        ultima = destino;
      });
    });
    if (ultima) ultima.focus();
  });
})();
