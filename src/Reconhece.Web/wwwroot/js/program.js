// Programa: the summary at the top follows the fields as they are typed. The sentence comes from the server
// (/programa/resumo, the counter's own rule), so the rule is never copied here. Without script it shows the
// saved rules.
(function () {
  var form = document.querySelector('form.program'), box = document.getElementById('summary');
  if (!form || !box) return;
  var names = ['RuleKind', 'ValuePerPoint', 'Rounding', 'PointsPerUnit', 'UnitName', 'Goal', 'RecognitionText'];
  var timer = null;
  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var data = new FormData(form), query = new URLSearchParams();
      names.forEach(function (n) { if (data.has(n)) query.set(n, data.get(n)); });
      fetch('/programa/resumo?' + query, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) { if (s && s.text) box.textContent = s.text; })
        .catch(function () {});
    }, 250);
  }
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
})();
