// The reading screen's keyboard (J or ↓ next, K or ↑ previous) and the word diff of an amendment as typed.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var id = { j: "reading-next", ArrowDown: "reading-next", k: "reading-previous", ArrowUp: "reading-previous" }[event.key];
    var button = id && document.getElementById(id);
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  // Words removed and added, as the server marks them: <del>[- -]</del> and <ins>[+ +]</ins>.
  function diff(oldWords, newWords) {
    var n = oldWords.length, m = newWords.length, table = [], i, j;
    for (i = 0; i <= n; i++) { table.push(new Array(m + 1).fill(0)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        table[i][j] = oldWords[i] === newWords[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    var out = document.createDocumentFragment();
    function add(tag, words) {
      if (!words.length) return;
      var text = words.join(" ");
      var node = tag ? document.createElement(tag) : document.createTextNode(text + " ");
      if (tag) {
        node.textContent = (tag === "ins" ? "[+\u00a0" : "[-\u00a0") + text + (tag === "ins" ? "\u00a0+]" : "\u00a0-]");
        out.appendChild(node);
        out.appendChild(document.createTextNode(" "));
      } else {
        out.appendChild(node);
      }
    }
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && oldWords[i] === newWords[j]) { add(null, [oldWords[i]]); i++; j++; }
      else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) { add("ins", [newWords[j]]); j++; }
      else { add("del", [oldWords[i]]); i++; }
    }
    return out;
  }

  var text = document.getElementById("reading-text");
  var preview = document.getElementById("reading-preview");
  if (text && preview) {
    var issued = (text.getAttribute("data-issued") || "").split(/\s+/).filter(Boolean);
    var show = function () {
      var words = text.value.split(/\s+/).filter(Boolean);
      preview.textContent = "";
      if (words.join(" ") !== issued.join(" ") && issued.length * words.length < 250000) {
        preview.appendChild(diff(issued, words));
      }
    };
    text.addEventListener("input", show);
  }
})();
