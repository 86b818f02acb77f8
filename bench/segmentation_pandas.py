"""The same job as `kpi-review segment --json --no-customer-list`, in pandas: read the CSV, group by customer,
PERCENTILE.INC breakpoints (numpy's default linear interpolation), R/F/M scores, the 11-segment codes.
Prints a JSON summary (customers, breakpoints, customers at 555, peak memory). Run with Debian's python3-pandas:
/usr/bin/python3 bench/segmentation_pandas.py orders.csv 2026-01-01"""
import json
import resource
import sys

import numpy as np
import pandas as pd

path, as_of_text = sys.argv[1], sys.argv[2]
as_of = int(np.datetime64(as_of_text, "D").astype(np.int64))
orders = pd.read_csv(path, usecols=["customer_id", "order_date", "amount"], dtype={"customer_id": str, "order_date": str, "amount": float})
day = pd.to_datetime(orders["order_date"], format="%Y-%m-%d").values.astype("datetime64[D]").astype(np.int64)
orders = orders.assign(day=day)
orders = orders[orders["day"] < as_of]
per_customer = orders.groupby("customer_id", sort=False).agg(last=("day", "max"), frequency=("day", "size"), monetary=("amount", "sum"))
recency = as_of - per_customer["last"].to_numpy()
frequency = per_customer["frequency"].to_numpy()
monetary = per_customer["monetary"].to_numpy()
quintiles = [20, 40, 60, 80]
breaks = {"recency": np.percentile(recency, quintiles), "frequency": np.percentile(frequency, quintiles), "monetary": np.percentile(monetary, quintiles)}
# F = 1 + COUNTIF(breaks, "<"&value); R = 1 + COUNTIF(breaks, ">"&recency)
f = 1 + np.searchsorted(breaks["frequency"], frequency, side="left")
m = 1 + np.searchsorted(breaks["monetary"], monetary, side="left")
r = 1 + 4 - np.searchsorted(breaks["recency"], recency, side="right")
codes = pd.Series(r * 100 + f * 10 + m).value_counts()
print(json.dumps({
    "customers": int(len(per_customer)),
    "breaks": {k: [float(x) for x in v] for k, v in breaks.items()},
    "at555": int(codes.get(555, 0)),
    "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "cpuMs": (resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_stime) * 1000,
}))
