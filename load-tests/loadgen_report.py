"""Reading loadgen's JSON reports, for the load-test scripts' comparisons."""
import json
import sys


def report(work_dir, label, script):
    """The report of run `label`: the last line of its output that is loadgen's JSON (the gateway
    jar may log to stdout too). Exits naming `script` when there is none."""
    with open(f"{work_dir}/{label}.out", encoding="utf-8") as out:
        for line in reversed(out.read().splitlines()):
            if line.startswith("{") and '"requests"' in line:
                return json.loads(line)
    sys.exit(f"{script}: no loadgen report in {work_dir}/{label}.out")
