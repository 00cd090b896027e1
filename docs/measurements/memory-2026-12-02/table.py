import csv,re,sys
def fit(pts):
    mx=sum(x for x,_ in pts)/len(pts); my=sum(y for _,y in pts)/len(pts)
    return sum((x-mx)*(y-my) for x,y in pts)/sum((x-mx)**2 for x,_ in pts)
def gc(file, t0):
    rows={}
    for r in csv.reader(open(file)):
        if len(r)<5 or r[0]=="Timestamp": continue
        rows.setdefault(r[0],{})[r[2]]=float(r[4]) if r[4] else 0
    com=[]; frag=[]
    for t,d in rows.items():
        c=d.get('dotnet.gc.last_collection.memory.committed_size (By)',0)/1e6
        if c>0: com.append(c)
        f=d.get('dotnet.gc.last_collection.heap.fragmentation.size (By)[gc.heap.generation=loh]')
        if f is not None and c>0: frag.append(f/1e6)
    n=len(com)//2
    return com[n:], frag[n:]
def row(label,name,pid,gcfile):
    rows=[r for r in csv.DictReader(open(f'{name}.csv')) if r.get('pid')==pid]
    pts=[(int(r['age_s'])/3600, int(r['rss_kb'])/1024) for r in rows]
    def at(m):
        c=[y for x,y in pts if abs(x*60-m)<=1]; return f"{c[0]:.0f}" if c else "-"
    late=[(x,y) for x,y in pts if x*60>=40]
    ar=[l for l in open('arenas.log') if f',{pid},' in l]
    m=re.search(r'arenas=(\d+)MB/(\d+)',ar[-1]); m0=re.search(r'arenas=(\d+)MB/(\d+)',ar[0])
    com,frag=gc(gcfile,0)
    print(f"| {label} | {pts[-1][0]*60:.0f} min | {' / '.join(at(m) for m in [10,20,40,60,80,100])} | {min(y for _,y in late):.0f}-{max(y for _,y in late):.0f} MB | {fit(late):+.1f} MB/h | {m0[1]} → {m[1]} MB ({m[2]} arenas) | {min(com):.0f}-{max(com):.0f} MB | {min(frag):.0f}-{max(frag):.0f} MB |")
print("| run | steady process | RSS at 10 / 20 / 40 / 60 / 80 / 100 min (MB) | RSS after 40 min | fit after 40 min | malloc arenas' RSS, first → last | GC committed, 2nd half | LOH free gaps, 2nd half |")
print("|---|---|---|---|---|---|---|---|")
for a in sys.argv[1:]:
    label,name,pid,g=a.split('|'); row(label,name,pid,g)
