import csv,sys,collections
rows=collections.OrderedDict()
for r in csv.reader(open(sys.argv[1])):
    if len(r)<5 or r[0]=="Timestamp": continue
    t=r[0].split()[1]; n=r[2]; v=float(r[4]) if r[4] else 0
    rows.setdefault(t,{})[n]=v
def g(d,k): return sum(v for n,v in d.items() if n.startswith(k))/1e6
print("time     committed heap(g0,g1,g2,loh,poh)            frag_total  alloc/min gen2/min  ws")
for t,d in rows.items():
    hs=[d.get(f'dotnet.gc.last_collection.heap.size (By)[gc.heap.generation={x}]',0)/1e6 for x in ['gen0','gen1','gen2','loh','poh']]
    print(t, "%7.1f"%g(d,'dotnet.gc.last_collection.memory.committed_size'), " ".join("%6.1f"%h for h in hs), "%7.1f"%g(d,'dotnet.gc.last_collection.heap.fragmentation'), "%8.1f"%g(d,'dotnet.gc.heap.total_allocated'), d.get('dotnet.gc.collections ({collection} / 60 sec)[gc.heap.generation=gen2]',0), "%6.1f"%g(d,'dotnet.process.memory.working_set'))
