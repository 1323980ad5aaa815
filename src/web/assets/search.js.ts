/**
 * The one browser script: search-as-you-type on the search box, using /api/v1/search (or, on a
 * static copy of the site, the exported code list). Pages work without it.
 */
export const SEARCH_SCRIPT = `(()=>{"use strict";
const slug=(r)=>r.toLowerCase().replace(/[^a-z0-9]+/g,"-").replace(/^-|-$/g,"");
for(const form of document.querySelectorAll("form[data-suggest]")){
const input=form.querySelector("input[name=q]");const list=form.querySelector(".suggest");if(!input||!list)continue;
const lang=form.dataset.lang||"en";let timer=0,seq=0,active=-1,codes=null;
input.setAttribute("role","combobox");input.setAttribute("aria-autocomplete","list");input.setAttribute("aria-controls",list.id);input.setAttribute("aria-expanded","false");
const close=()=>{list.replaceChildren();list.removeAttribute("role");active=-1;input.setAttribute("aria-expanded","false");input.removeAttribute("aria-activedescendant")};
const show=(hits)=>{list.replaceChildren();active=-1;hits.slice(0,8).forEach((h,i)=>{const li=document.createElement("li");li.id=list.id+"-"+i;li.setAttribute("role","option");li.setAttribute("aria-selected","false");
const a=document.createElement("a");a.href="/"+lang+"/sip/"+h.code+"-"+slug(h.reason);a.tabIndex=-1;const b=document.createElement("b");b.textContent=String(h.code);a.append(b," "+h.reason);li.append(a);list.append(li)});
if(hits.length)list.setAttribute("role","listbox");else list.removeAttribute("role");input.setAttribute("aria-expanded",hits.length?"true":"false")};
const local=async(q)=>{if(!codes){const r=await fetch("/api/v1/codes.json");codes=r.ok?await r.json():[]}const w=q.toLowerCase();
return codes.filter((c)=>String(c.code).startsWith(w)||c.reason.toLowerCase().includes(w))};
const run=async()=>{const q=input.value.trim();const my=++seq;if(!q){close();return}
let hits=[];try{const r=await fetch("/api/v1/search?limit=8&lang="+encodeURIComponent(lang)+"&q="+encodeURIComponent(q));hits=r.ok?await r.json():await local(q)}catch{hits=[]}
if(my===seq)show(hits)};
const move=(d)=>{const items=list.querySelectorAll("li");if(!items.length)return;if(active>=0)items[active].setAttribute("aria-selected","false");
active=(active+d+items.length)%items.length;items[active].setAttribute("aria-selected","true");input.setAttribute("aria-activedescendant",items[active].id)};
input.addEventListener("input",()=>{clearTimeout(timer);timer=setTimeout(run,120)});
input.addEventListener("keydown",(e)=>{if(e.key==="ArrowDown"){e.preventDefault();move(1)}else if(e.key==="ArrowUp"){e.preventDefault();move(-1)}
else if(e.key==="Escape")close();else if(e.key==="Enter"&&active>=0){e.preventDefault();const a=list.querySelectorAll("a")[active];if(a)location.href=a.href}});
input.addEventListener("blur",()=>setTimeout(close,150))}})();
`;
