"""Reading loadgen's JSON reports, for the load-test scripts' comparisons."""
import json
import re
import sys


def report(work_dir, label, script):
    """The report of run `label`: the last line of its output that is loadgen's JSON (the gateway
    jar may log to stdout too). Exits naming `script` when there is none."""
    with open(f"{work_dir}/{label}.out", encoding="utf-8") as out:
        for line in reversed(out.read().splitlines()):
            if line.startswith("{") and '"requests"' in line:
                return json.loads(line)
    sys.exit(f"{script}: no loadgen report in {work_dir}/{label}.out")


def overhead_quantiles(metrics_file):
    """{part: {quantile: seconds}} of mas_gateway_overhead_seconds in a Prometheus scrape."""
    found = {}
    pattern = re.compile(r'^mas_gateway_overhead_seconds\{(.*)\}\s+(\S+)$')
    with open(metrics_file, encoding="utf-8") as scrape:
        for line in scrape:
            match = pattern.match(line.strip())
            if not match:
                continue
            labels = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
            if "quantile" in labels and "part" in labels:
                found.setdefault(labels["part"], {})[labels["quantile"]] = float(match.group(2))
    return found


def compile_ms(metrics_file):
    """The JIT compile time so far, in ms, of the JVM whose Prometheus scrape this is."""
    pattern = re.compile(r'^jvm_compilation_time_ms_total(?:\{.*\})?\s+(\S+)$')
    with open(metrics_file, encoding="utf-8") as scrape:
        return sum(float(m.group(1)) for m in map(pattern.match, scrape) if m)
