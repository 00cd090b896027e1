#!/bin/bash
# usage: memwatch.sh OUTPREFIX  -- samples every LiqBot.dll process each 60 s: RSS split, and starts dotnet-counters per new pid
out=$1; pat=$2; declare -A seen
echo "time,pid,age_s,rss_kb,anon_kb,file_kb,anon_maps_ge_1mb,anon_maps_kb_ge_1mb,shmem_kb,threads" >> $out.csv
while true; do
  for pid in $(pgrep -f "$pat"); do
    [ -r /proc/$pid/status ] || continue
    start=$(stat -c %Y /proc/$pid); now=$(date +%s)
    rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status); anon=$(awk '/RssAnon/{print $2}' /proc/$pid/status); file=$(awk '/RssFile/{print $2}' /proc/$pid/status); shm=$(awk '/RssShmem/{print $2}' /proc/$pid/status); thr=$(awk '/Threads/{print $2}' /proc/$pid/status)
    read n kb < <(awk '/^[0-9a-f]+-[0-9a-f]+ /{anon=($6=="")} /^Rss:/{ if(anon && $2>=1024){n++; s+=$2} } END{print n+0, s+0}' /proc/$pid/smaps 2>/dev/null)
    echo "$(date -u +%H:%M:%S),$pid,$((now-start)),$rss,$anon,$file,$n,$kb,$shm,$thr" >> $out.csv
    if [ -z "${seen[$pid]}" ] && [ ! -e $out-gc-$pid.csv ]; then seen[$pid]=1; (/work/tools/dotnet-counters collect -p $pid --refresh-interval 60 --format csv -o $out-gc-$pid.csv --counters System.Runtime >/dev/null 2>&1 &); fi
  done
  sleep 60
done
