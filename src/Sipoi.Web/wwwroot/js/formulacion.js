// SIPOI drafting form: live quarter subtotals and annual check. The page works without this file
// (the "Calcular subtotales" button asks the server the same). No rule lives here: the form is
// posted to the page's Subtotales handler, which rolls the months up with Periodos/Agregacion.
(function () {
  "use strict";
  var form = document.getElementById("actividad");
  if (!form || !window.fetch) return;
  var url = form.dataset.subtotales;
  var espera = null;
  var pedido = 0;

  function pintar(r) {
    for (var t = 1; t <= 4; t++) document.getElementById("t" + t).value = r.trimestres ? r.trimestres[t - 1] : "";
    document.getElementById("anual").value = r.anual || "";
    var v = document.getElementById("verificacion");
    v.textContent = r.coincide ? "Los meses coinciden con la meta anual." : (r.verificacion || "");
    v.className = r.coincide ? "coincide" : "advertencia";
  }

  function calcular() {
    var n = ++pedido;
    fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (r) { if (r && n === pedido) pintar(r); })
      .catch(function () { /* the server checks again on save */ });
  }

  form.addEventListener("input", function (e) {
    var t = e.target;
    if (!(t instanceof HTMLElement)) return;
    var nombre = t.getAttribute("name") || "";
    if (nombre.indexOf("Entrada.Fisico[") !== 0 && nombre !== "Entrada.MetaAnual" && nombre !== "Entrada.Comportamiento") return;
    clearTimeout(espera);
    espera = setTimeout(calcular, 250);
  });
  form.addEventListener("change", function (e) {
    if (e.target && e.target.id === "comportamiento") calcular();
  });
})();
