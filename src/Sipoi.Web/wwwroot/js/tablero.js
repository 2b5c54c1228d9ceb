// Dashboard charts, drawn from the HTML tables (the tables stay: they are the data without JavaScript,
// without colour and on paper). Each bar and point carries its value and band written next to it.
(function () {
  'use strict';
  if (!window.Chart) return;
  var borde = { bajo: '#c0392b', medio: '#b7950b', alto: '#1e8449', nd: '#999999' };
  var relleno = { bajo: '#f5b7b1', medio: '#f9e79f', alto: '#a9dfbf', nd: '#e5e5e5' };
  var texto = '#1b1f24';
  var fuente = '12px system-ui, "Segoe UI", Roboto, Arial, sans-serif';

  function numero(s) { return s === undefined || s === '' ? null : parseFloat(s); }

  // Writes each element's label: after the bar's end (horizontal bars) or above the point (line).
  var rotulos = {
    id: 'rotulos',
    afterDatasetsDraw: function (chart, args, opciones) {
      var ctx = chart.ctx, meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = fuente;
      ctx.fillStyle = texto;
      meta.data.forEach(function (el, i) {
        var t = opciones.textos[i];
        if (!t) return;
        if (chart.config.type === 'bar') {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          var x = opciones.valores[i] === null ? chart.chartArea.left + 4 : el.x + 4;
          ctx.fillText(t, x, el.y);
        } else if (opciones.valores[i] !== null) {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(t, el.x, el.y - 6);
        }
      });
      ctx.restore();
    }
  };

  // Dashed lines where the Medio and Alto bands start, named on the chart.
  var umbrales = {
    id: 'umbrales',
    beforeDatasetsDraw: function (chart, args, opciones) {
      var ctx = chart.ctx, area = chart.chartArea, horizontal = chart.config.type === 'bar';
      var escala = horizontal ? chart.scales.x : chart.scales.y;
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = '#555';
      ctx.font = fuente;
      ctx.fillStyle = '#555';
      opciones.lineas.forEach(function (l) {
        if (isNaN(l.valor)) return;
        var p = escala.getPixelForValue(l.valor);
        ctx.beginPath();
        if (horizontal) { ctx.moveTo(p, area.top); ctx.lineTo(p, area.bottom); }
        else { ctx.moveTo(area.left, p); ctx.lineTo(area.right, p); }
        ctx.stroke();
        // Names outside the plot (above it, or right of it), where no bar or point label can cover them.
        ctx.textAlign = horizontal ? 'center' : 'left';
        ctx.textBaseline = horizontal ? 'bottom' : 'middle';
        if (horizontal) ctx.fillText(l.nombre, p, area.top - 2);
        else ctx.fillText(l.nombre, area.right + 4, p);
      });
      ctx.restore();
    }
  };

  document.querySelectorAll('table[data-grafico]').forEach(function (tabla) {
    var filas = Array.prototype.filter.call(tabla.tBodies[0].rows, function (f) { return f.dataset.etiqueta; });
    if (filas.length === 0) return;
    var barras = tabla.dataset.grafico === 'barras';
    var valores = filas.map(function (f) { return numero(f.dataset.valor); });
    var bandas = filas.map(function (f) { return f.dataset.banda || 'nd'; });
    var textos = filas.map(function (f) { return f.dataset.texto; });
    var etiquetas = filas.map(function (f) { return f.dataset.etiqueta; });

    var figura = document.createElement('figure');
    figura.className = 'grafico';
    figura.style.height = (barras ? filas.length * 24 + 60 : 300) + 'px';
    var lienzo = document.createElement('canvas');
    lienzo.setAttribute('role', 'img');
    lienzo.setAttribute('aria-label', tabla.dataset.titulo + '. Los mismos datos están en la tabla siguiente.');
    figura.appendChild(lienzo);
    // Above the table's own scrolling box (.desplazable), so the chart never scrolls sideways with a wide table.
    var ancla = tabla.parentNode.classList.contains('desplazable') ? tabla.parentNode : tabla;
    ancla.parentNode.insertBefore(figura, ancla);

    var ejeValor = {
      min: 0, max: 100,
      ticks: { callback: function (v) { return v + ' %'; }, font: { size: 12 } },
      grid: { color: '#e5e8ec' }
    };
    var ejeEtiqueta = { ticks: { autoSkip: false, font: { size: 12 } }, grid: { display: false } };
    new window.Chart(lienzo, {
      type: barras ? 'bar' : 'line',
      data: {
        labels: etiquetas,
        datasets: [{
          data: valores,
          backgroundColor: bandas.map(function (b) { return relleno[b]; }),
          borderColor: barras ? bandas.map(function (b) { return borde[b]; }) : '#1f4e79',
          pointBackgroundColor: bandas.map(function (b) { return relleno[b]; }),
          pointBorderColor: bandas.map(function (b) { return borde[b]; }),
          pointRadius: 5,
          borderWidth: barras ? 1 : 2,
          spanGaps: false
        }]
      },
      options: {
        indexAxis: barras ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: 16, right: barras ? 210 : 48 } },
        scales: barras ? { x: ejeValor, y: ejeEtiqueta } : { y: ejeValor, x: Object.assign({ offset: true }, ejeEtiqueta) },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return textos[c.dataIndex]; } } },
          rotulos: { textos: textos, valores: valores },
          umbrales: { lineas: [
            { valor: parseFloat(tabla.dataset.medio), nombre: 'Medio' },
            { valor: parseFloat(tabla.dataset.alto), nombre: 'Alto' }
          ] }
        }
      },
      plugins: [umbrales, rotulos]
    });
  });
})();
