import csv,sys,re,collections
def fit(pts):
    if len(pts)<2: return float('nan')
    mx=sum(x for x,_ in pts)/len(pts); my=sum(y for _,y in pts)/len(pts)
    return sum((x-mx)*(y-my) for x,y in pts)/sum((x-mx)**2 for x,_ in pts)
def run(name,pid):
    rows=[r for r in csv.DictReader(open(f'{name}.csv')) if r.get('pid')==pid and r['time']!='time']
    pts=[(int(r['age_s'])/3600, int(r['rss_kb'])/1024) for r in rows]
    at={}
    for m in [5,10,20,30,40,50,60,70,80,90,100,120,140]:
        c=[y for x,y in pts if abs(x*60-m)<=1]
        if c: at[m]=round(c[0])
    late=[(x,y) for x,y in pts if x*60>=20]
    print(f"{name} pid {pid}: lived {pts[-1][0]*60:.0f} min; RSS by minute {at}; range after 20 min {min(y for _,y in late):.0f}-{max(y for _,y in late):.0f} MB; fit after 20 min {fit(late):+.1f} MB/h; fit after 40 min {fit([(x,y) for x,y in pts if x*60>=40]):+.1f} MB/h")
    ar=[l for l in open('arenas.log') if f',{pid},' in l]
    vals=[(l.split(',')[0], int(re.search(r'arenas=(\d+)MB/(\d+)',l)[1]), int(re.search(r'arenas=(\d+)MB/(\d+)',l)[2]), int(re.search(r'brk=(\d+)',l)[1])) for l in ar]
    if vals: print(f"   malloc arenas RSS: first {vals[0][1]} MB ({vals[0][2]} arenas) at {vals[0][0]}, last {vals[-1][1]} MB at {vals[-1][0]}, max {max(v[1] for v in vals)}; brk heap {vals[-1][3]} MB")
for a in sys.argv[1:]:
    n,p=a.split(':'); run(n,p)
