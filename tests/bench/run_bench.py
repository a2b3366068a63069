#!/usr/bin/env python3
"""Runs every benchmark and writes a Markdown table (figure, median, spread, goal) to
build/bench/results.md. Run through scripts/bench.sh (it builds first and provides a desktop
session). Everything talks to simulated bridges on loopback only."""
import os, re, statistics, subprocess, sys, tempfile, time, threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
B = os.path.join(ROOT, "build")
APP = f"{B}/src/app/nuki-desktop"
CLI = f"{B}/src/cli/nukictl"
SIM = f"{B}/src/sim/nuki-bridge-sim"
IDLE_S = int(os.environ.get("NUKI_BENCH_IDLE_S", "60"))
rows = []  # (figure, median, spread, goal, met)

def add(figure, median, spread, goal="", met=None):
    rows.append((figure, median, spread, goal, "" if met is None else ("yes" if met else "**missed**")))
    print(f"{figure}: {median} ({spread}) goal {goal}", flush=True)

def spread(values, fmt="{:.1f}"):
    return f"{fmt.format(min(values))}–{fmt.format(max(values))}" if len(values) > 1 else "-"

def tool_lines(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800).stdout
    return [l.split("\t") for l in out.splitlines() if "\t" in l]

# --- core figures ---
goals = {"parse /list of 200 devices": "", "client overhead per request": ""}
for cols in tool_lines([f"{B}/tests/bench/bench_core"], dict(os.environ, NUKI_BENCH_IDLE_S=str(IDLE_S))):
    name = cols[0]
    if name.startswith("state change"):
        p50 = float(re.search(r"p50 ([\d.]+)", cols[1]).group(1)); p99 = float(re.search(r"p99 ([\d.]+)", cols[2]).group(1))
        push = "push" in name
        add(name + " — p50 / p99", f"{p50:.1f} / {p99:.1f} ms", "p50 / p99 of the samples",
            "p99 ≤ 100 ms" if push else "(≤ poll interval)", p99 <= 100 if push else None)
    elif name.startswith("idle requests"):
        value = float(cols[1])
        push = "push on" in name
        # With push: /list every 59 s (the 60 s staleness bound) and /callback/list every 15 min.
        add(name, f"{value:.0f} /h", "-", "≤ 70 /h" if push else "", value <= 70 if push else None)
    else:
        add(name, f"{cols[1]} {cols[3]}", cols[2])

# --- push: nukictl watch's latency, and how old a change gets when its push is lost ---
for cols in tool_lines([f"{B}/tests/bench/bench_push"], dict(os.environ, NUKICTL=CLI)):
    name = cols[0]
    a = float(re.search(r"p50 ([\d.-]+)", cols[1]).group(1))
    b = float(re.search(r"(?:p99|max) ([\d.-]+)", cols[2]).group(1))
    if name.startswith("nukictl watch"):
        add(name + " — p50 / p99", f"{a:.1f} / {b:.1f} ms", "p50 / p99 of the samples", "p99 ≤ 1 s",
            0 <= b <= 1000)
    else:
        add(name + " — p50 / max", f"{a / 1000:.1f} / {b / 1000:.1f} s", "p50 / max of the samples",
            "max ≤ 60 s" if "heartbeat" in name else "", b <= 60000 if "heartbeat" in name else None)

# --- window with 200 devices ---
for cols in tool_lines([f"{B}/tests/bench/bench_app"], dict(os.environ, QT_QPA_PLATFORM="xcb")):
    add(cols[0], f"{cols[1]} {cols[3]}", cols[2], "smooth: ≤ 16 ms" if "scroll" in cols[0] else "",
        float(cols[1]) <= 16 if "scroll" in cols[0] else None)

def env_for(tmp):
    e = dict(os.environ, TMPDIR=tmp, NUKI_REPORT_FIRST_PAINT="1", QT_QPA_PLATFORM="xcb")
    return e

# --- start to first device card painted (demo mode) ---
starts = []
for i in range(5):
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        p = subprocess.Popen([APP, "--demo", "--config", f"{tmp}/s.ini"], env=env_for(tmp),
                             stderr=subprocess.PIPE, text=True)
        for line in p.stderr:
            if "first device card painted" in line:
                starts.append((time.perf_counter() - t0) * 1000)
                break
        p.terminate(); p.wait(10)
add("start to first device card painted (demo)", f"{statistics.median(starts):.0f} ms", spread(starts, "{:.0f}") + " ms",
    "≤ 500 ms", statistics.median(starts) <= 500)

# --- idle: RSS after a minute (demo, window shown) and wake-ups while hidden (real bridge mode) ---
def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    return 0

sim = subprocess.Popen([SIM, "--listen", "127.0.0.9", "--port", "18480", "--control-port", "0", "--token", "benchtoken1"],
                       stdout=subprocess.DEVNULL)
time.sleep(0.5)  # the simulator's own start; not a measurement
procs = []
dirs = []
for i in range(3):
    tmp = tempfile.mkdtemp()
    dirs.append(tmp)
    procs.append(("demo", subprocess.Popen([APP, "--demo", "--config", f"{tmp}/s.ini"], env=env_for(tmp),
                                           stderr=subprocess.DEVNULL)))
for i in range(3):
    tmp = tempfile.mkdtemp()
    dirs.append(tmp)
    os.makedirs(f"{tmp}/cfg/nuki-desktop/tokens", exist_ok=True)
    with open(f"{tmp}/cfg/nuki-desktop/tokens/BENCH", "w") as f:
        f.write("benchtoken1")
    with open(f"{tmp}/s.ini", "w") as f:
        f.write("[bridges]\n1\\id=BENCH\n1\\name=Bench\n1\\host=127.0.0.9\n1\\port=18480\n"
                "1\\tokenMode=encrypted\n1\\tokenInFile=true\nsize=1\n")
    e = env_for(tmp)
    e["XDG_CONFIG_HOME"] = f"{tmp}/cfg"
    procs.append(("hidden", subprocess.Popen([APP, "--minimized", "--config", f"{tmp}/s.ini"], env=e,
                                             stderr=subprocess.DEVNULL)))
time.sleep(10)  # let start-up settle before the idle minute starts
before = {p.pid: status(p.pid, "voluntary_ctxt_switches") + status(p.pid, "nonvoluntary_ctxt_switches")
          for _, p in procs}
time.sleep(IDLE_S)
rss, wakeups = [], []
for kind, p in procs:
    if kind == "demo":
        rss.append(status(p.pid, "VmRSS") / 1024)
    else:
        after = status(p.pid, "voluntary_ctxt_switches") + status(p.pid, "nonvoluntary_ctxt_switches")
        wakeups.append((after - before[p.pid]) * 60 / IDLE_S)
    p.terminate()
for _, p in procs:
    p.wait(15)
sim.terminate()
add(f"RSS after {IDLE_S + 10} s idle (demo, window shown)", f"{statistics.median(rss):.1f} MB", spread(rss) + " MB",
    "≤ 80 MB", statistics.median(rss) <= 80)
add("wake-ups per minute, idle and hidden (context switches; 15 s polling, 1 bridge)",
    f"{statistics.median(wakeups):.0f}", spread(wakeups, "{:.0f}"), "", None)

# --- nukictl list --json cold, next to curl on the same simulator ---
sim = subprocess.Popen([SIM, "--listen", "127.0.0.9", "--port", "18481", "--control-port", "0", "--token", "benchtoken1",
                        "--request-ms", "0"], stdout=subprocess.DEVNULL)
time.sleep(0.5)
env = dict(os.environ, NUKI_TOKEN="benchtoken1")
cfg = tempfile.mkdtemp()
cli_t, curl_t = [], []
for i in range(21):
    t0 = time.perf_counter()
    subprocess.run([CLI, "--config", f"{cfg}/c.ini", "--host", "127.0.0.9:18481", "--json", "list"], env=env,
                   capture_output=True, check=True)
    cli_t.append((time.perf_counter() - t0) * 1000)
    time.sleep(0.3)  # the bridge's minimum gap between clients' requests
    t0 = time.perf_counter()
    subprocess.run(["curl", "-s", "http://127.0.0.9:18481/list?token=benchtoken1"], capture_output=True, check=True)
    curl_t.append((time.perf_counter() - t0) * 1000)
    time.sleep(0.3)
sim.terminate()
c, k = statistics.median(cli_t[1:]), statistics.median(curl_t[1:])
add("nukictl list --json, cold process", f"{c:.1f} ms", spread(cli_t[1:]) + " ms", f"≤ curl + 30 ms ({k + 30:.1f} ms)", c <= k + 30)
add("curl fetching /list, same simulator", f"{k:.1f} ms", spread(curl_t[1:]) + " ms")

os.makedirs(f"{B}/bench", exist_ok=True)
machine = subprocess.run(["sh", "-c", "nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; free -g | awk '/Mem/{print $2}'"],
                         capture_output=True, text=True).stdout.split("\n")
head = (f"Measured {time.strftime('%Y-%m-%d')} on {machine[0].strip()} cores ({machine[1].strip()}), "
        f"{machine[2].strip()} GiB, Debian 12, against the simulator on loopback.\n\n")
table = "| figure | median | spread | goal | met |\n|---|---|---|---|---|\n" + "\n".join(
    f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows)
with open(f"{B}/bench/results.md", "w") as f:
    f.write(head + table + "\n")
print("\n" + head + table)
