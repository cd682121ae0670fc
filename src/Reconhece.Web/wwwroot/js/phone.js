// Formats a Brazilian mobile as it is typed, on every <input data-phone>. It only adds spaces, brackets
// and a dash around the digits typed: it never drops, adds or moves a digit, so a digit too many stays
// visible and the server refuses it with a message. The prefixes are read as BrazilianPhone.cs reads them:
// "+55", "55" with 13 digits, the trunk "0", and the trunk with a carrier code ("0 15 11 …", 14 digits).
(function () {
  function national(d) {
    if (d.length <= 2) return d;
    if (d.length <= 6) return '(' + d.slice(0, 2) + ') ' + d.slice(2);
    if (d.length <= 10) return '(' + d.slice(0, 2) + ') ' + d.slice(2, 6) + '-' + d.slice(6);
    return '(' + d.slice(0, 2) + ') ' + d.slice(2, 7) + '-' + d.slice(7);
  }

  function mask(value) {
    var d = value.replace(/\D/g, '');
    if (d === '') return value.trim().startsWith('+') ? '+' : '';
    if (value.trim().startsWith('+')) return d.length <= 2 ? '+' + d : '+' + d.slice(0, 2) + ' ' + national(d.slice(2));
    if (d[0] === '0') {
      var rest = d.slice(1);
      if (rest.length >= 13) return '0 ' + rest.slice(0, 2) + ' ' + national(rest.slice(2));
      return rest === '' ? '0' : '0 ' + national(rest);
    }
    if (d.length === 13 && d.slice(0, 2) === '55') return '55 ' + national(d.slice(2));
    return national(d);
  }

  window.reconhecePhoneMask = mask;
  document.querySelectorAll('input[data-phone]').forEach(function (input) {
    input.addEventListener('input', function () {
      var atEnd = input.selectionStart === input.value.length;
      var masked = mask(input.value);
      // Editing in the middle keeps the caret where it was: reformatting only at the end.
      if (masked !== input.value && atEnd) input.value = masked;
    });
  });
})();
