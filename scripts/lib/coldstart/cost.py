"""docs/benchmarks/cost.md: one million requests of each route priced from measured request units and durations."""
import math
import statistics
import sys
from collections import defaultdict

capacity_file, warm_file, out, runs, cores, load_before, load_after = sys.argv[1:8]

# List prices, us-east-1, read 2026-12-01 (check them again before relying on them):
LAMBDA_REQUEST = 0.20 / 1e6          # per request, x86 and arm64 alike (aws.amazon.com/lambda/pricing)
LAMBDA_ARM_GB_SECOND = 0.0000133334  # per GB-s, arm64, first 7.5 billion GB-s a month (aws.amazon.com/lambda/pricing)
APIGW_REST = 3.50 / 1e6              # per call, REST APIs, first 333 million a month (aws.amazon.com/api-gateway/pricing)
DDB_WRU = 0.625 / 1e6                # per write request unit, on-demand, since 2024-11-01 (aws.amazon.com/dynamodb/pricing/on-demand)
DDB_RRU = 0.125 / 1e6                # per read request unit, on-demand, since 2024-11-01 (same page)
MEMORY_GB = 1769 / 1024              # prod's FunctionMemory (StageSettings in every template)
# DESIGN.md's usage plans: requests a month per tier
TIERS = {"basic": 100_000, "standard": 1_000_000, "premium": 10_000_000}

units = {}
for line in open(capacity_file):
    route, reads, writes = line.rstrip("\n").split("\t")
    units[route] = (float(reads), float(writes))
warm = defaultdict(list)
for line in open(warm_file):
    route, micros = line.rstrip("\n").split("\t")
    warm[route].append(int(micros) / 1000)
measured = {route: statistics.median(ms) for route, ms in warm.items()}
write_estimate = statistics.median([ms for route, ms in measured.items() if not route.startswith("GET")])


def cost(route):
    reads, writes = units[route]
    ms, note = (measured[route], "") if route in measured else (write_estimate, " (est.)")
    billed_ms = math.ceil(ms)
    lam = LAMBDA_REQUEST + billed_ms / 1000 * MEMORY_GB * LAMBDA_ARM_GB_SECOND
    ddb = reads * DDB_RRU + writes * DDB_WRU
    return ms, note, reads, writes, lam * 1e6, APIGW_REST * 1e6, ddb * 1e6


rows, totals, largest = [], [], defaultdict(list)
for route in units:
    ms, note, reads, writes, lam, api, ddb = cost(route)
    total = lam + api + ddb
    totals.append(total)
    largest[max((lam, "Lambda"), (api, "API Gateway"), (ddb, "DynamoDB"))[1]].append(f"`{route}`")
    rows.append(f"| `{route}` | {ms:.1f}{note} | {reads:g} | {writes:g} | {lam:.2f} | {api:.2f} | {ddb:.2f} | **{total:.2f}** |")
mix = statistics.mean(totals)
share_note = "The largest part of a route's cost: " + "; ".join(
    f"{part} for {len(routes)} route(s)" + (f" ({', '.join(routes)})" if len(routes) <= 8 else "")
    for part, routes in sorted(largest.items())) + "."
tier_rows = [f"| {tier} | {quota:,} | {quota / 1e6 * mix:,.2f} |" for tier, quota in TIERS.items()]

text = f"""# Cost per million requests

Written by `scripts/bench-cost {runs}` (do not edit by hand), us-east-1 list prices, prod's memory (1,769 MB, arm64).

- **DynamoDB request units** per route: counted by the capacity tests (`*CapacityTest`, run by `mvn verify`) with
  `ReturnConsumedCapacity` against DynamoDB Local, one request of each route on small items (reads are strongly
  consistent where the code asks for it; transactions cost twice). A change in the units fails those tests.
- **Lambda duration**: the warm duration of the function, measured by this script in JVMs with Lambda's flags
  against DynamoDB Local over loopback ({runs} fresh JVMs per function, interleaved, 400 requests each, median of the
  last 200, then the median over the JVMs), billed rounded up to the millisecond. In AWS each DynamoDB call adds a
  few milliseconds of network, so real durations are higher. Every read and every create is measured; routes
  marked (est.), an update, a delete or a state change, need a new item for each of the 400 requests, so they are
  priced at the median of the measured writes. Machine: {cores} cores shared with
  other builds, load average {load_before} at the start, {load_after} at the end.
- Not included: the authorizer's invocations (API Gateway caches its answer per token for `ReauthorizeEvery`),
  CloudWatch logs and X-Ray, data transfer, storage, free tiers. SnapStart adds no charge for Java functions.

Prices (us-east-1, read on 2026-12-01 from AWS's pricing pages; check them again before relying on them):
Lambda $0.20 per million requests and $0.0000133334 per GB-second on arm64 (aws.amazon.com/lambda/pricing);
API Gateway REST $3.50 per million calls for the first 333 million a month (aws.amazon.com/api-gateway/pricing);
DynamoDB on-demand $0.625 per million write request units and $0.125 per million read request units since the price
cut of 2024-11-01 (aws.amazon.com/dynamodb/pricing/on-demand).

| route | warm ms | read units | write units | Lambda $ | API Gateway $ | DynamoDB $ | total $ per 1M |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{chr(10).join(rows)}

{share_note}

## Per tier (DESIGN.md's usage plans), at an even mix of the routes above (${mix:.2f} per million)

| tier | requests a month (quota) | $ a month at the quota |
| --- | ---: | ---: |
{chr(10).join(tier_rows)}
"""
open(out, "w").write(text)
