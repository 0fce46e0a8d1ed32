// The HTML report's style sheet, inline in the page (the Content-Security-Policy allows inline
// styles and nothing that leaves the page).
#include <string_view>

namespace calint::html {

std::string_view style_sheet() {
  return R"css(
:root{--ink:#0f172a;--muted:#475569;--line:#e2e8f0;--soft:#f8fafc;--accent:#1e3a8a;
--critical:#7f1d1d;--high:#dc2626;--medium:#d97706;--low:#2563eb;--info:#64748b}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1480px;margin:0 auto;padding:0 28px 40px}
header.top{background:linear-gradient(135deg,#0f172a,#1e3a8a);color:#fff;padding:26px 28px 22px}
header.top .inner{max-width:1480px;margin:0 auto}
header.top h1{margin:0 0 4px;font-size:24px;font-weight:650;letter-spacing:.2px}
header.top .sub{color:#cbd5e1;margin:0 0 16px}
.verdict{display:inline-block;padding:6px 14px;border-radius:6px;font-weight:700;letter-spacing:.3px;margin-bottom:14px}
.verdict.fail{background:#fee2e2;color:#7f1d1d}.verdict.pass{background:#dcfce7;color:#14532d}
.verdict.error{background:#fef3c7;color:#78350f}.verdict.report{background:#e0e7ff;color:#1e3a8a}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:0;font-size:13px}
dl.meta dt{color:#94a3b8}dl.meta dd{margin:0;color:#f1f5f9;word-break:break-all}
nav.toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:8px 28px}
nav.toc a{color:var(--accent);text-decoration:none;margin-right:18px;font-weight:550}
section{margin-top:30px}
h2{font-size:19px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0}
h4{font-size:13px;margin:12px 0 2px;color:var(--muted);text-transform:uppercase;letter-spacing:.5px}
.banner{background:#fef3c7;border:1px solid #f59e0b;border-radius:6px;padding:10px 14px;margin-top:20px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:18px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px;background:var(--soft)}
.card .n{font-size:24px;font-weight:700}.card .l{color:var(--muted);font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}
figure{margin:0}figcaption{font-weight:600;margin-bottom:6px}
.chart text{font:12px system-ui,sans-serif;fill:#334155}.chart .value{font-weight:700}
.chart .cell-count{fill:#fff;font-weight:700;font-size:11px}.chart .stripe{fill:#f8fafc}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{background:var(--soft);font-weight:650;white-space:nowrap;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}
td ul{margin:0;padding-left:16px}
table.inventory{font-size:12px}table.inventory td{overflow-wrap:break-word;min-width:80px}
table.inventory td.contact,table.inventory td.scopes{min-width:170px}
table.inventory td.urls{min-width:220px;max-width:320px}table.inventory td.app{min-width:170px}
.pill{display:inline-block;background:#eef2ff;color:#1e3a8a;border-radius:9px;padding:0 7px;margin:1px 2px 1px 0;font-size:11.5px;white-space:nowrap}
.pill.hot{background:#fee2e2;color:#991b1b}
.tag{display:inline-block;border-radius:4px;padding:0 6px;font-size:11.5px;font-weight:650;color:#fff;white-space:nowrap}
.sev-critical .tag,.tag.sev-critical{background:var(--critical)}.sev-high .tag,.tag.sev-high{background:var(--high)}
.sev-medium .tag,.tag.sev-medium{background:var(--medium)}.sev-low .tag,.tag.sev-low{background:var(--low)}
.sev-info .tag,.tag.sev-info{background:var(--info)}
.chip{display:inline-block;min-width:20px;text-align:center;border-radius:10px;padding:0 6px;margin:1px;font-size:11px;font-weight:700;color:#fff}
.muted{color:var(--muted)}.warn{color:#b45309;font-weight:600}
.type{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.4px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
code{background:#f1f5f9;border-radius:3px;padding:0 3px}
pre.evidence .ln{color:#64748b;margin-right:12px;user-select:none}
pre.evidence{background:#0f172a;color:#e2e8f0;padding:8px 10px;border-radius:6px;white-space:pre-wrap;word-break:break-all;margin:6px 0}
article.component{border:1px solid var(--line);border-radius:8px;margin:14px 0;overflow:hidden}
article.component>header{background:var(--soft);padding:10px 14px;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
article.component>header .label{color:var(--muted)}
details.finding{border-top:1px solid var(--line);padding:0 14px}
details.finding>summary{cursor:pointer;padding:8px 0 8px 18px;list-style:none;position:relative}
details.finding>summary::-webkit-details-marker{display:none}
details.finding>summary::before{content:"\25B8";position:absolute;left:2px;top:8px;color:var(--muted);transition:transform .15s}
details.finding[open]>summary::before{transform:rotate(90deg)}
details.finding>summary .rule{font-weight:650;margin:0 6px}
details.finding>summary .loc{color:var(--muted);font-size:12px;margin-left:6px;word-break:break-all}
details.finding .body{padding:0 0 12px 18px;max-width:980px}
details.finding .msg{font-weight:550;margin:4px 0}
.refs{font-size:12.5px}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
a{color:var(--accent)}
@media print{
  @page{size:A4 landscape;margin:12mm}
  nav.toc{display:none}
  header.top{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 10px}
  header.top .sub,dl.meta dt,dl.meta dd{color:#000}
  details::details-content{content-visibility:visible;display:block}
  details.finding>summary::before{content:none}
  article.component,details.finding{break-inside:avoid}
  .scroll{overflow:visible;border:0}
  th{position:static}
  a{color:inherit;text-decoration:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";
}

}  // namespace calint::html
