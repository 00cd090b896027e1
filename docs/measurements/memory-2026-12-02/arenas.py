import sys,re,time
pid=sys.argv[1]
maps=[];cur=None
for line in open(f'/proc/{pid}/smaps'):
    m=re.match(r'^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$',line)
    if m:
        cur={'start':int(m[1],16),'end':int(m[2],16),'perm':m[3],'name':m[4].strip(),'rss':0}; maps.append(cur)
    elif line.startswith('Rss:'): cur['rss']=int(line.split()[1])
A=64<<20
arena=sum(m['rss'] for m in maps if m['name']=='' and m['start']%A==0 and m['end']-m['start']<=A)
narena=sum(1 for m in maps if m['name']=='' and m['start']%A==0 and m['end']-m['start']<=A and m['rss']>0)
heap=sum(m['rss'] for m in maps if m['name']=='[heap]')
anon=sum(m['rss'] for m in maps if m['name']=='')
memfd=sum(m['rss'] for m in maps if m['name'].startswith('/memfd') or 'doublemapper' in m['name'])
files=sum(m['rss'] for m in maps if m['name'].startswith('/') and not (m['name'].startswith('/memfd') or 'doublemapper' in m['name']))
print(f"{time.strftime('%H:%M:%S',time.gmtime())},{pid},arenas={arena//1024}MB/{narena},brk={heap//1024}MB,other_anon={(anon-arena)//1024}MB,exec_memfd={memfd//1024}MB,files={files//1024}MB")
