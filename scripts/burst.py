#!/usr/bin/env python3
"""Times a burst of seed drops into a real `docgen run` started a few seconds earlier.

usage: scripts/burst.py DOCGEN_DLL [--files N] [--settle S] [--templates DIR] [-- extra docgen args]
Prints one line: docs/s, seconds, and the build. Each drop is written under a hidden name and
renamed into the inbox, as a copy tool does; the clock runs from the first drop to the last
document in out/. Used for docs/performance.md (the figures there say the command).
"""
import os, subprocess, sys, tempfile, time, shutil, argparse

parser = argparse.ArgumentParser()
parser.add_argument("dll")
parser.add_argument("--files", type=int, default=1000)
parser.add_argument("--settle", type=float, default=3.0)
parser.add_argument("--templates", default=os.path.join(os.path.dirname(__file__), "..", "templates"))
parser.add_argument("--seed", default=os.path.join(os.path.dirname(__file__), "..", "fixtures", "S001-seed.json"))
parser.add_argument("--strace", help="write strace -f -c of the service to this file")
parser.add_argument("extra", nargs="*")
a, unknown = parser.parse_known_args()
a.extra = [x for x in a.extra + unknown if x != "--"]

seed = open(a.seed, "rb").read()
folder = tempfile.mkdtemp(prefix="docgen-burst-")
root = os.path.join(folder, "data")
command = ["dotnet", a.dll, "run", f"--DocGen:Root={root}", f"--DocGen:Templates={os.path.abspath(a.templates)}",
           "--Logging:LogLevel:Default=Warning", *a.extra]
if a.strace:
    command = ["strace", "-f", "-c", "-o", a.strace, *command]
log = open(os.path.join(folder, "service.log"), "wb")
service = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
try:
    inbox, out = os.path.join(root, "inbox"), os.path.join(root, "out")
    while not os.path.isdir(inbox):
        if service.poll() is not None:
            sys.exit("the service did not start:\n" + open(os.path.join(folder, "service.log"), errors="replace").read()[-2000:])
        time.sleep(0.01)
    time.sleep(a.settle)
    def cpu():  # the service's user + system time, in seconds (strace's child when traced)
        pid = service.pid
        children = open(f"/proc/{pid}/task/{pid}/children").read().split() if a.strace else []
        fields = open(f"/proc/{int(children[0]) if children else pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    cpu0 = cpu()
    start = time.perf_counter()
    for i in range(a.files):
        hidden = os.path.join(inbox, f".b{i:05d}.tmp")
        with open(hidden, "wb") as f:
            f.write(seed)
        os.rename(hidden, os.path.join(inbox, f"b{i:05d}.json"))
    while sum(1 for n in os.listdir(out) if n.endswith(".docx")) < a.files:
        if service.poll() is not None or time.perf_counter() - start > 600:
            sys.exit("the service stopped or took over 10 minutes:\n" + open(os.path.join(folder, "service.log"), errors="replace").read()[-2000:])
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    used = cpu() - cpu0
    print(f"{a.files / seconds:.0f} docs/s ({seconds:.2f} s, {1000 * used / a.files:.1f} ms CPU/doc, {a.files} drops, {a.dll} {' '.join(a.extra)})", flush=True)
finally:
    target = service.pid
    if a.strace:  # stop the service itself, so that strace writes its summary as it ends
        children = open(f"/proc/{service.pid}/task/{service.pid}/children").read().split()
        target = int(children[0]) if children else service.pid
    os.kill(target, 2)
    try:
        service.wait(timeout=30)
    except subprocess.TimeoutExpired:
        service.kill()
    shutil.rmtree(folder, ignore_errors=True)
