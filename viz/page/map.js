// notegraph map page: pan and zoom, search, and a panel that lists a node's
// relations with their evidence. Text from the notes is only ever set with
// textContent; nothing is parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var map = document.getElementById("map");
  var svg = map.querySelector("svg");
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");

  // --- pan and zoom: the view is the SVG viewBox -------------------------
  var vb0 = svg.viewBox.baseVal;
  var home = { x: vb0.x, y: vb0.y, w: vb0.width, h: vb0.height };
  var vb = { x: home.x, y: home.y, w: home.w, h: home.h };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  function apply() { svg.setAttribute("viewBox", vb.x + " " + vb.y + " " + vb.w + " " + vb.h); }
  function toSVG(cx, cy) {
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    var m = svg.getScreenCTM();
    return m ? p.matrixTransform(m.inverse()) : { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 };
  }
  function zoom(f, cx, cy) {
    var p = toSVG(cx, cy);
    var w = Math.min(Math.max(vb.w * f, home.w / 50), home.w * 4);
    f = w / vb.w;
    vb.x = p.x - (p.x - vb.x) * f;
    vb.y = p.y - (p.y - vb.y) * f;
    vb.w *= f; vb.h *= f;
    apply();
  }
  map.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, ev.clientX, ev.clientY);
  }, { passive: false });
  var drag = null;
  map.addEventListener("pointerdown", function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y, moved: false };
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var m = svg.getScreenCTM();
    var s = m ? m.a : 1;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) {
      drag.moved = true;
      map.classList.add("panning");
    }
    vb.x = drag.vx - (ev.clientX - drag.x) / s;
    vb.y = drag.vy - (ev.clientY - drag.y) / s;
    apply();
  });
  window.addEventListener("pointerup", function () {
    map.classList.remove("panning");
    setTimeout(function () { drag = null; }, 0);
  });
  function center(i) {
    var g = document.getElementById("n" + i);
    if (!g) return;
    var b = g.getBBox();
    var m = g.getCTM(), r = svg.getCTM();
    var x = b.x + b.width / 2, y = b.y + b.height / 2;
    if (m && r) {
      var p = svg.createSVGPoint(); p.x = x; p.y = y;
      p = p.matrixTransform(r.inverse().multiply(m));
      x = p.x; y = p.y;
    }
    var w = Math.min(home.w, Math.max(b.width * 8, 900));
    var r = map.getBoundingClientRect();
    var h = r.width > 0 ? w * r.height / r.width : w * home.h / home.w; // the window's shape, not the map's
    vb = { x: x - w / 2, y: y - h / 2, w: w, h: h };
    apply();
  }
  document.getElementById("zoom-in").addEventListener("click", function () {
    var r = map.getBoundingClientRect(); zoom(1 / 1.4, r.left + r.width / 2, r.top + r.height / 2);
  });
  document.getElementById("zoom-out").addEventListener("click", function () {
    var r = map.getBoundingClientRect(); zoom(1.4, r.left + r.width / 2, r.top + r.height / 2);
  });
  document.getElementById("zoom-reset").addEventListener("click", function () {
    vb = { x: home.x, y: home.y, w: home.w, h: home.h }; apply();
  });

  // --- DOM helpers ------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function nodeButton(i) {
    var b = el("button", "link", data.nodes[i].name);
    b.type = "button";
    b.addEventListener("click", function () { select(i, true); });
    return b;
  }
  function evidenceList(evs, into) {
    (evs || []).forEach(function (e) {
      into.appendChild(el("span", "ev", e.file + ":" + e.line + ": " + e.text));
    });
  }

  // --- relations of each node --------------------------------------------
  var rels = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e, j) {
    rels[e.source].push(j);
    rels[e.target].push(j);
  });

  // --- selection -----------------------------------------------------------
  var selected = -1;
  function mark(i) {
    Array.prototype.forEach.call(svg.querySelectorAll(".selected, .near"), function (g) {
      g.classList.remove("selected"); g.classList.remove("near");
    });
    map.classList.toggle("focus", i >= 0);
    if (i < 0) return;
    var g = document.getElementById("n" + i);
    if (g) g.classList.add("selected");
    rels[i].forEach(function (j) {
      var e = data.edges[j];
      var ge = document.getElementById("e" + j);
      if (ge) ge.classList.add("near");
      [e.source, e.target].forEach(function (k) {
        var gn = document.getElementById("n" + k);
        if (gn) gn.classList.add("near");
      });
    });
  }
  function select(i, move) {
    selected = i;
    mark(i);
    if (move) center(i);
    var n = data.nodes[i];
    clear(panel);
    var h = el("h2", "", n.name);
    h.id = "selected-name";
    panel.appendChild(h);
    panel.appendChild(el("span", "type", n.type));
    if (n.aliases && n.aliases.length) {
      panel.appendChild(el("h3", "", n.type === "Community" || n.type === "Other" ? "Members" : "Also called"));
      panel.appendChild(el("div", "", n.aliases.join(", ")));
    }
    var keys = Object.keys(n.scores || {}).sort();
    if (keys.length) {
      panel.appendChild(el("h3", "", "Scores"));
      panel.appendChild(el("div", "", keys.map(function (k) { return k + " " + Number(n.scores[k]).toPrecision(3); }).join(" · ")));
    }
    if (n.url) {
      panel.appendChild(el("h3", "", "Link"));
      var a = el("a", "", n.url);
      a.href = n.url; // only http(s) URLs reach the page data
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      panel.appendChild(a);
    }
    if (n.evidence && n.evidence.length) {
      panel.appendChild(el("h3", "", "Evidence"));
      var d = el("div", "evidence");
      evidenceList(n.evidence, d);
      panel.appendChild(d);
    }
    panel.appendChild(el("h3", "", "Relations (" + rels[i].length + ")"));
    var ul = el("ul", "relations");
    ul.id = "relations";
    rels[i].forEach(function (j) {
      var e = data.edges[j];
      var li = el("li");
      var out = e.source === i;
      li.appendChild(el("span", "rel", (out ? "→ " : "← ") + e.type + " "));
      li.appendChild(nodeButton(out ? e.target : e.source));
      if (e.count > 1) li.appendChild(el("span", "rel", " (" + e.count + ")"));
      evidenceList(e.evidence, li);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  // unselect ends the focus: without it the dimming of #map.focus could
  // only be cleared by a reload (issue 10).
  function unselect() {
    selected = -1;
    mark(-1);
    if (search.value.trim()) runSearch(); else showHelp();
  }
  svg.addEventListener("click", function (ev) {
    if (drag && drag.moved) return;
    var g = ev.target.closest ? ev.target.closest("g.node") : null;
    var i = g ? parseInt(g.id.slice(1), 10) : -1;
    if (i >= 0 && i < data.nodes.length) {
      ev.preventDefault();
      select(i, false);
    } else if (selected >= 0) {
      unselect(); // a click on the background
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && selected >= 0) unselect();
  });

  // --- search ---------------------------------------------------------------
  var lower = data.nodes.map(function (n) {
    return [n.name].concat(n.aliases || []).join("\n").toLowerCase();
  });
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    Array.prototype.forEach.call(svg.querySelectorAll("g.node.hit"), function (g) { g.classList.remove("hit"); });
    if (!q) {
      if (selected >= 0) select(selected, false); else showHelp();
      return;
    }
    var hits = [];
    lower.forEach(function (s, i) { if (s.indexOf(q) >= 0) hits.push(i); });
    hits.sort(function (a, b) {
      var ea = data.nodes[a].name.toLowerCase() === q ? 0 : 1, eb = data.nodes[b].name.toLowerCase() === q ? 0 : 1;
      return ea - eb || data.nodes[a].name.localeCompare(data.nodes[b].name);
    });
    hits.forEach(function (i) { var g = document.getElementById("n" + i); if (g) g.classList.add("hit"); });
    clear(panel);
    panel.appendChild(el("h3", "", hits.length + (hits.length === 1 ? " match" : " matches")));
    var ul = el("ul");
    ul.id = "results";
    hits.slice(0, 50).forEach(function (i) {
      var li = el("li");
      li.appendChild(nodeButton(i));
      li.appendChild(el("span", "rel", " " + data.nodes[i].type));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    return hits;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var hits = runSearch();
    if (hits && hits.length) select(hits[0], true);
  });
  // --- type filter: a checkbox per node type hides its nodes and their edges
  var types = document.getElementById("types");
  var hidden = {};
  function applyFilter() {
    data.nodes.forEach(function (n, i) {
      var g = document.getElementById("n" + i);
      if (g) g.classList.toggle("filtered", !!hidden[n.type]);
    });
    data.edges.forEach(function (e, j) {
      var g = document.getElementById("e" + j);
      if (g) g.classList.toggle("filtered", !!(hidden[data.nodes[e.source].type] || hidden[data.nodes[e.target].type]));
    });
  }
  var count = {};
  data.nodes.forEach(function (n) { count[n.type] = (count[n.type] || 0) + 1; });
  Object.keys(count).sort().forEach(function (t) {
    var label = el("label", "type-filter");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = t;
    box.addEventListener("change", function () { hidden[t] = !box.checked; applyFilter(); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(t + " " + count[t]));
    types.appendChild(label);
  });

  function showHelp() {
    clear(panel);
    panel.appendChild(el("p", "hint", "Click a node to see its relations and the lines of the notes behind them; click the background or press Escape to let go. Scroll to zoom, drag to pan, search by name or alias, tick types to show or hide them."));
  }
  showHelp();
  // A map taller than the window opens fitted to its width, at the top:
  // fitted whole, the default map (legible at 1,600 px wide, up to twice
  // as tall) had labels of 3 px. Fit shows it whole.
  var box = map.getBoundingClientRect();
  if (box.width > 0 && home.h / home.w > box.height / box.width) {
    vb.h = home.w * box.height / box.width;
  }
  apply();
})();
