/** The site's one stylesheet (served as a file with a content hash in its name). */
export const STYLE = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d8dee4;--soft:#f4f6f8;--link:#0a58ca;--accent:#0a58ca;
--c1:#1d4ed8;--c2:#15803d;--c3:#6d28d9;--c4:#a9440a;--c5:#b91c1c;--c6:#9d174d;--mark:#fff3bf;
--code-bg:#f6f8fa;--k:#8250df;--v:#0a3069;--s:#116329;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0f1419;--fg:#e6edf3;--muted:#9aa5b1;--line:#30363d;--soft:#161b22;
--link:#6cb6ff;--accent:#6cb6ff;--code-bg:#161b22;--k:#d2a8ff;--v:#a5d6ff;--s:#7ee787;--mark:#3b2e00}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Devanagari","Noto Sans Thai",sans-serif}
a{color:var(--link);text-underline-offset:.15em}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:.5rem;top:.5rem;background:var(--bg);padding:.5rem;z-index:9}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem;overflow-wrap:break-word}
header.site{border-bottom:1px solid var(--line);background:var(--soft)}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding-block:.6rem}
.brand{font-weight:800;font-size:1.2rem;text-decoration:none;color:var(--fg);letter-spacing:-.01em}
.brand span{color:var(--c5)}
nav.main{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.main a{text-decoration:none;font-weight:600}
nav.main a[aria-current]{text-decoration:underline}
.hsearch{flex:1 1 12rem;display:flex;gap:.25rem;min-width:10rem}
.hsearch input{flex:1;min-width:0}
.lang{position:relative;margin-inline-start:auto}
.lang summary{cursor:pointer;padding:.3rem .6rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg);list-style:none}
.lang summary::-webkit-details-marker{display:none}
.lang ul{position:absolute;inset-inline-end:0;z-index:5;margin:.3rem 0 0;padding:.3rem;list-style:none;background:var(--bg);border:1px solid var(--line);border-radius:.4rem;box-shadow:0 6px 20px #0003;columns:2;width:max-content;max-width:90vw}
.lang li a{display:block;padding:.2rem .5rem;text-decoration:none;white-space:nowrap}
.lang li a[aria-current]{font-weight:700}
main{padding-block:1rem 2rem}
h1{font-size:1.7rem;line-height:1.25;margin:.6rem 0}
h2{font-size:1.25rem;margin:1.8rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1rem 0 .3rem}
p,li{max-width:46rem}
.lead{font-size:1.12rem}
.muted{color:var(--muted)}
.notice{border-inline-start:4px solid var(--c4);background:var(--soft);padding:.6rem .9rem;margin:1rem 0;border-radius:.3rem}
.crumbs ol{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:.5rem 0 0;font-size:.9rem}
.crumbs li+li::before{content:"›";margin-inline-end:.3rem;color:var(--muted)}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.85rem;font-weight:700;color:#fff;background:var(--c4);white-space:nowrap}
.tag{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.85rem;border:1px solid var(--line);white-space:nowrap}
.k1{--cc:var(--c1)}.k2{--cc:var(--c2)}.k3{--cc:var(--c3)}.k4{--cc:var(--c4)}.k5{--cc:var(--c5)}.k6{--cc:var(--c6)}
.badge[class*=k]{background:var(--cc)}
.code{font-variant-numeric:tabular-nums;font-weight:800;color:var(--cc,inherit)}
@media (prefers-color-scheme:dark){.k1{--cc:#79a6ff}.k2{--cc:#4fd37b}.k3{--cc:#b69cff}.k4{--cc:#ffa657}.k5{--cc:#ff7b72}.k6{--cc:#f778ba}
.badge[class*=k]{background:transparent;color:var(--cc);border:1px solid var(--cc)}.brand span{color:#ff7b72}}
.tags{display:flex;flex-wrap:wrap;gap:.4rem;margin:.3rem 0 .8rem}
form.search{display:flex;gap:.4rem;margin:1rem 0;position:relative;flex-wrap:wrap}
form.search input{flex:1 1 16rem;font-size:1.1rem;padding:.6rem .8rem}
input,select,button{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--muted);border-radius:.4rem;padding:.4rem .6rem}
input,select{max-width:100%}
[dir=rtl] li[dir=ltr]{margin-inline-start:1.6rem}
button{background:var(--accent);color:var(--bg);border-color:var(--accent);font-weight:700;cursor:pointer}
@media (prefers-color-scheme:dark){button{color:#0f1419}}
.suggest{position:absolute;top:100%;inset-inline:0;z-index:4;margin:.2rem 0 0;padding:.2rem;list-style:none;background:var(--bg);border:1px solid var(--line);border-radius:.4rem;box-shadow:0 6px 20px #0003}
.suggest:empty{display:none}
.suggest a{display:block;padding:.35rem .5rem;text-decoration:none;color:var(--fg);border-radius:.3rem}
.suggest [aria-selected=true] a,.suggest a:hover{background:var(--soft)}
.grid{display:grid;gap:.8rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));padding:0;list-style:none}
.card{border:1px solid var(--line);border-top:4px solid var(--cc,var(--line));border-radius:.5rem;padding:.7rem .9rem;background:var(--bg)}
.card h2,.card h3{margin:.1rem 0 .3rem;border:0;padding:0;font-size:1.1rem}
.card p{margin:.3rem 0}
.list{list-style:none;padding:0;margin:.5rem 0}
.list li{padding:.35rem 0;border-bottom:1px solid var(--line);max-width:none}
.list li>a:first-child>bdi:first-child>.code{display:inline-block;min-width:2.6rem}
.list a{text-decoration:none}.list a:hover,.list a:focus-visible{text-decoration:underline}
.cols{columns:2 19rem;column-gap:2rem}.cols li{break-inside:avoid}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.95rem}
th,td{text-align:start;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid var(--line)}
th{width:30%;font-weight:600}
thead th{border-bottom:2px solid var(--line)}
tr.diff td{background:var(--mark)}
td .cite,li .cite{font-size:.82rem;white-space:nowrap}
.scroll{overflow-x:auto}
pre{max-width:100%;background:var(--code-bg);border:1px solid var(--line);border-radius:.4rem;padding:.8rem;overflow-x:auto;font:.85rem/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;direction:ltr;text-align:left}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.sl{font-weight:700}.hn{color:var(--k)}.hv{color:var(--v)}.sk{color:var(--s)}
ol.steps li{margin:.35rem 0}
.term{text-decoration-style:dotted}
.cmp{display:grid;gap:1rem}.cmp>*{min-width:0;overflow-wrap:anywhere}
@media (min-width:48rem){.cmp{grid-template-columns:1fr 1fr}h1{font-size:2rem}}
h3.side-title{font-size:1.15rem;margin-top:.5rem}h4{font-size:1rem;margin:.9rem 0 .2rem}
dl.gloss dt{font-weight:700;margin-top:1rem}
dl.gloss dt:target{background:var(--mark)}
dl.gloss dd{margin:.2rem 0 0;margin-inline-start:0;max-width:46rem}
.pick{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.pick select{max-width:100%}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding-block:1rem 2rem}
[dir=rtl] .crumbs li+li::before{content:"‹"}
.dropzone{border:2px dashed var(--line);border-radius:.6rem;padding:1.5rem;text-align:center;margin:1rem 0}
.dropzone.over{border-color:var(--c1);background:var(--soft)}
#analysis .c1{color:var(--c1)}#analysis .c2{color:var(--c2)}#analysis .c3{color:var(--c3)}#analysis .c4{color:var(--c4)}#analysis .c5{color:var(--c5)}#analysis .c6{color:var(--c6)}
.sev-error{color:var(--c5)}.sev-warning{color:var(--c4)}.sev-info{color:var(--c1)}
.ladder{border:1px solid var(--line);border-radius:.4rem;padding:.5rem;background:var(--soft)}
.ladder svg text{fill:currentColor}
ul.findings li{margin:.4rem 0}
`;
