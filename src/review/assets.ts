/**
 * The review page's stylesheet and script, served from /assets/ so the Content-Security-Policy
 * can forbid every inline script and style. The script only reads the page's own escaped
 * markup and writes with textContent, never innerHTML.
 */

export const REVIEW_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #f6f7f9; --accent: #2456c6;
  --content: #fff3b0; --speaker: #d7e6ff; --cue: #ffd9b8; --actor: #2456c6; --figure: #c9f0d2; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
.top { background: #14213d; padding: .6rem 1.2rem; }
.top .brand { color: #fff; font-weight: 600; text-decoration: none; letter-spacing: .02em; }
main { max-width: 1200px; margin: 0 auto; padding: 1.2rem; }
h1 { font-size: 1.5rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; }
section, article.review, aside.inspector { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; margin-bottom: 1rem; }
.queue-form { display: grid; gap: .4rem; max-width: 720px; }
.queue-form textarea, .queue-form input { font: inherit; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; }
.queue-form button { justify-self: start; font: inherit; padding: .45rem 1.2rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
.notice { background: #eef4ff; border-left: 4px solid var(--accent); padding: .4rem .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .94rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
td.num, th.num { text-align: right; }
th, td.when, td.num, .status { white-space: nowrap; overflow-wrap: normal; }
.url { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
.status { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600; background: #e6e9ef; }
.status-done { background: #d3f3dc; color: #17612d; }
.status-failed { background: #fde0e0; color: #9b1c1c; }
.status-queued, .status-fetching, .status-processing { background: #fff0c2; color: #7a5200; }
.meta { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; color: var(--muted); font-size: .9rem; }
.failure { background: #fde0e0; border: 1px solid #f3b4b4; border-radius: 6px; padding: .6rem .8rem; margin: .6rem 0; }
.article-page { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 0 1rem; align-items: start; }
.article-page > .main-col { min-width: 0; }
.article-page > aside.inspector { position: sticky; top: .6rem; max-height: calc(100vh - 1.2rem); overflow: auto; }
.text p, .text h3, .text blockquote, .text pre { margin: 0 0 .9rem; }
.text blockquote { border-left: 3px solid var(--line); padding-left: .8rem; color: #333; }
.legend { font-size: .85rem; color: var(--muted); }
mark.m { background: transparent; color: inherit; border-radius: 2px; cursor: pointer; }
.m.l-content { background: var(--content); }
.m.l-speaker { background: var(--speaker); }
.m.l-cue { background: var(--cue); font-weight: 600; }
.m.l-actor { box-shadow: inset 0 -2px 0 var(--actor); }
.m.l-figure { background: var(--figure); font-weight: 600; }
mark.m:hover, mark.m:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
mark.m.selected { outline: 2px solid #c62424; }
.inspector .hint { color: var(--muted); font-size: .9rem; white-space: pre-line; }
.inspector h3 { font-size: 1rem; margin: .6rem 0 .2rem; }
pre.record { background: #f3f5f8; border: 1px solid var(--line); border-radius: 6px; padding: .6rem; font-size: .78rem; line-height: 1.35; overflow: auto; max-height: 60vh; white-space: pre-wrap; overflow-wrap: anywhere; }
.claim-list { padding-left: 1.6rem; }
.claim { margin: .3rem 0; }
.claim.selected > details { background: #eef4ff; border-radius: 6px; }
.claim summary { cursor: pointer; }
.kind { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.rules code, .inspector code { background: #eef0f4; padding: 0 .3rem; border-radius: 4px; font-size: .82rem; }
.empty { color: var(--muted); }
.failure-line { color: #9b1c1c; font-size: .85rem; overflow-wrap: anywhere; }
section.removed td:nth-child(-n+2), table.rejected td:last-child { white-space: nowrap; overflow-wrap: normal; }
dl.fetch { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.fetch dt { color: var(--muted); }
dl.fetch dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 900px) { .article-page { display: block; } }
`;

export const REVIEW_JS = `'use strict';
(function () {
  var body = document.body;
  var poll = body.getAttribute('data-poll');
  if (poll) {
    var known = body.getAttribute('data-status');
    var tick = function () {
      fetch(poll, { headers: { accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          var typing = document.activeElement && document.activeElement.tagName === 'TEXTAREA';
          if (known === null) { if (!typing) { location.reload(); return; } }
          else if (data && data.status && data.status !== known) { location.reload(); return; }
          setTimeout(tick, 1000);
        })
        .catch(function () { setTimeout(tick, 2000); });
    };
    setTimeout(tick, known === null ? 2000 : 700);
  }

  var inspector = document.getElementById('inspector-body');
  function select(mark) {
    var previous = document.querySelectorAll('.selected');
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove('selected');
    mark.classList.add('selected');
    if (!inspector) return;
    while (inspector.firstChild) inspector.removeChild(inspector.firstChild);
    var tip = document.createElement('p');
    tip.className = 'hint';
    tip.textContent = mark.getAttribute('title') || '';
    inspector.appendChild(tip);
    var ids = (mark.getAttribute('data-claims') || '').split(' ').filter(Boolean);
    ids.forEach(function (id) {
      var item = document.getElementById('claim-' + id);
      if (!item) return;
      item.classList.add('selected');
      var details = item.querySelector('details');
      if (details) details.open = true;
      var heading = document.createElement('h3');
      heading.textContent = 'Claim ' + (Number(id) + 1);
      inspector.appendChild(heading);
      var rules = item.querySelector('.rules');
      if (rules) {
        var copy = document.createElement('p');
        copy.className = 'rules';
        copy.textContent = rules.textContent;
        inspector.appendChild(copy);
      }
      var record = item.querySelector('pre.record');
      var pre = document.createElement('pre');
      pre.className = 'record';
      pre.textContent = record ? record.textContent : '';
      inspector.appendChild(pre);
    });
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    var mark = target && target.closest ? target.closest('mark.m[data-claims]') : null;
    if (mark) select(mark);
  });
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if ((event.key === 'Enter' || event.key === ' ') && target && target.matches && target.matches('mark.m[data-claims]')) {
      event.preventDefault();
      select(target);
    }
  });
})();
`;
