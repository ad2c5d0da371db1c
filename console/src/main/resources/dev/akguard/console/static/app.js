// akguard console: progressive enhancement only (every page works without it).
// Charts from data-chart="x1,x2,...;y1,y2,..." and live updates of #live[data-live]. No inline script (CSP).
(function () {
  'use strict';

  function parseSeries(text) {
    var parts = (text || '').split(';');
    if (parts.length !== 2 || parts[0] === '') return null;
    var xs = parts[0].split(',').map(Number), ys = parts[1].split(',').map(Number);
    return xs.length === ys.length ? [xs, ys] : null;
  }

  function drawCharts() {
    if (typeof window.uPlot !== 'function') return;
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) return;
      var data = parseSeries(el.dataset.chart);
      if (!data) return;
      el.dataset.drawn = '1';
      var width = Math.max(280, Math.min(el.clientWidth || 800, 1100));
      new window.uPlot({
        width: width, height: 200,
        scales: { x: { time: true } },
        series: [{}, { label: el.dataset.label || '', stroke: '#c0392b', fill: 'rgba(192,57,43,0.15)',
          paths: window.uPlot.paths && window.uPlot.paths.bars ? window.uPlot.paths.bars({ size: [0.8, 40] }) : undefined }],
        axes: [{}, { label: el.dataset.label || '' }]
      }, data, el);
    });
  }

  function editing(region) {
    var a = document.activeElement;
    return a && region.contains(a) && (a.tagName === 'INPUT' || a.tagName === 'SELECT' || a.tagName === 'TEXTAREA');
  }

  function live() {
    var region = document.getElementById('live');
    if (!region || !region.dataset.live) return;
    var url = region.dataset.live, marker = null;
    function tick() {
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (m) {
          if (!m) return;
          if (marker !== null && m.marker !== marker && !editing(region)) refresh();
          marker = m.marker;
        })
        .catch(function () { /* offline for a moment: try again next tick */ })
        .then(function () { setTimeout(tick, 3000); });
    }
    function refresh() {
      fetch(location.href, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) return;
          // DOMParser never runs scripts; the server already escaped every value in this HTML.
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
          var current = document.getElementById('live');
          if (fresh && current) current.replaceWith(document.importNode(fresh, true));
          region = document.getElementById('live');
          document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
        });
    }
    tick();
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    live();
  });
})();
