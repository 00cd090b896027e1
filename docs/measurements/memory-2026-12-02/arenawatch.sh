#!/bin/bash
while true; do for pid in $(pgrep -f "[s]oak-(base|diag|fixgc|final)/src/LiqBot/bin/.*liqbot.dll run"); do python3 /work/mem/arenas.py $pid >> /work/mem/arenas.log 2>/dev/null; done; sleep 120; done
