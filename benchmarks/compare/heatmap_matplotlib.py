# The same heatmap as `liqbot render --kind heatmap --window 7d`, drawn with numpy + matplotlib:
# 7 days of the sample's 30-min bars, a price x time grid of estimated notional (levels opened from
# OI increases over five leverage tiers, consumed when price trades through), viridis, price path,
# realized liquidation dots, colour bar; 1280x720 PNG.
import sys, csv
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

rows = list(csv.DictReader(open(sys.argv[1])))
t = np.array([int(r["timestamp"]) for r in rows]) / 1000.0
o, h, l, c = (np.array([float(r[k]) for r in rows]) for k in ("price_open", "price_high", "price_low", "price_close"))
oi = np.array([float(r["oi_close"]) for r in rows])
ll = np.array([float(r["liquidation_long_usd"]) for r in rows]); ls = np.array([float(r["liquidation_short_usd"]) for r in rows])
n = len(rows); start = max(0, n - 336)
lo, hi = l[start:].min() * 0.88, h[start:].max() * 1.12
bins = 400; edges = np.linspace(lo, hi, bins + 1)
tiers = [(5, .15), (10, .30), (25, .25), (50, .20), (100, .10)]
live_long = np.zeros(bins); live_short = np.zeros(bins); grid = np.zeros((bins, n - start))
for i in range(1, n):
    entry = (h[i] + l[i] + c[i]) / 3; d = oi[i] - oi[i - 1]
    if d > 0:
        for lev, w in tiers:
            for side, arr in ((1, live_long), (-1, live_short)):
                p = entry * (1 - side / lev + side * 0.005)
                k = np.searchsorted(edges, p) - 1
                if 0 <= k < bins: arr[k] += d * w
    kl = np.searchsorted(edges, l[i]); kh = np.searchsorted(edges, h[i])
    live_long[kl:bins][edges[kl:bins] < c[i - 1]] *= 0  # crude consumption
    live_short[:kh][edges[:kh] > c[i - 1]] *= 0
    if i >= start: grid[:, i - start] = live_long + live_short
fig = plt.figure(figsize=(12.8, 7.2), dpi=100)
ax = fig.add_subplot(111)
vmax = np.percentile(grid[grid > 0], 99) if (grid > 0).any() else 1
im = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis", vmax=vmax, extent=[t[start], t[-1], lo, hi])
ax.plot(t[start:], c[start:], color="white", lw=1)
ax.scatter(t[start:], l[start:], s=ll[start:] / 2e5, c="red", alpha=.6)
ax.scatter(t[start:], h[start:], s=ls[start:] / 2e5, c="green", alpha=.6)
fig.colorbar(im, ax=ax, label="estimated notional (USD)")
ax.set_title("BTCUSDT heatmap 7d (estimated)")
fig.savefig(sys.argv[2], dpi=100)
